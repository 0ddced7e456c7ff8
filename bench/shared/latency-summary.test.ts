import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ms, percentile, ratio, summarise } from './latency-summary.js';

test('percentile is nearest-rank over unsorted values', () => {
  const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
  assert.equal(percentile(values, 50), 5);
  assert.equal(percentile(values, 95), 10);
  assert.equal(percentile(values, 10), 1);
  assert.equal(percentile([42], 95), 42);
  assert.ok(Number.isNaN(percentile([], 50)));
});

test('summarise gives count, min, median, p95 and max', () => {
  const values = Array.from({ length: 100 }, (_, i) => 100 - i);
  assert.deepEqual(summarise(values), { count: 100, min: 1, median: 50, p95: 95, max: 100 });
  assert.equal(summarise([]).count, 0);
});

test('ms and ratio format for the report', () => {
  assert.equal(ms(3.14159), '3.1 ms');
  assert.equal(ms(1234.5), '1,235 ms');
  assert.equal(ms(Number.NaN), '–');
  assert.equal(ratio(300, 10), '30');
  assert.equal(ratio(25, 10), '2.5');
  assert.equal(ratio(1, 8), '0.13');
  assert.equal(ratio(1, 0), 'n/a');
});
