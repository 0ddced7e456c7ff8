import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineHarness } from '../../test/fakes/engine-harness.js';
import { acknowledgeAlarm, unacknowledgeAlarm } from './acknowledge.js';

test('acknowledge and unacknowledge are transitions with user and note', () => {
  const { feed, store, clock } = engineHarness();
  const { alarm } = feed();
  const acked = acknowledgeAlarm(store, { alarmId: alarm!.id, user: 'noc-anna', note: 'carrier ticket 5521', at: clock.now() + 1000 });
  assert.equal(acked.alarm.state, 'acknowledged');
  assert.equal(store.getAlarm(alarm!.id)!.acknowledgedBy, 'noc-anna');

  const repeat = feed();
  assert.equal(repeat.alarm?.state, 'acknowledged', 'a repeat keeps the acknowledgement');
  assert.equal(repeat.alarm?.occurrences, 2);

  unacknowledgeAlarm(store, { alarmId: alarm!.id, user: 'noc-ben', note: null, at: clock.now() + 2000 });
  const history = store.alarmTransitions(alarm!.id).map((t) => [t.kind, t.user, t.note]);
  assert.deepEqual(history, [
    ['raised', null, null],
    ['acknowledged', 'noc-anna', 'carrier ticket 5521'],
    ['unacknowledged', 'noc-ben', null],
  ]);
  assert.equal(store.getAlarm(alarm!.id)!.acknowledgedBy, null);
});

test('acknowledging a cleared alarm is a conflict; an unknown alarm is not found', () => {
  const { feed, store } = engineHarness();
  const { alarm } = feed();
  feed({ severity: 'cleared' });
  assert.throws(() => acknowledgeAlarm(store, { alarmId: alarm!.id, user: 'x', note: null, at: 0 }), { code: 'IPO_ERR_CONFLICT' });
  assert.throws(() => unacknowledgeAlarm(store, { alarmId: alarm!.id, user: 'x', note: null, at: 0 }), { code: 'IPO_ERR_CONFLICT' });
  assert.throws(() => acknowledgeAlarm(store, { alarmId: 999, user: 'x', note: null, at: 0 }), { code: 'IPO_ERR_NOT_FOUND' });
});

test('an acknowledged alarm that clears and comes back is active again, unacknowledged', () => {
  const { feed, store } = engineHarness();
  const { alarm } = feed();
  acknowledgeAlarm(store, { alarmId: alarm!.id, user: 'noc', note: null, at: 1 });
  feed({ severity: 'cleared' });
  const back = feed();
  assert.equal(back.alarm?.state, 'active');
  assert.equal(back.alarm?.acknowledgedBy, null);
});
