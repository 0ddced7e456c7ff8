import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { makeTempDir } from '../test/helpers/temp-dir.js';
import { checkRules } from './check.js';

const RULE_ID = 'ipoffice-111618-system-id-changed-weblm';

/** A copy of rules/known-issues.yaml and its cases in a temp folder, to break on purpose. */
function copyOfRules(t: TestContext): { dir: string; cases: string } {
  const temp = makeTempDir();
  t.after(() => temp.remove());
  cpSync('rules/known-issues.yaml', join(temp.path, 'known-issues.yaml'));
  cpSync('rules/cases', join(temp.path, 'cases'), { recursive: true });
  return { dir: temp.path, cases: join(temp.path, 'cases', 'known-issues') };
}

function failure(dir: string): string {
  const result = checkRules(dir);
  assert.ok(!result.ok, 'expected the check to fail');
  return result.message;
}

test('an invalid catalogue: the loader message, every problem with its location', () => {
  const message = failure('rules/testdata/check/invalid');
  assert.match(message, /^Invalid rule catalogue in rules\/testdata\/check\/invalid\/known-issues\.yaml \(1 problem\):\n {2}rules\/testdata\/check\/invalid\/known-issues\.yaml:\d+:\d+ rules\[0\]\.effect: expected one of "annotate", "benign", "raise"; got "suppress"$/);
});

test('a missing catalogue is reported, not thrown', () => {
  assert.match(failure('rules/testdata/no-such-dir'), /^Cannot read rule catalogue rules\/testdata\/no-such-dir\/known-issues\.yaml: ENOENT/);
});

test('without a cases folder the catalogue alone is checked', (t) => {
  const { dir, cases } = copyOfRules(t);
  rmSync(join(dir, 'cases'), { recursive: true });
  const result = checkRules(dir);
  assert.ok(result.ok);
  assert.match(result.summary, new RegExp(`${cases.replaceAll('/', '\\/')}: no case files \\(folder missing\\)$`));
});

test('a case whose expectation is wrong fails, naming the file, case, event and both match sets', (t) => {
  const { dir, cases } = copyOfRules(t);
  const path = join(cases, `${RULE_ID}.yaml`);
  writeFileSync(path, readFileSync(path, 'utf8').replace(`{ ${RULE_ID}: benign }`, `{ ${RULE_ID}: annotate }`));
  const message = failure(dir);
  assert.equal(
    message.split('\n')[1],
    `${path}: case "benign on a node licensed through WebLM", event 1 (ssa "System ID has changed"): expected { ${RULE_ID}: annotate }; got { ${RULE_ID}: benign }`,
  );
});

test('a rule without a case file, a case file without a rule, a broken case file and missing negatives all fail together', (t) => {
  const { dir, cases } = copyOfRules(t);
  rmSync(join(cases, `${RULE_ID}.yaml`));
  writeFileSync(join(cases, 'no-such-rule.yaml'), 'cases: []\n');
  const onlyPositive = join(cases, 'ipoffice-110586-backup-sftp-host-key.yaml');
  writeFileSync(
    onlyPositive,
    ['cases:', '  - name: only positive', '    given:', '      node: { role: primary, version: "10.0" }', '      events:', '        - { text: "Backup failed: Wait inventory pushed stage failed" }', '    expect:', '      events:', '        - { ipoffice-110586-backup-sftp-host-key: raise }', ''].join('\n'),
  );
  const message = failure(dir);
  assert.match(message, /^Rule check failed \(4 problems\):$/m);
  assert.ok(message.includes(`Invalid rule case file in ${join(cases, 'no-such-rule.yaml')} (1 problem):\n  ${join(cases, 'no-such-rule.yaml')}:1:8 cases: expected a list with at least 1 item; got an empty list`));
  assert.ok(message.includes(`${join(cases, `${RULE_ID}.yaml`)}: missing; every rule needs a case file`));
  assert.ok(message.includes(`${join(cases, 'no-such-rule.yaml')}: names no rule of the catalogue (the file name must be a rule id)`));
  assert.ok(message.includes(`${onlyPositive}: no negative case (an event or node the rule must leave alone)`));
});

