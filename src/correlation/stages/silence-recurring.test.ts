import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineHarness } from '../../../test/fakes/engine-harness.js';
import { recurringWindowSchema } from '../recurring-window.js';

// The harness clock starts on Saturday 2026-11-21 09:00Z (09:00 in London, the fleet's site zone).
const HOUR = 3_600_000;

test('a recurring window in the site’s local time holds notifications while it lasts', () => {
  const windows = [recurringWindowSchema.parse({ id: 'sat-upgrade', matchers: { customerId: 'acme' }, weekdays: ['sat'], start: '10:00', durationMinutes: 60, comment: 'CHG-7 weekly' })];
  const { feed, clock } = engineHarness({ maintenanceWindows: () => windows });
  assert.equal(feed().decision.notifications[0]?.status, 'pending', '09:00: not started');

  clock.advance(HOUR + 1);
  const during = feed({ alarmKey: 'second' });
  assert.equal(during.decision.notifications[0]?.status, 'held');
  assert.equal(during.decision.holds[0]?.kind, 'maintenance');
  assert.equal(during.decision.notifications[0]?.reason, 'recurring maintenance window sat-upgrade (sat 10:00 for 60 min (Europe/London)) until 2026-11-21T11:00:00.000Z: CHG-7 weekly');
  assert.equal(feed({ alarmKey: 'unknown', sourceAddress: '198.51.100.1' }).decision.notifications[0]?.status, 'pending', 'another customer');

  clock.advance(HOUR);
  assert.equal(feed({ alarmKey: 'third' }).decision.notifications[0]?.status, 'pending', 'ended');
});

test('a window with its own time zone ignores the site’s', () => {
  const windows = [recurringWindowSchema.parse({ id: 'ny', matchers: { siteId: 'hq' }, start: '04:00', durationMinutes: 60, timeZone: 'America/New_York' })];
  const { feed } = engineHarness({ maintenanceWindows: () => windows });
  // 09:00Z is 04:00 in New York (EST).
  assert.equal(feed().decision.notifications[0]?.status, 'held');
});
