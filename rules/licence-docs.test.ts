import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { describeLicenceCatalogue } from './licence-check.js';
import { loadLicenceStates, type LicenceCatalogue } from './licence-load.js';

const README = 'rules/README.md';
const START = '<!-- licence-states:start -->';
const END = '<!-- licence-states:end -->';
// UPDATE_GOLDEN=1 rewrites the tables in the README; review the diff before keeping it.
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const catalogue = loadLicenceStates('rules/licence-states.yaml');

/** The README's mode and transition tables, as the catalogue says they should read. */
function tables(c: LicenceCatalogue): string {
  const grace = (mode: LicenceCatalogue['modes'][number]) =>
    mode.grace ? `${mode.grace.days ?? '?'} days${mode.grace.expiresTo ? ` → \`${mode.grace.expiresTo}\`` : ''}${mode.grace.dailyAlarm ? ', daily alarm' : ''}` : '–';
  const modes = c.modes.map(
    (mode) =>
      `| \`${mode.id}\` | ${mode.track} | ${mode.name} | ${mode.licenceSources?.join(', ') ?? 'any'} | ${grace(mode)} | ${mode.alarm} | ${mode.inferred ? 'yes' : ''} | ${mode.references.join(', ')} |`,
  );
  const transitions = c.transitions.map(
    (t) => `| ${t.from.map((from) => `\`${from}\``).join(', ')} | \`${t.on}\` | \`${t.to}\` | ${t.inferred ? 'yes' : ''} | ${t.suspect ? `\`${t.suspect}\`` : ''} | ${t.references.join(', ')} |`,
  );
  return [
    '| mode | track | name | licence sources | grace | alarm | inferred | references |',
    '|---|---|---|---|---|---|---|---|',
    ...modes,
    '',
    '| from | on | to | inferred | suspect | references |',
    '|---|---|---|---|---|---|',
    ...transitions,
  ].join('\n');
}

test('README lists every mode and transition of licence-states.yaml, in catalogue order', () => {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  assert.ok(start >= 0 && end > start, `${README} needs the markers ${START} and ${END}`);
  const expected = `${START}\n${tables(catalogue)}\n${END}`;
  if (UPDATE) writeFileSync(README, readme.slice(0, start) + expected + readme.slice(end + END.length));
  assert.equal(readFileSync(README, 'utf8').slice(start, start + expected.length), expected);
});

test('README gives the counts check-rules prints for the licence catalogue', () => {
  assert.ok(readFileSync(README, 'utf8').includes(`<!-- licence-states-count -->${describeLicenceCatalogue(catalogue)}\n`));
});
