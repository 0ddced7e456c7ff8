import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { StoredSession } from '../api/auth/session-repository.js';
import { freshStore, type MakeStore } from './store-contract-setup.js';
import { MINUTE, T0 } from './store-fixtures.js';

const session = (overrides: Partial<StoredSession> = {}): StoredSession => ({ key: 'a'.repeat(64), name: 'anna', role: 'operator', createdAt: T0, lastUsedAt: T0, ...overrides });

/** Signed-in sessions (auth_sessions): saved at sign-in and on use, listed oldest first, deleted at sign-out. */
export function sessionContract(makeStore: MakeStore): void {
  it('round-trips sessions oldest first; saving a key again replaces it; deleting one leaves the others', (t) => {
    const store = freshStore(t, makeStore);
    assert.deepEqual(store.listSessions(), []);
    const second = session({ key: 'b'.repeat(64), name: 'ben', role: 'viewer', createdAt: T0 + MINUTE, lastUsedAt: T0 + MINUTE });
    store.saveSession(second);
    store.saveSession(session());
    assert.deepEqual(store.listSessions(), [session(), second]);
    store.saveSession(session({ lastUsedAt: T0 + 5 * MINUTE }));
    assert.deepEqual(store.listSessions().map((s) => s.lastUsedAt), [T0 + 5 * MINUTE, T0 + MINUTE]);
    store.deleteSession(session().key);
    store.deleteSession('not-a-session');
    assert.deepEqual(store.listSessions(), [second]);
  });

  it('a session saved in a transaction that fails is not kept', (t) => {
    const store = freshStore(t, makeStore);
    assert.throws(() =>
      store.transaction(() => {
        store.saveSession(session());
        throw new Error('rolled back');
      }),
    );
    assert.deepEqual(store.listSessions(), []);
  });
}
