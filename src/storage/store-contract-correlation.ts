import assert from 'node:assert/strict';
import { it } from 'node:test';
import { freshStore, type MakeStore } from './store-contract-setup.js';
import { makeAlarm, makeTransition, MINUTE, T0 } from './store-fixtures.js';

/** What correlation keeps beside alarms: acknowledgement and annotations, the outbox, silences, unmatched clusters. */
export function correlationContract(makeStore: MakeStore): void {
  it('round-trips acknowledgement and annotations; lastSeenBefore filters stale alarms', (t) => {
    const store = freshStore(t, makeStore);
    const annotated = store.insertAlarm(
      makeAlarm({
        state: 'acknowledged',
        acknowledgedBy: 'alice',
        acknowledgedAt: T0 + MINUTE,
        annotations: [{ kind: 'known-issue', key: 'r1', title: 'T', text: 'W', at: T0, vendorId: 'IPOFFICE-1', references: ['001:1'], effect: 'benign' }],
      }),
    );
    const fresh = store.insertAlarm(makeAlarm({ reductionKey: 'fresh', lastSeen: T0 + 10 * MINUTE }));
    assert.deepEqual(store.getAlarm(annotated.id), annotated);
    assert.deepEqual(store.listAlarms({ lastSeenBefore: T0 + MINUTE, limit: 10 }).map((a) => a.id), [annotated.id]);
    assert.deepEqual(store.listAlarms({ lastSeenBefore: T0 + 11 * MINUTE, state: 'active', limit: 10 }).map((a) => a.id), [fresh.id]);
  });

  it('counts transitions of a kind since a time', (t) => {
    const store = freshStore(t, makeStore);
    const alarm = store.insertAlarm(makeAlarm());
    for (const at of [T0, T0 + MINUTE, T0 + 2 * MINUTE]) store.insertTransition(makeTransition(alarm.id, { at, kind: 'reopened', fromState: 'cleared' }));
    store.insertTransition(makeTransition(alarm.id, { at: T0 + 2 * MINUTE, kind: 'cleared', toState: 'cleared' }));
    assert.equal(store.countTransitionsSince(alarm.id, 'reopened', T0 + MINUTE), 2);
    assert.equal(store.countTransitionsSince(alarm.id, 'cleared', T0), 1);
  });

  it('keeps notifications newest first, filtered by alarm and status', (t) => {
    const store = freshStore(t, makeStore);
    const alarm = store.insertAlarm(makeAlarm());
    const base = { alarmId: alarm.id, transitionId: null, kind: 'raised' as const, severity: 'major' as const, category: 'Generic' as const, nodeId: 'node-a', attempts: 0 };
    const pending = store.insertNotification({ ...base, at: T0, status: 'pending', reason: 'ready', updatedAt: T0 });
    const held = store.insertNotification({ ...base, at: T0 + MINUTE, kind: 'cleared', status: 'held', reason: 'silenced', updatedAt: T0 + MINUTE });
    assert.deepEqual(store.listNotifications({ alarmId: alarm.id, limit: 10 }), [held, pending]);
    assert.deepEqual(store.listNotifications({ status: 'pending', limit: 10 }), [pending]);
    assert.deepEqual(store.listNotifications({ alarmId: alarm.id, status: 'held', limit: 10 }), [held]);
  });

  it('applies the limit after the alarm and status filters', (t) => {
    const store = freshStore(t, makeStore);
    const alarm = store.insertAlarm(makeAlarm());
    const base = { alarmId: alarm.id, transitionId: null, kind: 'raised' as const, severity: 'major' as const, category: 'Generic' as const, nodeId: 'node-a', attempts: 0 };
    const held = store.insertNotification({ ...base, at: T0, status: 'held', reason: 'silenced', updatedAt: T0 });
    store.insertNotification({ ...base, at: T0 + MINUTE, status: 'pending', reason: 'ready', updatedAt: T0 + MINUTE });
    assert.deepEqual(store.listNotifications({ alarmId: alarm.id, status: 'held', limit: 1 }), [held]);
  });

  it('stores silences; lists those not ended or cancelled; cancels once', (t) => {
    const store = freshStore(t, makeStore);
    const base = { kind: 'silence' as const, matchers: { nodeId: 'node-a' }, createdBy: 'bob', createdAt: T0, comment: 'c', cancelledAt: null, cancelledBy: null };
    const ended = store.insertSilence({ ...base, startsAt: T0, endsAt: T0 + MINUTE });
    const running = store.insertSilence({ ...base, kind: 'maintenance', startsAt: T0, endsAt: T0 + 60 * MINUTE });
    assert.deepEqual(store.listSilences({ endedAfter: T0 + 2 * MINUTE }), [running]);
    assert.deepEqual(store.listSilences().map((s) => s.id), [running.id, ended.id]);
    const cancelled = store.cancelSilence(running.id, 'carol', T0 + 3 * MINUTE);
    assert.deepEqual(cancelled, { ...running, cancelledAt: T0 + 3 * MINUTE, cancelledBy: 'carol' });
    assert.equal(store.cancelSilence(running.id, 'carol', T0 + 4 * MINUTE), null);
    assert.deepEqual(store.listSilences({ endedAfter: T0 + 2 * MINUTE }), []);
  });

  it('counts unmatched events per cluster, biggest first', (t) => {
    const store = freshStore(t, makeStore);
    const cluster = { source: 'syslog', code: 'syslog.message', exampleEventId: 1 };
    store.recordUnmatched({ ...cluster, key: 'a', template: 'A <n>', exampleText: 'A 1', at: T0 });
    store.recordUnmatched({ ...cluster, key: 'b', template: 'B', exampleText: 'B', at: T0 });
    store.recordUnmatched({ ...cluster, key: 'a', template: 'A <n>', exampleText: 'A 2', at: T0 + MINUTE });
    assert.deepEqual(store.listUnmatched(10), [
      { ...cluster, key: 'a', template: 'A <n>', exampleText: 'A 1', count: 2, firstSeen: T0, lastSeen: T0 + MINUTE },
      { ...cluster, key: 'b', template: 'B', exampleText: 'B', count: 1, firstSeen: T0, lastSeen: T0 },
    ]);
    assert.equal(store.listUnmatched(1).length, 1);
  });
}
