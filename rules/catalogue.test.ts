import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { caseFilePaths, checkRules, coverageProblems, KNOWN_ISSUE_CASES_DIR, loadCaseFile, ruleIdOf } from './check.js';
import { loadKnownIssues } from './load.js';
import { createRuleMatcher } from './matcher.js';
import { runRuleCases } from './run-cases.js';

// Paths are relative to the repository root, where the test runner runs.
const RULES_DIR = 'rules';
const CASES_DIR = join(RULES_DIR, KNOWN_ISSUE_CASES_DIR);
const catalogue = loadKnownIssues(join(RULES_DIR, 'known-issues.yaml'));
const matcher = createRuleMatcher(catalogue);
const paths = caseFilePaths(CASES_DIR);

test('every rule has a case file, and every case file names a rule', () => {
  assert.deepEqual(coverageProblems(catalogue, paths, CASES_DIR), []);
});

for (const path of paths) {
  const ruleId = ruleIdOf(path);
  test(`case file ${ruleId}`, () => {
    const outcome = runRuleCases(ruleId, loadCaseFile(path), matcher, catalogue);
    assert.deepEqual(outcome.failures, []);
    assert.ok(outcome.positives > 0, 'a case must show the rule matching an event, or a node exposed to it');
    assert.ok(outcome.negatives > 0, 'a case must show an event or node the rule leaves alone');
  });
}

test('the coverage check names a rule without a case file and a case file for an unknown rule', () => {
  const [first, ...rest] = paths;
  const problems = coverageProblems(catalogue, [...rest, join(CASES_DIR, 'no-such-rule.yaml')], CASES_DIR);
  assert.deepEqual(problems, [
    `${join(CASES_DIR, `${ruleIdOf(first!)}.yaml`)}: missing; every rule needs a case file`,
    `${join(CASES_DIR, 'no-such-rule.yaml')}: names no rule of the catalogue (the file name must be a rule id)`,
  ]);
});

test('checkRules(rules) passes and summarises the catalogue and its cases', () => {
  const result = checkRules(RULES_DIR);
  assert.ok(result.ok, result.ok ? '' : result.message);
  assert.match(result.summary, /^rules\/known-issues\.yaml: \d+ rules \(annotate \d+, benign \d+, raise \d+; tier A \d+, M \d+, B \d+, C \d+; \d+ inventory\)\n/);
  assert.match(result.summary, /rules\/cases\/known-issues: \d+ case files, \d+ events and \d+ exposures checked, all as expected$/);
});
