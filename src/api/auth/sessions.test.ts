import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SessionStore } from './sessions.js';

const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);

test('sessions end after the idle time and after the absolute lifetime, and on destroy', () => {
  const sessions = new SessionStore({ idleMs: 10 * 60_000, absoluteMs: 60 * 60_000, maxSessions: 10 });
  const alice = { name: 'alice', role: 'operator' as const, via: 'session' as const };
  const id = sessions.create(alice, T0);
  assert.match(id, /^[A-Za-z0-9_-]{43}$/, '32 random bytes');
  assert.deepEqual(sessions.resolve(id, T0 + 9 * 60_000), alice);
  // Used every 9 minutes it lives on, until the absolute limit.
  for (let t = 18; t <= 54; t += 9) assert.ok(sessions.resolve(id, T0 + t * 60_000), `minute ${t}`);
  assert.equal(sessions.resolve(id, T0 + 61 * 60_000), null, 'absolute lifetime');

  const idle = sessions.create(alice, T0);
  assert.equal(sessions.resolve(idle, T0 + 10 * 60_000 + 1), null, 'idle too long');
  const ended = sessions.create(alice, T0);
  sessions.destroy(ended);
  assert.equal(sessions.resolve(ended, T0), null);
  assert.equal(sessions.resolve('made-up', T0), null);
});

test('sessions are bounded: past maxSessions the oldest ends', () => {
  const sessions = new SessionStore({ idleMs: 60_000, absoluteMs: 60_000, maxSessions: 2 });
  const who = { name: 'v', role: 'viewer' as const, via: 'session' as const };
  const [a, b, c] = [sessions.create(who, T0), sessions.create(who, T0), sessions.create(who, T0)];
  assert.equal(sessions.size, 2);
  assert.equal(sessions.resolve(a, T0), null);
  assert.ok(sessions.resolve(b, T0) && sessions.resolve(c, T0));
});

test('a session handle: asking isActive does not keep the session alive; onEnd fires once at destroy, eviction or expiry', () => {
  const sessions = new SessionStore({ idleMs: 10 * 60_000, absoluteMs: 60 * 60_000, maxSessions: 2 });
  const who = { name: 'olivia', role: 'operator' as const, via: 'session' as const };
  const id = sessions.create(who, T0);
  const handle = sessions.handle(id);
  for (let minute = 5; minute <= 10; minute += 5) assert.equal(handle.isActive(T0 + minute * 60_000), true, `minute ${minute}`);
  assert.equal(handle.isActive(T0 + 10 * 60_000 + 1), false, 'idle from its last real use, not from the checks');

  const ends: string[] = [];
  const signedOut = sessions.create(who, T0);
  sessions.handle(signedOut).onEnd(() => ends.push('signed out'));
  const unwatched = sessions.create(who, T0);
  const stop = sessions.handle(unwatched).onEnd(() => ends.push('never'));
  stop();
  sessions.destroy(signedOut);
  sessions.destroy(signedOut);
  sessions.destroy(unwatched);
  assert.deepEqual(ends, ['signed out'], 'once, and not after the listener stopped');

  const oldest = sessions.create(who, T0);
  sessions.handle(oldest).onEnd(() => ends.push('evicted'));
  const expiring = sessions.create(who, T0);
  sessions.handle(expiring).onEnd(() => ends.push('expired'));
  sessions.create(who, T0); // past maxSessions: the oldest ends
  assert.equal(sessions.resolve(expiring, T0 + 11 * 60_000), null);
  assert.deepEqual(ends, ['signed out', 'evicted', 'expired']);
});
