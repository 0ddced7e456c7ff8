import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadKnownIssues } from './load.js';
import { citedLines } from './seed-citations.js';

const catalogue = loadKnownIssues('rules/known-issues.yaml');

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
