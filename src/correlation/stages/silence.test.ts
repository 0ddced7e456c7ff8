import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineHarness } from '../../../test/fakes/engine-harness.js';

const HOUR = 3_600_000;

test('a maintenance window on a site holds notifications while it lasts, and only for matching alarms', () => {
  const { feed, clock, silences } = engineHarness();
  silences.create({ kind: 'maintenance', matchers: { siteId: 'hq' }, startsAt: clock.now() + HOUR, endsAt: clock.now() + 2 * HOUR, createdBy: 'noc-anna', comment: 'CHG-1042 upgrade to 11.1' });
  assert.equal(feed().decision.notifications[0]?.status, 'pending', 'not started yet');

  clock.advance(HOUR + 1);
  const during = feed({ alarmKey: 'second' });
  assert.equal(during.decision.notifications[0]?.status, 'held');
  assert.match(during.decision.notifications[0]!.reason, /^maintenance window 1 by noc-anna until .*: CHG-1042 upgrade to 11\.1$/);
  const unknown = feed({ sourceAddress: '198.51.100.1', alarmKey: 'third' });
  assert.equal(unknown.decision.notifications[0]?.status, 'pending', 'another site is not silenced');

  clock.advance(HOUR);
  assert.equal(feed({ alarmKey: 'fourth' }).decision.notifications[0]?.status, 'pending', 'ended');
});

test('a cancelled silence stops holding at once', () => {
  const { feed, clock, silences } = engineHarness();
  const silence = silences.create({ kind: 'silence', matchers: { category: 'Trunk lines', textContains: 'PRI' }, startsAt: clock.now(), endsAt: clock.now() + HOUR, createdBy: 'noc', comment: 'carrier works' });
  assert.equal(feed().decision.notifications[0]?.status, 'held');
  silences.cancel(silence.id, 'noc');
  assert.equal(feed({ alarmKey: 'other pri' }).decision.notifications[0]?.status, 'pending');
  assert.throws(() => silences.cancel(silence.id, 'noc'), /does not exist or is already cancelled/);
});
