import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineHarness } from '../../../test/fakes/engine-harness.js';
import { acknowledgeAlarm, unacknowledgeAlarm } from '../../correlation/acknowledge.js';
import { expireStaleAlarms } from '../../correlation/expire-stale.js';
import { observeTransitions, type CommittedTransitions } from './observe-transitions.js';

test('acknowledge, unacknowledge and expiry are reported after their transaction commits, with the alarm as it stands', () => {
  const { store, feed, clock } = engineHarness();
  const { alarm } = feed();
  const seen: CommittedTransitions[] = [];
  const observed = observeTransitions(store, (items) => seen.push(items));

  acknowledgeAlarm(observed, { alarmId: alarm!.id, user: 'anna', note: null, at: clock.now() });
  unacknowledgeAlarm(observed, { alarmId: alarm!.id, user: 'ben', note: 'not mine', at: clock.now() });
  clock.advance(100 * 3_600_000);
  expireStaleAlarms(observed, { unacknowledgedHours: 72, acknowledgedHours: 192, checkIntervalMinutes: 5 }, clock.now());

  assert.deepEqual(seen.map((items) => items.map(({ transition, alarm: a }) => [transition.kind, transition.user, a.state])), [
    [['acknowledged', 'anna', 'acknowledged']],
    [['unacknowledged', 'ben', 'active']],
    [['expired', null, 'cleared']],
  ]);
});

test('a transaction that throws reports nothing; reads pass through', () => {
  const { store, feed, clock } = engineHarness();
  const { alarm } = feed();
  const seen: CommittedTransitions[] = [];
  const observed = observeTransitions(store, (items) => seen.push(items));
  acknowledgeAlarm(observed, { alarmId: alarm!.id, user: 'anna', note: null, at: clock.now() });
  assert.throws(() => acknowledgeAlarm(observed, { alarmId: alarm!.id, user: 'anna', note: null, at: clock.now() }), /only an active alarm/);
  assert.throws(() =>
    observed.transaction(() => {
      observed.insertTransition({ alarmId: alarm!.id, at: 1, kind: 'unacknowledged', fromState: 'acknowledged', toState: 'active', severity: 'major', eventId: null, user: 'x', note: null });
      throw new Error('rolled back');
    }),
  );
  assert.equal(seen.length, 1);
  assert.equal(observed.getAlarm(alarm!.id)?.acknowledgedBy, 'anna');
});
