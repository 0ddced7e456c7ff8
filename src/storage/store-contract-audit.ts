import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AuditEntry } from '../audit/audit-entry.js';
import { freshStore, type MakeStore } from './store-contract-setup.js';
import { T0 } from './store-fixtures.js';

const entry = (overrides: Partial<Omit<AuditEntry, 'id'>> = {}): Omit<AuditEntry, 'id'> => ({
  at: T0,
  actor: 'olivia',
  role: 'operator',
  via: 'session',
  action: 'alarm.acknowledge',
  target: 'alarm:1',
  detail: { note: 'on it', nested: { ok: true } },
  remoteAddress: '192.0.2.7',
  ...overrides,
});

/** The audit log: append-only, newest first, filtered by actor, action and time, paged backwards by id. */
export function auditContract(makeStore: MakeStore): void {
  it('appends entries and returns them newest first, exactly as written', (t) => {
    const store = freshStore(t, makeStore);
    const first = store.insertAudit(entry());
    const second = store.insertAudit(entry({ at: T0 + 1, actor: 'system', role: null, via: 'system', action: 'rules.reload', target: 'rules', detail: {}, remoteAddress: null }));
    assert.ok(second.id > first.id);
    assert.deepEqual(first, { ...entry(), id: first.id });
    assert.deepEqual(store.listAudit({ limit: 10 }), [second, first]);
  });

  it('filters by actor, action and since, and pages with beforeId', (t) => {
    const store = freshStore(t, makeStore);
    const a = store.insertAudit(entry({ at: T0 }));
    const b = store.insertAudit(entry({ at: T0 + 10, actor: 'ada', role: 'admin' }));
    const c = store.insertAudit(entry({ at: T0 + 20, action: 'login.success', target: 'user:olivia' }));
    const ids = (list: AuditEntry[]) => list.map((e) => e.id);
    assert.deepEqual(ids(store.listAudit({ actor: 'olivia', limit: 10 })), [c.id, a.id]);
    assert.deepEqual(ids(store.listAudit({ action: 'alarm.acknowledge', limit: 10 })), [b.id, a.id]);
    assert.deepEqual(ids(store.listAudit({ since: T0 + 10, limit: 10 })), [c.id, b.id]);
    assert.deepEqual(ids(store.listAudit({ limit: 2 })), [c.id, b.id]);
    assert.deepEqual(ids(store.listAudit({ beforeId: b.id, limit: 2 })), [a.id]);
    assert.deepEqual(store.listAudit({ actor: 'nobody', limit: 10 }), []);
  });

  it('an audit entry written in a transaction that rolls back is gone with it', (t) => {
    const store = freshStore(t, makeStore);
    assert.throws(() =>
      store.transaction(() => {
        store.insertAudit(entry());
        throw new Error('boom');
      }),
    );
    assert.deepEqual(store.listAudit({ limit: 10 }), []);
  });
}
