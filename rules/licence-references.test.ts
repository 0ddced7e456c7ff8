import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadLicenceStates } from './licence-load.js';
import { citedLines, seedLines } from './seed-citations.js';

const catalogue = loadLicenceStates('rules/licence-states.yaml');

/** The cited text, which must not be blank. */
function cited(reference: string): string {
  const text = citedLines(reference).join('\n');
  assert.ok(text.trim() !== '', `${reference} is an empty line`);
  return text;
}

test('every seed line the licence catalogue cites exists and is not blank', () => {
  const all = [...catalogue.modes, ...catalogue.signals, ...catalogue.transitions].flatMap((item) => item.references ?? []);
  assert.ok(all.length > 40);
  for (const reference of all) cited(reference);
});

test('the six modes of the seed\'s summary table (001:1245-1250) are modes of the catalogue, each citing a line that names it', () => {
  const table = seedLines('001').slice(1244, 1250).map((line) => line.split('\t')[0]?.trim());
  const documented = catalogue.modes.filter((mode) => table.includes(mode.name));
  assert.deepEqual(
    documented.map((mode) => mode.id),
    ['license-normal', 'license-server-error', 'license-configuration-error', 'weblm-normal', 'weblm-error', 'weblm-restricted'],
  );
  for (const mode of documented) {
    assert.ok(mode.references.some((reference) => cited(reference).toLowerCase().includes(mode.name.toLowerCase())), `${mode.id}: no reference names "${mode.name}"`);
  }
});

test('each quoted SSA text of a signal is in a line it cites', () => {
  for (const signal of catalogue.signals) {
    const quote = /"([^"<]+)"/.exec(signal.summary)?.[1];
    if (quote === undefined || signal.references === undefined) continue;
    assert.ok(signal.references.some((reference) => cited(reference).includes(quote)), `${signal.id}: "${quote}" is not in ${signal.references.join(', ')}`);
  }
});
