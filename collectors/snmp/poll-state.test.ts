import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterAnswer, afterMiss, INITIAL_POLL_STATE, type PollState } from './poll-state.js';

const node = { nodeId: 'hq', name: 'HQ', address: '192.0.2.10', missedPollsForUnreachable: 3 };

test('N missed polls in a row raise poll.node-unreachable once; the next answer clears it', () => {
  let state: PollState = INITIAL_POLL_STATE;
  const events = [];
  for (let i = 1; i <= 5; i++) {
    const result = afterMiss(state, node, { at: i * 1000, error: 'Request timed out' });
    state = result.state;
    events.push(...result.events);
    if (i === 2) assert.equal(result.events.length, 0, 'two misses are not yet unreachable');
  }
  assert.equal(events.length, 1);
  assert.deepEqual([events[0]!.code, events[0]!.severity, events[0]!.raisesAlarm, events[0]!.source, events[0]!.nodeId], ['poll.node-unreachable', 'major', true, 'poll', 'hq']);
  assert.match(events[0]!.text, /did not answer 3 SNMP polls in a row \(Request timed out\)/);
  const back = afterAnswer(state, node, { at: 9000, upTime: 500, sysDescr: 'IPO' });
  assert.deepEqual(back.events.map((e) => [e.code, e.severity]), [['poll.node-unreachable', 'cleared']]);
  assert.equal(back.state.missed, 0);
  assert.equal(back.state.unreachable, false);
});

test('an answer between misses resets the count', () => {
  let state = afterMiss(afterMiss(INITIAL_POLL_STATE, node, { at: 1, error: 'x' }).state, node, { at: 2, error: 'x' }).state;
  state = afterAnswer(state, node, { at: 3, upTime: 10, sysDescr: null }).state;
  const result = afterMiss(state, node, { at: 4, error: 'x' });
  assert.equal(result.state.missed, 1);
  assert.equal(result.events.length, 0);
});

test('sysUpTime going back is a reboot (a warning event, not an alarm); a TimeTicks wrap is not', () => {
  const first = afterAnswer(INITIAL_POLL_STATE, node, { at: 0, upTime: 360_000, sysDescr: 'IPO' });
  assert.equal(first.events.length, 0);
  const rebooted = afterAnswer(first.state, node, { at: 60_000, upTime: 1_500, sysDescr: 'IPO' });
  assert.deepEqual(rebooted.events.map((e) => [e.code, e.severity, e.raisesAlarm]), [['poll.node-rebooted', 'warning', false]]);
  assert.match(rebooted.events[0]!.text, /from 0d 1h 0m 0s to 0d 0h 0m 15s/);
  const nearWrap = afterAnswer(INITIAL_POLL_STATE, node, { at: 0, upTime: 2 ** 32 - 1000, sysDescr: null });
  const wrapped = afterAnswer(nearWrap.state, node, { at: 60_000, upTime: 5_000, sysDescr: null });
  assert.equal(wrapped.events.length, 0);
});
