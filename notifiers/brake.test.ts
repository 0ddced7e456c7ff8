import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffMs } from './backoff.js';
import { Brake } from './brake.js';
import { nextFlushAt } from './group-timing.js';

const MIN = 60_000;

test('the brake lets N messages through per window, then holds until the digest', () => {
  const brake = new Brake(3, 10 * MIN);
  assert.deepEqual([0, 1, 2, 3, 4].map((i) => brake.allow(i * 1000)), [true, true, true, false, false]);
  assert.equal(brake.digestDueAt(), 10 * MIN);
  assert.equal(brake.allow(11 * MIN), false, 'still held until the digest goes');
  brake.digestSent();
  assert.equal(brake.digestDueAt(), null);
  assert.equal(brake.allow(12 * MIN), true, 'a new window opens');
});

test('a window ends by itself when it was not exceeded', () => {
  const brake = new Brake(2, 10 * MIN);
  assert.equal(brake.allow(0), true);
  assert.equal(brake.allow(1), true);
  assert.equal(brake.allow(10 * MIN), true, 'next window');
  assert.equal(brake.digestDueAt(), null);
});

test('the brake resumes from the messages of the last interval', () => {
  const brake = new Brake(2, 10 * MIN);
  brake.restore([1 * MIN, 2 * MIN, -20 * MIN], null, 5 * MIN);
  assert.equal(brake.allow(5 * MIN), false);
  assert.equal(brake.digestDueAt(), 11 * MIN);
  const held = new Brake(2, 10 * MIN);
  held.restore([], 3 * MIN, 5 * MIN);
  assert.equal(held.digestDueAt(), 13 * MIN, 'held deliveries from before the restart keep their digest');
});

test('backoff doubles from initialSeconds up to maxSeconds, jittered by half', () => {
  const policy = { initialSeconds: 30, maxSeconds: 300 };
  assert.deepEqual([1, 2, 3, 4, 5, 10].map((n) => backoffMs(n, policy, () => 1)), [30_000, 60_000, 120_000, 240_000, 300_000, 300_000]);
  assert.equal(backoffMs(1, policy, () => 0), 15_000);
});

test('group timing: group wait first, then group interval, then repeat interval', () => {
  const timing = { groupWaitMs: 30_000, groupIntervalMs: 5 * MIN, repeatIntervalMs: 240 * MIN };
  assert.equal(nextFlushAt({ firstPendingAt: 1000, lastFlushAt: null, firing: 0 }, timing), 31_000);
  assert.equal(nextFlushAt({ firstPendingAt: 2 * MIN, lastFlushAt: 1 * MIN, firing: 1 }, timing), 6 * MIN);
  assert.equal(nextFlushAt({ firstPendingAt: 60 * MIN, lastFlushAt: 1 * MIN, firing: 1 }, timing), 60 * MIN + 30_000, 'a long-quiet group waits group wait again');
  assert.equal(nextFlushAt({ firstPendingAt: null, lastFlushAt: 1 * MIN, firing: 2 }, timing), 241 * MIN);
  assert.equal(nextFlushAt({ firstPendingAt: null, lastFlushAt: 1 * MIN, firing: 0 }, timing), null);
});
