import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoundedQueue } from './bounded-queue.js';

test('keeps FIFO order across the ring boundary', () => {
  const queue = new BoundedQueue<number>(3);
  assert.ok(queue.push(1));
  assert.ok(queue.push(2));
  assert.deepEqual(queue.shiftBatch(1), [1]);
  assert.ok(queue.push(3));
  assert.ok(queue.push(4));
  assert.deepEqual(queue.shiftBatch(10), [2, 3, 4]);
  assert.equal(queue.size, 0);
});

test('refuses, and keeps nothing, when full', () => {
  const queue = new BoundedQueue<string>(2);
  assert.ok(queue.push('a'));
  assert.ok(queue.push('b'));
  assert.equal(queue.push('c'), false);
  assert.equal(queue.size, 2);
  assert.deepEqual(queue.shiftBatch(5), ['a', 'b']);
});

test('unshiftBatch puts a failed batch back in front, in order', () => {
  const queue = new BoundedQueue<number>(5);
  for (const n of [1, 2, 3, 4]) queue.push(n);
  const batch = queue.shiftBatch(2);
  queue.push(5);
  queue.unshiftBatch(batch);
  assert.deepEqual(queue.shiftBatch(10), [1, 2, 3, 4, 5]);
});

test('rejects a capacity that is not a positive integer', () => {
  assert.throws(() => new BoundedQueue(0), RangeError);
  assert.throws(() => new BoundedQueue(1.5), RangeError);
});
