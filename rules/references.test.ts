import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadKnownIssues } from './load.js';
import { REFERENCE_PATTERN } from './schema.js';

// CI and developers have ../shared beside the checkout (shared/README.md); the seeds are the domain truth.
const SEEDS_DIR = '../shared/seeds';
const catalogue = loadKnownIssues('rules/known-issues.yaml');

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

// Words too common to show that a line is about the issue.
const STOP_WORDS = new Set([
  'about', 'after', 'also', 'been', 'before', 'cannot', 'does', 'from', 'have', 'into', 'must', 'only', 'other',
  'over', 'same', 'some', 'than', 'that', 'their', 'there', 'this', 'when', 'where', 'which', 'with', 'without',
]);

/** The title's words that are unlikely on an unrelated line: 4+ letters, or a number such as 411. A line without the vendor id needs two. */
function significantWords(title: string): string[] {
  return title
    .toLowerCase()
    .replaceAll('licence', 'license')
    .split(/[^a-z0-9]+/)
    .filter((word) => !STOP_WORDS.has(word) && (word.length >= 4 || (word.length >= 3 && /\d/.test(word))));
}

/** The cited lines (one, or a range), or a failure naming what is missing. */
function citedLines(reference: string): string[] {
  const [, prefix, first, last] = REFERENCE_PATTERN.exec(reference) ?? [];
  assert.ok(prefix && first, `"${reference}" is not a seed citation`);
  const lines = seedLines(prefix);
  const from = Number(first);
  const to = last === undefined ? from : Number(last);
  assert.ok(to <= lines.length, `${reference}: seed ${prefix} has only ${lines.length} lines`);
  return lines.slice(from - 1, to);
}

for (const rule of catalogue.rules) {
  test(`${rule.id}: every cited seed line exists and is about the issue`, () => {
    const words = significantWords(rule.title);
    const vendorId = rule.vendorId?.toLowerCase();
    let citesVendorId = false;
    for (const reference of rule.references) {
      const text = citedLines(reference).join('\n').toLowerCase().replaceAll('licence', 'license');
      if (vendorId !== undefined && new RegExp(`${vendorId}(?!\\d)`).test(text)) citesVendorId = true;
      const hit = (vendorId !== undefined && text.includes(vendorId)) || words.filter((word) => text.includes(word)).length >= 2;
      assert.ok(hit, `${reference} contains neither ${rule.vendorId ?? 'a vendor id'} nor two words of the title (${words.join(', ')})`);
    }
    if (vendorId !== undefined) assert.ok(citesVendorId, `no reference of ${rule.id} is a line that names ${rule.vendorId}`);
  });
}
