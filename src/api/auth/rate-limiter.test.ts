import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RateLimiter } from './rate-limiter.js';

const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);

test('a rate limiter allows perMinute per key, then says when to retry; the next window starts fresh', () => {
  const limiter = new RateLimiter(3);
  for (let i = 0; i < 3; i++) assert.deepEqual(limiter.take('192.0.2.1', T0 + i * 1000), { allowed: true });
  assert.deepEqual(limiter.take('192.0.2.1', T0 + 15_000), { allowed: false, retryAfterSeconds: 45 });
  assert.deepEqual(limiter.take('192.0.2.2', T0 + 15_000), { allowed: true }, 'another key has its own window');
  assert.deepEqual(limiter.peek('192.0.2.1', T0 + 59_500), { allowed: false, retryAfterSeconds: 1 });
  assert.deepEqual(limiter.take('192.0.2.1', T0 + 60_000), { allowed: true });
});

test('peek does not count; refused takes do not extend the window', () => {
  const limiter = new RateLimiter(1);
  for (let i = 0; i < 5; i++) assert.deepEqual(limiter.peek('alice', T0), { allowed: true });
  limiter.take('alice', T0);
  for (let i = 0; i < 5; i++) assert.equal(limiter.take('alice', T0 + 30_000).allowed, false);
  assert.equal(limiter.take('alice', T0 + 60_000).allowed, true);
});

test('a rate limiter keeps at most maxKeys windows', () => {
  const limiter = new RateLimiter(1, 100);
  for (let i = 0; i < 1000; i++) limiter.take(`key-${i}`, T0);
  // The oldest keys were dropped to make room: they start a new window.
  assert.equal(limiter.take('key-0', T0).allowed, true);
  assert.equal(limiter.take('key-999', T0).allowed, false);
});
