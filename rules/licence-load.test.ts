import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { codedError, testInvalidFixtures } from '../test/helpers/invalid-fixtures.js';
import { loadLicenceStates, parseLicenceStates } from './licence-load.js';
import { licenceStatesJsonSchema } from './licence-schema.js';

// Paths relative to the repository root, where the test runner runs, so messages show the paths a user types.
const INVALID_DIR = 'rules/testdata/licence-invalid';
const JSON_SCHEMA_FILE = 'rules/licence-states.schema.json';
testInvalidFixtures({ dir: INVALID_DIR, load: loadLicenceStates, yamlCases: new Set(['yaml-syntax-error']), yamlCode: 'IPO_ERR_RULES_YAML', invalidCode: 'IPO_ERR_RULES_INVALID' });

test('an unreadable licence catalogue is IPO_ERR_RULES_READ, naming the path', () => {
  const missing = codedError(() => loadLicenceStates('rules/testdata/no-such-licence-states.yaml'));
  assert.equal(missing.code, 'IPO_ERR_RULES_READ');
  assert.match(missing.message, /^Cannot read licence-state catalogue rules\/testdata\/no-such-licence-states\.yaml: ENOENT/);
});

test('the shipped catalogue loads: every documented mode, with defaults filled in', () => {
  const catalogue = loadLicenceStates('rules/licence-states.yaml');
  const names = catalogue.modes.filter((mode) => mode.track === 'licence').map((mode) => mode.name);
  for (const name of ['License Normal', 'License Server Error', 'License Configuration Error', 'WebLM Normal', 'WebLM Error', 'WebLM Restricted']) assert.ok(names.includes(name), name);
  const weblmError = catalogue.modes.find((mode) => mode.id === 'weblm-error');
  assert.deepEqual(weblmError?.grace, { days: 30, expiresTo: 'weblm-restricted', dailyAlarm: false });
  assert.deepEqual(catalogue.modes.find((mode) => mode.id === 'subscription-grace')?.grace, { days: 30, expiresTo: 'subscription-deactivated', dailyAlarm: true });
  assert.equal(weblmError?.inferred, false);
});

test('catalogue text is validated with located messages, cross-checks included', () => {
  const text = readFileSync('rules/licence-states.yaml', 'utf8').replace('expiresTo: weblm-restricted', 'expiresTo: weblm-error');
  const error = codedError(() => parseLicenceStates(text, 'inline.yaml'));
  assert.match(error.message, /^Invalid licence-state catalogue in inline\.yaml \(1 problem\):\n {2}inline\.yaml:\d+:\d+ modes\[4\]\.grace\.expiresTo: a grace cannot expire into its own mode$/);
});

test('licence-states.schema.json (for editors) is the schema as generated now; UPDATE_GOLDEN=1 rewrites it', () => {
  const text = `${JSON.stringify(licenceStatesJsonSchema(), null, 2)}\n`;
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(JSON_SCHEMA_FILE, text);
  assert.equal(readFileSync(JSON_SCHEMA_FILE, 'utf8'), text);
});
