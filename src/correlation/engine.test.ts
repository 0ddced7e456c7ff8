import { makeStageContext } from '../../test/fakes/stage-context.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeEvent } from '../../test/fakes/event-fixture.js';
import { recordDecision } from '../pipeline/record-decision.js';
import { MemoryStore } from '../storage/memory-store.js';
import { CorrelationEngine } from './engine.js';

function setup() {
  const store = new MemoryStore();
  const engine = new CorrelationEngine(makeStageContext(store));
  const feed = (overrides: Parameters<typeof makeEvent>[0] = {}) => recordDecision(store, engine.decide(makeEvent(overrides)));
  return { store, feed };
}

test('repeats with the same reduction key raise one alarm and count occurrences', () => {
  const { store, feed } = setup();
  const first = feed({ receivedAt: 1000 });
  const second = feed({ receivedAt: 2000 });
  assert.equal(first.alarm?.id, second.alarm?.id);
  const alarm = store.getAlarm(first.alarm!.id)!;
  assert.equal(alarm.occurrences, 2);
  assert.equal(alarm.firstSeen, 1000);
  assert.equal(alarm.lastSeen, 2000);
  assert.equal(alarm.nodeId, 'hq-primary');
  assert.deepEqual(store.alarmTransitions(alarm.id).map((t) => t.kind), ['raised']);
  assert.deepEqual(second.transitions, [], 'a repeat is not a transition');
});

test('different alarm keys or entities are different alarms', () => {
  const { store, feed } = setup();
  feed();
  feed({ alarmKey: 'trunk slot a, t1 pri 1 red alarm' });
  feed({ entity: { kind: 'card', id: 'B' } });
  assert.equal(store.listAlarms({ open: true, limit: 10 }).length, 3);
});

test('a cleared event clears the open alarm, and the next problem reopens it', () => {
  const { store, feed } = setup();
  const raised = feed({ receivedAt: 1000 });
  const cleared = feed({ receivedAt: 2000, severity: 'cleared' });
  assert.equal(cleared.alarm?.state, 'cleared');
  assert.equal(cleared.alarm?.clearedAt, 2000);
  assert.equal(cleared.event.alarmId, raised.alarm!.id);
  const reopened = feed({ receivedAt: 3000, severity: 'critical' });
  assert.equal(reopened.alarm?.id, raised.alarm!.id);
  assert.equal(reopened.alarm?.state, 'active');
  assert.equal(reopened.alarm?.highestSeverity, 'critical');
  assert.equal(reopened.alarm?.clearedAt, null);
  assert.deepEqual(store.alarmTransitions(raised.alarm!.id).map((t) => [t.kind, t.severity]), [
    ['raised', 'major'],
    ['cleared', 'cleared'],
    ['reopened', 'critical'],
  ]);
});

test('a severity change is a transition; highest severity remembers the worst', () => {
  const { store, feed } = setup();
  const raised = feed({ severity: 'critical' });
  feed({ severity: 'minor' });
  const alarm = store.getAlarm(raised.alarm!.id)!;
  assert.equal(alarm.severity, 'minor');
  assert.equal(alarm.highestSeverity, 'critical');
  assert.deepEqual(store.alarmTransitions(alarm.id).map((t) => t.kind), ['raised', 'severity-changed']);
});

test('a clear with nothing open, and info events, are stored without an alarm', () => {
  const { store, feed } = setup();
  assert.equal(feed({ severity: 'cleared' }).alarm, null);
  assert.equal(feed({ severity: 'info', code: 'syslog.message' }).alarm, null);
  assert.equal(store.listEvents({ limit: 10 }).length, 2);
  assert.equal(store.listAlarms({ limit: 10 }).length, 0);
});

test('a sender outside the fleet is kept, flagged, and still reduces by its address', () => {
  const { store, feed } = setup();
  const first = feed({ sourceAddress: '192.0.2.77' });
  const second = feed({ sourceAddress: '192.0.2.77' });
  assert.equal(first.event.nodeId, null);
  assert.equal(first.event.attributes['unknownSource'], true);
  assert.equal(second.alarm?.id, first.alarm?.id);
  assert.equal(store.getAlarm(first.alarm!.id)!.occurrences, 2);
  assert.equal(store.listEvents({ unknownSource: true, limit: 10 }).length, 2);
});

test('a plain message raises nothing, whatever its severity', () => {
  const { store, feed } = setup();
  const plain = feed({ raisesAlarm: false, severity: 'critical', code: 'syslog.message', alarmKey: undefined });
  assert.equal(plain.alarm, null);
  assert.equal(store.listAlarms({ limit: 10 }).length, 0);
  assert.equal(store.listEvents({ minSeverity: 'critical', limit: 10 }).length, 1, 'still found by severity');
});

test('with reoccurrence "new", a problem after a clear starts a new alarm', () => {
  const store = new MemoryStore();
  const engine = new CorrelationEngine(makeStageContext(store, { policy: { reoccurrence: 'new', flapping: { reopenCount: 3, windowMinutes: 60 } } }));
  const feed = (overrides: Parameters<typeof makeEvent>[0] = {}) => recordDecision(store, engine.decide(makeEvent(overrides)));
  const first = feed({ receivedAt: 1000 });
  feed({ receivedAt: 2000, severity: 'cleared' });
  const second = feed({ receivedAt: 3000 });
  assert.notEqual(second.alarm?.id, first.alarm?.id);
  assert.equal(store.getAlarm(first.alarm!.id)!.state, 'cleared');
  assert.equal(second.alarm?.occurrences, 1);
});
