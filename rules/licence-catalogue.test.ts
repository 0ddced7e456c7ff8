import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { CompiledLicenceCatalogue } from '../src/licence/catalogue.js';
import { makeTempDir } from '../test/helpers/temp-dir.js';
import { caseFilePaths } from './check.js';
import { checkLicenceStates, LICENCE_CASES_DIR, loadLicenceCaseFile, requiredPaths } from './licence-check.js';
import { loadLicenceStates } from './licence-load.js';
import { runLicenceCase } from './licence-run-cases.js';
import { loadKnownIssues } from './load.js';

const RULES_DIR = 'rules';
const CASES_DIR = join(RULES_DIR, LICENCE_CASES_DIR);
const catalogue = loadLicenceStates(join(RULES_DIR, 'licence-states.yaml'));
const compiled = new CompiledLicenceCatalogue(catalogue);
const knownIssues = loadKnownIssues(join(RULES_DIR, 'known-issues.yaml'));

for (const path of caseFilePaths(CASES_DIR)) {
  test(`licence case file ${path}`, () => {
    const outcome = runLicenceCase(loadLicenceCaseFile(path), compiled, knownIssues);
    assert.deepEqual(outcome.failures, []);
    assert.ok(outcome.checks > 0);
  });
}

test('check-rules (licence half) passes: the scenarios exercise every transition and every grace expiry', () => {
  const result = checkLicenceStates(RULES_DIR);
  assert.ok(result.ok, result.ok ? '' : result.message);
  assert.equal(result.summary.split('\n')[0], 'rules/licence-states.yaml: 14 modes on 2 tracks, 9 signals, 16 transitions (7 inferred), 3 grace periods');
  assert.match(result.summary, /rules\/cases\/licence-states: \d+ case files, \d+ steps and \d+ expectations checked; every transition and grace expiry exercised$/);
  assert.equal(requiredPaths(catalogue).length, 21, '19 (from, signal) pairs of 16 transitions and 2 grace expiries');
});

function copyOfRules(t: TestContext): string {
  const temp = makeTempDir();
  t.after(() => temp.remove());
  for (const file of ['licence-states.yaml', 'known-issues.yaml']) cpSync(join(RULES_DIR, file), join(temp.path, file));
  cpSync(CASES_DIR, join(temp.path, LICENCE_CASES_DIR), { recursive: true });
  return temp.path;
}

test('a wrong expectation, a missing scenario and a suspect naming no known issue all fail together, each located', (t) => {
  const dir = copyOfRules(t);
  const cases = join(dir, LICENCE_CASES_DIR);
  const grace = join(cases, 'weblm-grace-to-restricted.yaml');
  writeFileSync(grace, readFileSync(grace, 'utf8').replace('daysRemaining: 7, alarms: { licence.grace: major }', 'daysRemaining: 8, alarms: { licence.grace: major }'));
  rmSync(join(cases, 'select-track.yaml'));
  const states = join(dir, 'licence-states.yaml');
  writeFileSync(states, readFileSync(states, 'utf8').replace('suspect: ipoffice-111618-false-weblm-error-mode', 'suspect: ipoffice-111619-no-such-issue'));
  const result = checkLicenceStates(dir);
  assert.ok(!result.ok);
  assert.deepEqual(result.message.split('\n'), [
    'Licence-state check failed (4 problems):',
    `${states}: transitions[1].suspect: no known-issue rule "ipoffice-111619-no-such-issue" in known-issues.yaml`,
    `${join(cases, 'weblm-error-recovers.yaml')}: "WebLM Error ends when the licence server answers again, or when WebLM Error Mode clears; a bare WebLM Error Mode is suspect (001:295)", step 4 (syslog major "WebLM Error Mode"): suspect: expected "ipoffice-111618-false-weblm-error-mode"; got "ipoffice-111619-no-such-issue"`,
    `${grace}: "WebLM licence server lost for good; 30 days of grace, escalating, then WebLM Restricted (001:1212, 001:1249-1250)", step 2 (after 23d): daysRemaining: expected 8; got 7`,
    `${cases}: no scenario exercises select-licensed on select-not-licensed; select-unknown on select-not-licensed.cleared`,
  ]);
});

test('a broken case file is reported with its location, and a step that is refused names why', (t) => {
  const dir = copyOfRules(t);
  const cases = join(dir, LICENCE_CASES_DIR);
  writeFileSync(join(cases, 'broken.yaml'), 'name: broken\ngiven: { nodes: [{ id: v2, role: ip500v2 }] }\nsteps:\n  - { after: 2d, assert: { mode: x } }\n');
  writeFileSync(join(cases, 'refused.yaml'), 'name: refused\ngiven: { nodes: [{ id: v2, role: ip500v2 }] }\nsteps:\n  - { assert: { mode: Gold Mode } }\n');
  const result = checkLicenceStates(dir);
  assert.ok(!result.ok);
  assert.ok(result.message.includes(`Invalid licence case file in ${join(cases, 'broken.yaml')} (1 problem):\n  ${join(cases, 'broken.yaml')}:4:5 steps[0]: give exactly one of send, after, assert; got after and assert`), result.message);
  assert.ok(result.message.includes(`${join(cases, 'refused.yaml')}: "refused", step 1 (assert Gold Mode): refused: mode: no licence mode "Gold Mode"`), result.message);
});

test('no licence catalogue in a rules folder: nothing to check', () => {
  assert.deepEqual(checkLicenceStates('rules/testdata/check/invalid'), { ok: true, summary: 'rules/testdata/check/invalid/licence-states.yaml: absent, nothing to check' });
});
