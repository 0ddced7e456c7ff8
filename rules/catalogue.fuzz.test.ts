import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { CompiledLicenceCatalogue } from '../src/licence/catalogue.js';
import { CodedError } from '../src/errors.js';
import { fuzz, mutatedText } from '../test/helpers/fuzz.js';
import { parseLicenceStates } from './licence-load.js';
import { parseKnownIssues } from './load.js';
import { createRuleMatcher } from './matcher.js';

const FILE = 'fuzz.yaml';
const LOCATED = /^ {2}fuzz\.yaml:\d+:\d+ /m;

// The shipped known-issue catalogue cut to its first rules: the same shapes, a fraction of the time per run.
const knownIssues = parse(readFileSync(new URL('known-issues.yaml', import.meta.url), 'utf8')) as { rules: unknown[] };
const SMALL_KNOWN_ISSUES = stringify({ ...knownIssues, rules: knownIssues.rules.slice(0, 6) });
const LICENCE_STATES = readFileSync(new URL('licence-states.yaml', import.meta.url), 'utf8');

/** Returns the result, or checks the refusal is a located CodedError of the rule codes; anything else fails. */
function attempt<T>(load: () => T): T | null {
  try {
    return load();
  } catch (error) {
    assert.ok(error instanceof CodedError, `not a CodedError: ${String(error)}`);
    assert.ok(error.code === 'IPO_ERR_RULES_YAML' || error.code === 'IPO_ERR_RULES_INVALID', error.code);
    assert.match(error.message, LOCATED, 'every problem names file:line:column');
    return null;
  }
}

test('fuzz: a known-issue catalogue, mutated, loads and compiles or fails with a located rules error', () => {
  fuzz(60, [mutatedText(fc.constant(SMALL_KNOWN_ISSUES), 3)], (text) => {
    const catalogue = attempt(() => parseKnownIssues(text, FILE));
    if (catalogue) createRuleMatcher(catalogue);
  }, { maxRuns: 2000 });
});

test('fuzz: the licence state catalogue, mutated, loads and compiles or fails with a located rules error', () => {
  fuzz(60, [mutatedText(fc.constant(LICENCE_STATES), 3)], (text) => {
    const catalogue = attempt(() => parseLicenceStates(text, FILE));
    if (catalogue) new CompiledLicenceCatalogue(catalogue);
  }, { maxRuns: 2000 });
});

test('fuzz: rule values replaced by any JSON value load or fail located', () => {
  const rule = knownIssues.rules[0] as Record<string, unknown>;
  const keys = Object.keys(rule);
  fuzz(100, [fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 2 })], (key, value) => {
    const text = stringify({ ...knownIssues, rules: [{ ...rule, [key]: value }] });
    const catalogue = attempt(() => parseKnownIssues(text, FILE));
    if (catalogue) createRuleMatcher(catalogue);
  }, { maxRuns: 2000 });
});
