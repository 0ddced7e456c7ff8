import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { codedError, testInvalidFixtures } from '../test/helpers/invalid-fixtures.js';
import { loadKnownIssues, parseKnownIssues } from './load.js';
import { knownIssuesJsonSchema } from './schema.js';

// Paths are relative to the repository root, where the test runner runs, so
// the file names in the expected messages are the ones a user would type.
const INVALID_DIR = 'rules/testdata/invalid';
const JSON_SCHEMA_FILE = 'rules/known-issues.schema.json';
const YAML_CASES = new Set(['yaml-syntax-error', 'duplicate-yaml-key']);
testInvalidFixtures({ dir: INVALID_DIR, load: loadKnownIssues, yamlCases: YAML_CASES, yamlCode: 'IPO_ERR_RULES_YAML', invalidCode: 'IPO_ERR_RULES_INVALID' });

test('an unreadable catalogue is IPO_ERR_RULES_READ, naming the path and the OS error', () => {
  const missing = codedError(() => loadKnownIssues('rules/testdata/no-such-file.yaml'));
  assert.equal(missing.code, 'IPO_ERR_RULES_READ');
  assert.match(missing.message, /^Cannot read rule catalogue rules\/testdata\/no-such-file\.yaml: ENOENT: no such file or directory/);
  assert.equal(codedError(() => loadKnownIssues('rules/testdata')).code, 'IPO_ERR_RULES_READ');
});

test('a valid catalogue keeps its values as written', () => {
  const catalogue = parseKnownIssues(
    [
      'kind: known-issues',
      'version: 1',
      'rules:',
      '  - id: ipoffice-111894-remote-worker-basic-user-limit',
      '    vendorId: IPOFFICE-111894',
      '    title: Only 255 remote Basic Users can log in',
      '    tier: A',
      '    references: ["001:339"]',
      '    releases: [{ from: "10.0", before: "10.0 SP1" }]',
      '    match: { textMatches: "Extn\\\\d+: User is not licensed", version: { before: "10.0 SP1" } }',
      '    effect: raise',
      '    raise: { code: known-issue.remote-worker-licence-logout, severity: major, category: License }',
      '    workaround: Upgrade to 10.0 SP1.',
    ].join('\n'),
    'inline.yaml',
  );
  assert.deepEqual(catalogue.rules[0]?.match, { textMatches: 'Extn\\d+: User is not licensed', version: { before: '10.0 SP1' } });
  assert.deepEqual(catalogue.rules[0]?.releases, [{ from: '10.0', before: '10.0 SP1' }]);
});

test('the shipped catalogue loads', () => {
  const catalogue = loadKnownIssues('rules/known-issues.yaml');
  assert.ok(catalogue.rules.length >= 44, 'every observable known issue of 001 and 002 is a rule');
});

test('known-issues.schema.json (for editors) is the schema as generated now; UPDATE_GOLDEN=1 rewrites it', () => {
  const schema = knownIssuesJsonSchema();
  assert.equal(schema['additionalProperties'], false);
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(JSON_SCHEMA_FILE, text);
  assert.equal(readFileSync(JSON_SCHEMA_FILE, 'utf8'), text);
});
