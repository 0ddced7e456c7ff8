import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { describeCatalogue } from './check.js';
import { loadKnownIssues, type KnownIssueCatalogue } from './load.js';

const README = 'rules/README.md';
const START = '<!-- known-issues:start -->';
const END = '<!-- known-issues:end -->';
// UPDATE_GOLDEN=1 rewrites the table in the README; review the diff before keeping it.
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const catalogue = loadKnownIssues('rules/known-issues.yaml');

/** The README's rule list, as the catalogue says it should read. */
function ruleTable(rules: KnownIssueCatalogue['rules']): string {
  const rows = rules.map((rule) => {
    const kind = rule.match.kind === 'inventory' ? 'inventory' : 'event';
    const effect = rule.effect === 'raise' && rule.raise ? `raise (${rule.raise.severity})` : rule.effect;
    return `| \`${rule.id}\` | ${rule.vendorId ?? '–'} | ${rule.tier} | ${kind} | ${effect} | ${rule.references.join(', ')} |`;
  });
  return ['| id | vendor id | tier | kind | effect | references |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

test('README lists every rule of known-issues.yaml, in catalogue order', () => {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  assert.ok(start >= 0 && end > start, `${README} needs the markers ${START} and ${END}`);
  const expected = `${START}\n${ruleTable(catalogue.rules)}\n${END}`;
  if (UPDATE) writeFileSync(README, readme.slice(0, start) + expected + readme.slice(end + END.length));
  assert.equal(readFileSync(README, 'utf8').slice(start, start + expected.length), expected);
});

test('README gives the counts check-rules prints', () => {
  const readme = readFileSync(README, 'utf8');
  assert.ok(readme.includes(`<!-- known-issues-count -->${describeCatalogue(catalogue)}\n`), `README should say: ${describeCatalogue(catalogue)}`);
});

test('no vendor id is both a rule and listed as not covered', () => {
  const readme = readFileSync(README, 'utf8');
  // The tier N and undescribed ids; the later bullets may name rules (caveats, rate detection).
  const notCovered = readme.slice(readme.indexOf('## Not covered'), readme.indexOf('**Unnamed caveats left out**'));
  const listed = new Set(notCovered.match(/IPOFFICE-\d+/g) ?? []);
  const ruled = catalogue.rules.map((rule) => rule.vendorId).filter((id) => id !== undefined);
  assert.ok(listed.size > 0, 'README "Not covered" lists the tier N issues');
  assert.deepEqual(ruled.filter((id) => listed.has(id)), []);
});
