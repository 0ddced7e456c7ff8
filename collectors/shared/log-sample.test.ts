import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogSample } from './log-sample.js';

test('createLogSample lets one line per key through per interval and counts the rest', () => {
  let now = 1_000;
  const sample = createLogSample({ now: () => now }, 10_000);
  assert.deepEqual(sample.take('bad-pri'), { suppressed: 0 });
  assert.equal(sample.take('bad-pri'), null);
  assert.deepEqual(sample.take('oversize'), { suppressed: 0 }, 'keys are limited apart');
  now += 9_999;
  assert.equal(sample.take('bad-pri'), null);
  now += 1;
  assert.deepEqual(sample.take('bad-pri'), { suppressed: 2 });
  assert.equal(sample.take('bad-pri'), null);
});
