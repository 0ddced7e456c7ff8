import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryStore } from '../../storage/memory-store.js';
import { authApp, PASSWORD } from '../../../test/fakes/auth-app.js';
import type { Principal } from './principal.js';
import { LAST_USE_SAVED_EVERY_MS, SessionStore, type SessionPersistence } from './sessions.js';
import { sha256Hex } from './token-hash.js';

const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);
const MIN = 60_000;
const LIMITS = { idleMs: 60 * MIN, absoluteMs: 12 * 60 * MIN, maxSessions: 100 };
const anna: Principal = { name: 'anna', role: 'operator', via: 'session' };

/** Persistence on `store`, with the configured users of `users` (name → role). */
function persistence(store: MemoryStore, users: Record<string, Principal['role']>, errors: unknown[] = []): SessionPersistence {
  return { repository: store, userPrincipal: (name) => (users[name] ? { name, role: users[name]!, via: 'session' } : null), onError: (error) => void errors.push(error) };
}

test('a session outlives a restart: saved by its key (never the cookie value), restored with the role configured now', () => {
  const store = new MemoryStore();
  const before = new SessionStore(LIMITS, persistence(store, { anna: 'operator' }), T0);
  const cookie = before.create(anna, T0);
  assert.deepEqual(store.listSessions(), [{ key: sha256Hex(cookie), name: 'anna', role: 'operator', createdAt: T0, lastUsedAt: T0 }]);
  assert.ok(!JSON.stringify(store.listSessions()).includes(cookie), 'the cookie value is not stored');

  // The restart comes with a configuration that made anna an admin.
  const after = new SessionStore(LIMITS, persistence(store, { anna: 'admin' }), T0 + 5 * MIN);
  assert.deepEqual(after.resolve(cookie, T0 + 5 * MIN), { name: 'anna', role: 'admin', via: 'session' });
  after.destroy(cookie);
  assert.deepEqual(store.listSessions(), [], 'signing out deletes it');
});

test('at start, sessions of users no longer configured and expired sessions are deleted, not restored', () => {
  const store = new MemoryStore();
  const before = new SessionStore(LIMITS, persistence(store, { anna: 'operator', ben: 'viewer', cleo: 'admin' }), T0);
  const [annaCookie, benCookie, cleoCookie] = [before.create(anna, T0), before.create({ name: 'ben', role: 'viewer', via: 'session' }, T0), before.create({ name: 'cleo', role: 'admin', via: 'session' }, T0 + 30 * MIN)];
  // Restarted 61 minutes after anna's and ben's last use (idle limit 60), 31 after cleo's; ben has been removed.
  const after = new SessionStore(LIMITS, persistence(store, { anna: 'operator', cleo: 'admin' }), T0 + 61 * MIN);
  assert.equal(after.resolve(annaCookie, T0 + 61 * MIN), null, 'expired while the program was down');
  assert.equal(after.resolve(benCookie, T0 + 61 * MIN), null, 'no longer a user');
  assert.equal(after.resolve(cleoCookie, T0 + 61 * MIN)?.name, 'cleo');
  assert.deepEqual(store.listSessions().map((s) => s.name), ['cleo']);
});

test('the last use is saved at most once a minute, so a restart costs at most a minute of idle time', () => {
  const store = new MemoryStore();
  const sessions = new SessionStore(LIMITS, persistence(store, { anna: 'operator' }), T0);
  const cookie = sessions.create(anna, T0);
  for (let s = 1; s < 60; s++) sessions.resolve(cookie, T0 + s * 1000);
  assert.equal(store.listSessions()[0]!.lastUsedAt, T0, '59 requests in the first minute wrote nothing');
  sessions.resolve(cookie, T0 + LAST_USE_SAVED_EVERY_MS);
  assert.equal(store.listSessions()[0]!.lastUsedAt, T0 + LAST_USE_SAVED_EVERY_MS);
});

test('a store that cannot save: the session still works in memory and the failure is reported', () => {
  const failing = Object.assign(new MemoryStore(), {
    saveSession: () => {
      throw new Error('disk full');
    },
  });
  const errors: unknown[] = [];
  const sessions = new SessionStore(LIMITS, persistence(failing, { anna: 'operator' }, errors), T0);
  const cookie = sessions.create(anna, T0);
  assert.deepEqual(sessions.resolve(cookie, T0 + MIN), anna);
  assert.equal(errors.length >= 1, true);
  assert.match(String(errors[0]), /disk full/);
});

test('through the HTTP app: signed in before a restart, the cookie still opens the API after it; the error counter exists', async (t) => {
  const store = new MemoryStore();
  const first = await authApp(t, { users: [{ name: 'anna', role: 'operator' }], store });
  const cookie = await first.signIn('anna');
  await first.app.close();
  const second = await authApp(t, { users: [{ name: 'anna', role: 'operator' }], store });
  const me = await second.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
  assert.equal(me.statusCode, 200);
  assert.deepEqual(me.json().principal, { name: 'anna', role: 'operator', via: 'session' });
  assert.match(second.metrics.render(), /^ipo_http_session_store_errors_total 0$/m);
  // A password sign-in still works beside the restored session.
  const again = await second.app.inject({ method: 'POST', url: '/login', payload: `name=anna&password=${PASSWORD('anna')}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(again.statusCode, 303);
});
