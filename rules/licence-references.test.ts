import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadLicenceStates } from './licence-load.js';
import { REFERENCE_PATTERN } from './schema.js';

// ../shared/seeds is beside every checkout (shared/README.md); the seeds are the domain truth.
const SEEDS_DIR = '../shared/seeds';
const catalogue = loadLicenceStates('rules/licence-states.yaml');

const seeds = new Map<string, string[]>();
function seedLines(prefix: string): string[] {
  let lines = seeds.get(prefix);
  if (!lines) {
    const name = readdirSync(SEEDS_DIR).find((file) => file.startsWith(`${prefix}_`) && file.endsWith('.txt'));
    assert.ok(name, `no seed file ${prefix}_*.txt in ${SEEDS_DIR}`);
    lines = readFileSync(join(SEEDS_DIR, name), 'utf8').split('\n');
    seeds.set(prefix, lines);
  }
  return lines;
}

function cited(reference: string): string {
  const [, prefix, first, last] = REFERENCE_PATTERN.exec(reference) ?? [];
  assert.ok(prefix && first, `"${reference}" is not a seed citation`);
  const lines = seedLines(prefix);
  const to = last === undefined ? Number(first) : Number(last);
  assert.ok(to <= lines.length, `${reference}: seed ${prefix} has only ${lines.length} lines`);
  const text = lines.slice(Number(first) - 1, to).join('\n');
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
