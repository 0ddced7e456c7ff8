import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineHarness } from '../../../test/fakes/engine-harness.js';

test('while the node is unreachable, its other alarms are recorded but their notifications are held', () => {
  const { feed, store } = engineHarness();
  const down = feed({ source: 'poll', code: 'poll.node-unreachable', category: 'Resiliency', severity: 'critical', alarmKey: undefined, text: 'node unreachable' });
  assert.equal(down.decision.notifications[0]?.status, 'pending', 'the root cause itself is announced');

  const trunk = feed();
  assert.equal(trunk.alarm?.state, 'active');
  assert.equal(trunk.decision.notifications[0]?.status, 'held');
  assert.match(trunk.decision.notifications[0]!.reason, /inhibited by open alarm \d+ "node unreachable" \(rule node-unreachable-inhibits-node-alarms\)/);
  assert.equal(store.getAlarm(trunk.alarm!.id)!.annotations[0]?.kind, 'inhibited');
});

test('once the root cause clears, new symptoms notify again; other nodes were never affected', () => {
  const { feed } = engineHarness();
  feed({ source: 'poll', code: 'poll.node-unreachable', category: 'Resiliency', severity: 'critical', alarmKey: undefined, text: 'node unreachable' });
  const elsewhere = feed({ sourceAddress: '192.0.2.50' });
  assert.equal(elsewhere.decision.notifications[0]?.status, 'pending', 'an unknown sender has no node to inhibit on');
  feed({ source: 'poll', code: 'poll.node-unreachable', category: 'Resiliency', severity: 'cleared', alarmKey: undefined, text: 'node reachable' });
  const after = feed({ alarmKey: 'another trunk' });
  assert.equal(after.decision.notifications[0]?.status, 'pending');
});
