import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_PATTERN } from './schema.js';

// ../shared/seeds is beside every checkout and CI run (shared/README.md); the seeds are the domain truth.
const SEEDS_DIR = '../shared/seeds';
const seeds = new Map<string, string[]>();

/** The lines of seed file `<prefix>_*.txt` (read once). For tests that check what catalogues cite. */
export function seedLines(prefix: string): string[] {
  let lines = seeds.get(prefix);
  if (!lines) {
    const name = readdirSync(SEEDS_DIR).find((file) => file.startsWith(`${prefix}_`) && file.endsWith('.txt'));
    assert.ok(name, `no seed file ${prefix}_*.txt in ${SEEDS_DIR}`);
    lines = readFileSync(join(SEEDS_DIR, name), 'utf8').split('\n');
    seeds.set(prefix, lines);
  }
  return lines;
}

/** The lines a citation such as "001:1245" or "001:1245-1250" names; fails the test when it is malformed or past the end. */
export function citedLines(reference: string): string[] {
  const [, prefix, first, last] = REFERENCE_PATTERN.exec(reference) ?? [];
  assert.ok(prefix && first, `"${reference}" is not a seed citation`);
  const lines = seedLines(prefix);
  const from = Number(first);
  const to = last === undefined ? from : Number(last);
  assert.ok(to <= lines.length, `${reference}: seed ${prefix} has only ${lines.length} lines`);
  return lines.slice(from - 1, to);
}
