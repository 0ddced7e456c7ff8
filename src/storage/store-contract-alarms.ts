import assert from 'node:assert/strict';
import { it } from 'node:test';
import { freshStore, type MakeStore } from './store-contract-setup.js';
import { makeAlarm, makeEvent, makeTransition, MINUTE, T0 } from './store-fixtures.js';

export function alarmContract(makeStore: MakeStore): void {
  it('inserts alarms with increasing ids and reads them back unchanged', (t) => {
    const store = freshStore(t, makeStore);
    const plain = store.insertAlarm(makeAlarm());
    const onPort = store.insertAlarm(makeAlarm({ entity: { kind: 'port', id: '3' }, reductionKey: 'k2' }));
    const named = store.insertAlarm(
      makeAlarm({ entity: { kind: 'card', id: '1', name: 'VCM 64' }, state: 'cleared', severity: 'cleared', clearedAt: T0 + MINUTE, reductionKey: 'k3' }),
    );
    assert.ok(plain.id > 0 && onPort.id > plain.id && named.id > onPort.id);
    assert.deepEqual(store.getAlarm(plain.id), plain);
    assert.deepEqual(store.getAlarm(onPort.id), onPort);
    assert.deepEqual(store.getAlarm(named.id), named);
    assert.equal(store.getAlarm(named.id + 100), null);
  });

  it('findLatestByReductionKey returns the newest alarm with the key, cleared or not', (t) => {
    const store = freshStore(t, makeStore);
    store.insertAlarm(makeAlarm({ reductionKey: 'a', state: 'cleared', clearedAt: T0 }));
    const newer = store.insertAlarm(makeAlarm({ reductionKey: 'a', state: 'cleared', clearedAt: T0 + MINUTE }));
    store.insertAlarm(makeAlarm({ reductionKey: 'b' }));
    assert.deepEqual(store.findLatestByReductionKey('a'), newer);
    assert.equal(store.findLatestByReductionKey('missing'), null);
  });

  it('updateAlarm replaces every field; an unknown id throws', (t) => {
    const store = freshStore(t, makeStore);
    const alarm = store.insertAlarm(makeAlarm({ entity: { kind: 'trunk', id: '5', name: 'SIP 5' } }));
    const changed = {
      ...alarm,
      state: 'cleared' as const,
      severity: 'cleared' as const,
      highestSeverity: 'major' as const,
      entity: null,
      text: 'service back',
      occurrences: 7,
      lastSeen: T0 + 5 * MINUTE,
      clearedAt: T0 + 5 * MINUTE,
      nodeId: null,
    };
    store.updateAlarm(changed);
    assert.deepEqual(store.getAlarm(alarm.id), changed);
    assert.throws(() => store.updateAlarm({ ...changed, id: alarm.id + 100 }));
  });

  it('returns copies: changing a returned alarm does not change the store', (t) => {
    const store = freshStore(t, makeStore);
    const alarm = store.insertAlarm(makeAlarm({ entity: { kind: 'port', id: '1' } }));
    const read = store.getAlarm(alarm.id);
    assert.ok(read?.entity);
    read.entity.id = 'changed';
    read.occurrences = 99;
    assert.deepEqual(store.getAlarm(alarm.id), alarm);
  });

  it('keeps transitions per alarm, oldest first, with every field', (t) => {
    const store = freshStore(t, makeStore);
    const alarm = store.insertAlarm(makeAlarm());
    const other = store.insertAlarm(makeAlarm({ reductionKey: 'other' }));
    const event = store.insertEvent(makeEvent(), alarm.id);
    const raised = store.insertTransition(makeTransition(alarm.id, { eventId: event.id }));
    store.insertTransition(makeTransition(other.id));
    const acked = store.insertTransition(
      makeTransition(alarm.id, { at: T0 + MINUTE, kind: 'acknowledged', fromState: 'active', toState: 'acknowledged', user: 'alice', note: 'on it' }),
    );
    assert.ok(acked.id > raised.id);
    assert.deepEqual(store.alarmTransitions(alarm.id), [raised, acked]);
    assert.deepEqual(store.alarmTransitions(alarm.id + 100), []);
  });

  it('refuses transitions and events that point at an alarm that does not exist', (t) => {
    const store = freshStore(t, makeStore);
    assert.throws(() => store.insertTransition(makeTransition(42)));
    assert.throws(() => store.insertEvent(makeEvent(), 42));
  });

  it('listAlarms filters by state, open, node, nodes, category and severity', (t) => {
    const store = freshStore(t, makeStore);
    const active = store.insertAlarm(makeAlarm({ reductionKey: '1', nodeId: 'node-a', severity: 'major', category: 'Trunk lines' }));
    const acked = store.insertAlarm(makeAlarm({ reductionKey: '2', nodeId: 'node-b', state: 'acknowledged', severity: 'minor' }));
    const cleared = store.insertAlarm(makeAlarm({ reductionKey: '3', nodeId: 'node-c', state: 'cleared', severity: 'cleared', clearedAt: T0 }));
    const unknown = store.insertAlarm(makeAlarm({ reductionKey: '4', nodeId: null, severity: 'critical' }));
    const ids = (query: Parameters<typeof store.listAlarms>[0]) => store.listAlarms(query).map((alarm) => alarm.id).sort((a, b) => a - b);

    assert.deepEqual(ids({ limit: 10 }), [active.id, acked.id, cleared.id, unknown.id]);
    assert.deepEqual(ids({ open: true, limit: 10 }), [active.id, acked.id, unknown.id]);
    assert.deepEqual(ids({ open: false, limit: 10 }), [active.id, acked.id, cleared.id, unknown.id]);
    assert.deepEqual(ids({ state: 'cleared', open: true, limit: 10 }), [cleared.id], 'state wins over open');
    assert.deepEqual(ids({ state: 'acknowledged', limit: 10 }), [acked.id]);
    assert.deepEqual(ids({ nodeId: 'node-b', limit: 10 }), [acked.id]);
    assert.deepEqual(ids({ nodeIds: ['node-a', 'node-c'], limit: 10 }), [active.id, cleared.id]);
    assert.deepEqual(ids({ nodeIds: [], limit: 10 }), [], 'an empty node list matches nothing');
    assert.deepEqual(ids({ category: 'Trunk lines', limit: 10 }), [active.id]);
    assert.deepEqual(ids({ minSeverity: 'major', limit: 10 }), [active.id, unknown.id]);
    assert.deepEqual(ids({ minSeverity: 'info', limit: 10 }), [active.id, acked.id, cleared.id, unknown.id]);
    assert.equal(store.listAlarms({ limit: 2 }).length, 2);
  });

  it('listAlarms orders open first, then worst severity, then most recently seen', (t) => {
    const store = freshStore(t, makeStore);
    const cleared = store.insertAlarm(makeAlarm({ reductionKey: '1', state: 'cleared', severity: 'critical', clearedAt: T0 }));
    const ackedCritical = store.insertAlarm(makeAlarm({ reductionKey: '2', state: 'acknowledged', severity: 'critical' }));
    const minorOld = store.insertAlarm(makeAlarm({ reductionKey: '3', severity: 'minor', lastSeen: T0 }));
    const minorNew = store.insertAlarm(makeAlarm({ reductionKey: '4', severity: 'minor', lastSeen: T0 + MINUTE }));
    const major = store.insertAlarm(makeAlarm({ reductionKey: '5', severity: 'major', lastSeen: T0 - MINUTE }));
    const order = store.listAlarms({ limit: 10 }).map((alarm) => alarm.id);
    assert.deepEqual(order, [major.id, minorNew.id, minorOld.id, ackedCritical.id, cleared.id]);
  });

  it('countAlarmsByState counts every state, zero included', (t) => {
    const store = freshStore(t, makeStore);
    assert.deepEqual(store.countAlarmsByState(), { active: 0, acknowledged: 0, cleared: 0 });
    store.insertAlarm(makeAlarm({ reductionKey: '1' }));
    store.insertAlarm(makeAlarm({ reductionKey: '2' }));
    store.insertAlarm(makeAlarm({ reductionKey: '3', state: 'cleared', clearedAt: T0 }));
    assert.deepEqual(store.countAlarmsByState(), { active: 2, acknowledged: 0, cleared: 1 });
  });
}
