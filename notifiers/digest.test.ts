import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recurringWindowSchema } from '../src/correlation/recurring-window.js';
import { notifierHarness } from '../test/fakes/notifier-harness.js';

const S = 1000;
const MIN = 60_000;
const NOC_ONLY = [{ id: 'noc', name: 'NOC', to: ['noc@example.invalid'], minSeverity: 'major' }];
const NODES = ['10.0.0.10', '10.0.0.11', '10.0.1.10', '10.1.0.10'];

test('the storm brake lets N emails through, then one digest carries everything else', async () => {
  const h = notifierHarness({ email: { profiles: NOC_ONLY, brake: { maxPerInterval: 2, intervalMinutes: 10 } } });
  for (const address of NODES) for (const key of ['a', 'b']) h.feed({ sourceAddress: address, alarmKey: key, text: `trunk ${key} down` });
  await h.advance(30 * S);
  assert.equal(h.transport.sent.length, 2, 'two node groups mailed, two held');
  assert.equal(h.store.listDeliveries({ statuses: ['suppressed-by-brake'], limit: 100 }).length, 4);
  assert.match(h.store.listDeliveries({ statuses: ['suppressed-by-brake'], limit: 1 })[0]!.reason, /^storm brake: profile noc reached 2 emails per 10 min; listed in the digest due 2026-11-21T09:10:30\.000Z$/);
  assert.match(h.metrics.render(), /ipo_notifier_brake_engaged\{notifier="email",profile="noc"\} 1/);

  await h.advance(9 * MIN);
  assert.equal(h.transport.sent.length, 2);
  await h.advance(1 * MIN);
  const digest = h.transport.sent[2]!;
  assert.equal(digest.kind, 'digest');
  assert.match(digest.subject, /^\[ipo-observer\]\[noc\]\[DIGEST\] 4 alarm changes on 4 alarms held back by the storm brake since 2026-11-21 09:00:30 UTC$/);
  assert.match(digest.text, /2  Acme Dental \/ Branch \| Trunk lines\n +2  Globex \/ Main \| Trunk lines/);
  assert.equal(h.store.listDeliveries({ statuses: ['suppressed-by-brake'], limit: 100 }).length, 0);
  assert.equal(h.store.listNotifications({ status: 'sent', limit: 100 }).length, 8, 'every transition ends sent: none lost');
  assert.match(h.metrics.render(), /ipo_notifier_brake_engaged\{notifier="email",profile="noc"\} 0/);

  h.feed({ alarmKey: 'c', text: 'after the storm' });
  await h.advance(29 * S);
  assert.equal(h.transport.sent.length, 3, 'group wait: the group has been quiet for more than the group interval');
  await h.advance(1 * S);
  assert.equal(h.transport.sent.length, 4, 'a new brake window: mailed normally');
});

test('a held digest survives a restart', async () => {
  const h = notifierHarness({ email: { profiles: NOC_ONLY, brake: { maxPerInterval: 1, intervalMinutes: 10 } } });
  for (const address of NODES) h.feed({ sourceAddress: address });
  await h.advance(30 * S);
  assert.equal(h.transport.sent.length, 1);
  await h.restart();
  await h.advance(5 * MIN);
  assert.equal(h.transport.sent.length, 1);
  await h.advance(5 * MIN);
  assert.equal(h.transport.sent.length, 2);
  assert.match(h.transport.sent[1]!.subject, /\[DIGEST\] 3 alarm changes/);
});

test('when a recurring maintenance window ends with alarms still open, each profile that takes them gets one summary', async () => {
  // The harness clock starts Saturday 2026-11-21 09:00Z; the window is 09:00-10:00 London time on Saturdays.
  const windows = [recurringWindowSchema.parse({ id: 'sat-upgrade', matchers: { customerId: 'acme' }, weekdays: ['sat'], start: '09:00', durationMinutes: 60, comment: 'CHG-7' })];
  const h = notifierHarness({ windows });
  const held = h.feed().alarm!;
  h.feed({ sourceAddress: '10.1.0.10' }); // globex: not in the window
  await h.advance(30 * S);
  assert.equal(h.store.listNotifications({ alarmId: held.id, limit: 1 })[0]?.status, 'held');
  assert.deepEqual(h.transport.sent.map((m) => [m.profile, m.groupKey]).sort(), [['noc', 'customer=globex/site=main/node=gx-1'], ['support', 'customer=globex/site=main/node=gx-1']]);

  await h.advance(59 * MIN);
  assert.equal(h.transport.bySubject(/MAINTENANCE-END/).length, 0, '09:59:30: still in the window');
  await h.advance(30 * S);
  const summaries = h.transport.bySubject(/MAINTENANCE-END/);
  assert.deepEqual(summaries.map((m) => m.subject).sort(), [
    '[ipo-observer][noc][MAINTENANCE-END] sat-upgrade ended: 1 alarm still open',
    '[ipo-observer][support][MAINTENANCE-END] sat-upgrade ended: 1 alarm still open',
  ]);
  assert.match(summaries[0]!.text, /Maintenance window sat-upgrade \(sat 09:00 for 60 min \(Europe\/London\)\) ended at 2026-11-21 10:00:00 UTC/);
  assert.match(summaries[0]!.text, /Trunk Slot B, T1 PRI 2 red alarm/);

  await h.restart();
  await h.advance(MIN);
  assert.equal(h.transport.bySubject(/MAINTENANCE-END/).length, 2, 'not again after a restart');
});

test('a one-off maintenance silence from the API gets its summary too; nothing when every alarm cleared', async () => {
  const h = notifierHarness({ email: { profiles: NOC_ONLY } });
  h.silences.create({ kind: 'maintenance', matchers: { siteId: 'hq' }, startsAt: h.clock.now(), endsAt: h.clock.now() + 30 * MIN, createdBy: 'anna', comment: 'CHG-9' });
  h.silences.create({ kind: 'maintenance', matchers: { siteId: 'branch' }, startsAt: h.clock.now(), endsAt: h.clock.now() + 30 * MIN, createdBy: 'anna', comment: 'CHG-10' });
  h.feed();
  h.feed({ sourceAddress: '10.0.1.10' });
  await h.advance(MIN);
  h.feed({ sourceAddress: '10.0.1.10', severity: 'cleared' });
  await h.advance(30 * MIN);
  assert.deepEqual(h.transport.sent.map((m) => m.subject), ['[ipo-observer][noc][MAINTENANCE-END] maintenance-1 ended: 1 alarm still open']);
});
