import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineHarness } from '../../test/fakes/engine-harness.js';
import { acknowledgeAlarm } from './acknowledge.js';
import { expireStaleAlarms } from './expire-stale.js';

const HOUR = 3_600_000;
const policy = { unacknowledgedHours: 72, acknowledgedHours: 192, checkIntervalMinutes: 5 };

test('unacknowledged alarms expire after 72 h without an event, acknowledged ones after 192 h', () => {
  const { feed, store, clock } = engineHarness();
  const quiet = feed({ alarmKey: 'quiet' }).alarm!;
  const owned = feed({ alarmKey: 'owned' }).alarm!;
  acknowledgeAlarm(store, { alarmId: owned.id, user: 'noc', note: null, at: clock.now() });
  clock.advance(71 * HOUR);
  const fresh = feed({ alarmKey: 'fresh' }).alarm!;
  assert.equal(expireStaleAlarms(store, policy, clock.now()), 0);

  clock.advance(2 * HOUR);
  assert.equal(expireStaleAlarms(store, policy, clock.now()), 1);
  assert.equal(store.getAlarm(quiet.id)!.state, 'cleared');
  assert.deepEqual(store.alarmTransitions(quiet.id).at(-1)?.note, 'no event for 72 h');
  assert.equal(store.getAlarm(owned.id)!.state, 'acknowledged');
  assert.equal(store.getAlarm(fresh.id)!.state, 'active');

  clock.advance(120 * HOUR);
  assert.equal(expireStaleAlarms(store, policy, clock.now()), 2);
  assert.equal(store.alarmTransitions(owned.id).at(-1)?.kind, 'expired');
});
