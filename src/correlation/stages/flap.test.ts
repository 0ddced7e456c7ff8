import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineHarness } from '../../../test/fakes/engine-harness.js';

const MINUTE = 60_000;

test('the third reopen within the window marks the alarm flapping and holds its notifications', () => {
  const { feed, clock, store } = engineHarness();
  const first = feed();
  for (let i = 0; i < 2; i += 1) {
    clock.advance(MINUTE);
    feed({ severity: 'cleared' });
    clock.advance(MINUTE);
    const reopened = feed();
    assert.equal(reopened.decision.holds.length, 0, `reopen ${i + 1} is not flapping yet`);
  }
  clock.advance(MINUTE);
  feed({ severity: 'cleared' });
  clock.advance(MINUTE);
  const third = feed();
  assert.equal(third.decision.holds[0]?.kind, 'flapping');
  const alarm = store.getAlarm(first.alarm!.id)!;
  assert.match(alarm.annotations.find((a) => a.kind === 'flapping')!.text, /reopened 3 times in 60 min/);
  const latest = store.listNotifications({ alarmId: alarm.id, limit: 1 })[0]!;
  assert.equal(latest.kind, 'reopened');
  assert.equal(latest.status, 'held');

  clock.advance(MINUTE);
  assert.equal(feed({ severity: 'cleared' }).decision.holds[0]?.kind, 'flapping', 'the clear of a flapping alarm is held too');
});

test('after a quiet window the flapping mark goes and notifications flow again', () => {
  const { feed, clock, store } = engineHarness({ policy: { reoccurrence: 'reopen', flapping: { reopenCount: 2, windowMinutes: 10 } } });
  const first = feed();
  clock.advance(MINUTE);
  feed({ severity: 'cleared' });
  clock.advance(MINUTE);
  assert.equal(feed().decision.holds.length, 0, 'one reopen is not a flap');
  clock.advance(MINUTE);
  feed({ severity: 'cleared' });
  clock.advance(MINUTE);
  assert.equal(feed().decision.holds[0]?.kind, 'flapping', 'two reopens in 10 min are');
  clock.advance(30 * MINUTE);
  const repeat = feed();
  assert.equal(repeat.decision.holds.length, 0);
  assert.equal(store.getAlarm(first.alarm!.id)!.annotations.some((a) => a.kind === 'flapping'), false);
});
