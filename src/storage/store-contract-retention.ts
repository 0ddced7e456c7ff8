import assert from 'node:assert/strict';
import { it } from 'node:test';
import { freshStore, type MakeStore } from './store-contract-setup.js';
import { DAY, makeAlarm, makeEvent, makeTransition, T0 } from './store-fixtures.js';

const POLICY = { eventsDays: 30, clearedAlarmsDays: 7 };
const NOW = T0 + 100 * DAY;

export function retentionContract(makeStore: MakeStore): void {
  it('deletes events older than eventsDays; the one exactly at the cutoff stays', (t) => {
    const store = freshStore(t, makeStore);
    const cutoff = NOW - POLICY.eventsDays * DAY;
    store.insertEvent(makeEvent({ receivedAt: cutoff - 1 }), null);
    store.insertEvent(makeEvent({ receivedAt: cutoff - 10 * DAY }), null);
    const atCutoff = store.insertEvent(makeEvent({ receivedAt: cutoff }), null).id;
    const recent = store.insertEvent(makeEvent({ receivedAt: NOW }), null).id;
    assert.deepEqual(store.applyRetention(POLICY, NOW), { events: 2, alarms: 0 });
    assert.deepEqual(store.listEvents({ limit: 10 }).map((event) => event.id), [recent, atCutoff]);
  });

  it('deletes alarms cleared longer ago than clearedAlarmsDays, with their transitions; surviving events lose the link', (t) => {
    const store = freshStore(t, makeStore);
    const cutoff = NOW - POLICY.clearedAlarmsDays * DAY;
    const old = store.insertAlarm(makeAlarm({ reductionKey: 'old', state: 'cleared', clearedAt: cutoff - 1, lastSeen: cutoff - 1 }));
    const recent = store.insertAlarm(makeAlarm({ reductionKey: 'recent', state: 'cleared', clearedAt: cutoff }));
    const oldActive = store.insertAlarm(makeAlarm({ reductionKey: 'active', firstSeen: T0, lastSeen: T0 }));
    const oldAcked = store.insertAlarm(makeAlarm({ reductionKey: 'acked', state: 'acknowledged', lastSeen: T0 }));
    store.insertTransition(makeTransition(old.id));
    const keptTransition = store.insertTransition(makeTransition(recent.id));
    const event = store.insertEvent(makeEvent({ receivedAt: NOW - DAY }), old.id);

    assert.deepEqual(store.applyRetention(POLICY, NOW), { events: 0, alarms: 1 });
    assert.equal(store.getAlarm(old.id), null);
    assert.deepEqual(store.alarmTransitions(old.id), []);
    assert.deepEqual(store.alarmTransitions(recent.id), [keptTransition]);
    assert.deepEqual(
      store.listAlarms({ limit: 10 }).map((alarm) => alarm.id).sort((a, b) => a - b),
      [recent.id, oldActive.id, oldAcked.id],
    );
    assert.equal(store.getEvent(event.id)?.alarmId, null);
  });

  it('deletes audit entries written before the cutoff; the one at it stays; ids are never reused', (t) => {
    const store = freshStore(t, makeStore);
    const cutoff = NOW - 365 * DAY;
    const audit = (at: number) => store.insertAudit({ at, actor: 'olivia', role: 'operator', via: 'session', action: 'logout', target: null, detail: {}, remoteAddress: null });
    audit(cutoff - 1);
    const atCutoff = audit(cutoff).id;
    const newest = audit(cutoff - 10 * DAY).id; // written last, yet older: retention goes by time, not id
    assert.equal(store.deleteAuditBefore(cutoff), 2);
    assert.deepEqual(store.listAudit({ limit: 10 }).map((entry) => entry.id), [atCutoff]);
    assert.ok(audit(NOW).id > newest);
  });

  it('never reuses ids, even after retention empties the tables', (t) => {
    const store = freshStore(t, makeStore);
    const firstEvent = store.insertEvent(makeEvent({ receivedAt: T0 }), null).id;
    const firstAlarm = store.insertAlarm(makeAlarm({ state: 'cleared', clearedAt: T0 })).id;
    assert.deepEqual(store.applyRetention(POLICY, NOW), { events: 1, alarms: 1 });
    assert.ok(store.insertEvent(makeEvent({ receivedAt: NOW }), null).id > firstEvent);
    assert.ok(store.insertAlarm(makeAlarm()).id > firstAlarm);
  });
}
