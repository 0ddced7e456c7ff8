import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notifierHarness } from '../test/fakes/notifier-harness.js';

const S = 1000;
const MIN = 60_000;

const statuses = (h: ReturnType<typeof notifierHarness>, alarmId: number) =>
  Object.fromEntries(h.store.listDeliveries({ limit: 1000 }).filter((d) => d.alarmId === alarmId).map((d) => [`${d.kind}:${d.profile}`, d.status]));

test('each transition is routed per profile: category, minimum severity, resolved notices', async () => {
  const h = notifierHarness();
  const trunk = h.feed().alarm!; // major, Trunk lines
  const licence = h.feed({ category: 'License', severity: 'minor', code: 'syslog.licence', alarmKey: 'lic', text: 'licence expires soon' }).alarm!;
  await h.advance(0);
  assert.deepEqual(statuses(h, trunk.id), { 'raised:noc': 'grouped', 'raised:partner': 'not-in-profile', 'raised:support': 'grouped' });
  assert.deepEqual(statuses(h, licence.id), { 'raised:noc': 'below-profile-severity', 'raised:partner': 'grouped', 'raised:support': 'not-in-profile' });
  const below = h.store.listDeliveries({ profile: 'noc', statuses: ['below-profile-severity'], limit: 1 })[0]!;
  assert.equal(below.reason, "minor is below profile noc's minimum severity major");
  assert.deepEqual(h.store.listNotifications({ limit: 10 }).map((n) => n.status), ['dispatched', 'dispatched']);
});

test('group wait gathers a node’s alarms into one email per profile; group interval paces the next', async () => {
  const h = notifierHarness();
  h.feed();
  await h.advance(10 * S);
  h.feed({ alarmKey: 'b', text: 'Trunk Slot B, T1 PRI 3 red alarm' });
  await h.advance(19 * S);
  assert.equal(h.transport.sent.length, 0, 'group wait (30 s) not over');
  await h.advance(1 * S);
  assert.deepEqual(h.transport.sent.map((m) => [m.profile, m.groupKey]).sort(), [
    ['noc', 'customer=acme/site=hq/node=hq-primary'],
    ['support', 'customer=acme/site=hq/node=hq-primary'],
  ]);
  const noc = h.transport.sent.find((m) => m.profile === 'noc')!;
  assert.match(noc.subject, /^\[ipo-observer\]\[noc\]\[MAJOR\]\[Trunk lines\] Acme Dental \/ HQ \/ HQ-PRIMARY: Trunk Slot B, T1 PRI 2 red alarm \(\+1 more\)$/);
  assert.deepEqual(noc.recipients, ['noc@example.invalid']);

  h.feed({ alarmKey: 'c', text: 'third' });
  await h.advance(MIN);
  assert.equal(h.transport.sent.length, 2, 'group interval (5 min) since the last email');
  await h.advance(4 * MIN);
  assert.equal(h.transport.sent.length, 4);
  assert.deepEqual(h.store.listNotifications({ limit: 10 }).map((n) => n.status), ['sent', 'sent', 'sent']);
});

test('raised and cleared within group wait: one email showing it resolved; resolved notices only to profiles told', async () => {
  const h = notifierHarness();
  const { alarm } = h.feed();
  await h.advance(5 * S);
  h.feed({ severity: 'cleared' });
  await h.advance(30 * S);
  const noc = h.transport.sent.filter((m) => m.profile === 'noc');
  assert.equal(noc.length, 1);
  assert.match(noc[0]!.subject, /^\[ipo-observer\]\[noc\]\[RESOLVED\]\[Trunk lines\]/);
  assert.match(noc[0]!.text, /Changes: {5}raised .*\(major\); cleared /);
  assert.deepEqual(statuses(h, alarm!.id), { 'raised:noc': 'sent', 'raised:partner': 'not-in-profile', 'raised:support': 'sent', 'cleared:noc': 'sent', 'cleared:partner': 'not-in-profile', 'cleared:support': 'sent' });
  assert.match(h.store.listDeliveries({ profile: 'partner', limit: 10 }).at(-1)!.reason, /category Trunk lines is not in profile partner/);
});

test('a resolved notice goes out on its own after the firing one, and never to a profile that was not told', async () => {
  const h = notifierHarness({ email: { profiles: [{ id: 'noc', name: 'NOC', to: ['noc@example.invalid'], minSeverity: 'major' }, { id: 'quiet', name: 'Q', to: ['q@example.invalid'], sendResolved: false }] } });
  const minor = h.feed({ severity: 'minor', alarmKey: 'minor' }).alarm!;
  h.feed();
  await h.advance(30 * S);
  h.feed({ severity: 'cleared', alarmKey: 'minor' });
  h.feed({ severity: 'cleared' });
  await h.advance(5 * MIN);
  assert.equal(statuses(h, minor.id)['cleared:noc'], 'not-in-profile', 'noc never heard of the minor alarm');
  assert.equal(statuses(h, minor.id)['cleared:quiet'], 'not-in-profile');
  assert.match(h.transport.sent.at(-1)!.subject, /^\[ipo-observer\]\[noc\]\[RESOLVED\]/);
});

test('a reminder after the repeat interval while alarms stay active; acknowledged alarms are left out', async () => {
  const h = notifierHarness({ email: { repeatIntervalHours: 1 } });
  const a = h.feed().alarm!;
  h.feed({ alarmKey: 'b', text: 'other trunk' });
  await h.advance(30 * S);
  const first = h.transport.sent.length;
  await h.advance(59 * MIN);
  assert.equal(h.transport.sent.length, first);
  h.store.updateAlarm({ ...h.store.getAlarm(a.id)!, state: 'acknowledged', acknowledgedBy: 'anna', acknowledgedAt: h.clock.now() });
  await h.advance(MIN);
  const reminders = h.transport.bySubject(/\[REMINDER\]/);
  assert.equal(reminders.length, 2, 'noc and support');
  assert.match(reminders[0]!.subject, /\[REMINDER\]\[MAJOR\]\[Trunk lines\] .*: other trunk$/);
  assert.ok(!reminders[0]!.text.includes('T1 PRI 2'), 'the acknowledged alarm is not repeated');
});

test('a root cause arriving during group wait holds the waiting alarm (inhibition at send time)', async () => {
  const h = notifierHarness();
  const trunk = h.feed().alarm!;
  await h.advance(10 * S);
  h.feed({ code: 'poll.node-unreachable', category: 'Generic', alarmKey: 'unreachable', text: 'HQ Primary does not answer polls', severity: 'critical' });
  await h.advance(30 * S);
  assert.equal(statuses(h, trunk.id)['raised:noc'], 'inhibited');
  assert.match(h.store.listDeliveries({ profile: 'noc', statuses: ['inhibited'], limit: 1 })[0]!.reason, /^inhibited at send time by open alarm \d+ "HQ Primary does not answer polls" \(rule node-unreachable-inhibits-node-alarms\)$/);
  assert.deepEqual(h.transport.sent.filter((m) => m.profile === 'noc').map((m) => m.subject.replace(/^.*\] /, '')), ['Acme Dental / HQ / HQ-PRIMARY: HQ Primary does not answer polls']);
});

test('a restart in the middle of group wait sends each group exactly once', async () => {
  const h = notifierHarness();
  h.feed();
  h.feed({ sourceAddress: '10.1.0.10' });
  await h.advance(10 * S);
  await h.restart();
  await h.advance(10 * S);
  assert.equal(h.transport.sent.length, 0, 'group wait counts from the transitions, also after a restart');
  await h.advance(10 * S);
  await h.restart();
  await h.advance(0);
  assert.equal(h.transport.sent.length, 4, 'noc and support, two nodes');
  assert.equal(new Set(h.transport.sent.map((m) => m.key)).size, 4);
  await h.restart();
  await h.advance(10 * MIN);
  assert.equal(h.transport.sent.length, 4, 'nothing twice');
});

test('a transient failure is retried with backoff; a refused address fails for good and shows on the outbox row', async () => {
  const h = notifierHarness({ email: { profiles: [{ id: 'noc', name: 'NOC', to: ['noc@example.invalid'], minSeverity: 'major' }] } });
  let mode: 'down' | 'refuse' | 'up' = 'down';
  h.transport.fail = () => (mode === 'down' ? { ok: false, retryable: true, transport: true, error: 'ESOCKET: connect ECONNREFUSED' } : mode === 'refuse' ? { ok: false, retryable: false, transport: false, error: 'EENVELOPE RCPT TO 550: no such user' } : null);
  const first = h.feed().alarm!;
  await h.advance(30 * S);
  const retrying = h.store.listMessages({ limit: 1 })[0]!;
  assert.deepEqual([retrying.status, retrying.attempts, retrying.nextAttemptAt - h.clock.now()], ['retrying', 1, 30 * S]);
  assert.equal(statuses(h, first.id)['raised:noc'], 'retrying');
  await h.advance(29 * S);
  assert.equal(h.transport.attempts, 1, 'waits for its backoff');
  mode = 'up';
  await h.advance(1 * S);
  assert.equal(h.transport.sent.length, 1);
  assert.equal(h.store.listNotifications({ alarmId: first.id, limit: 1 })[0]?.status, 'sent');

  mode = 'refuse';
  const second = h.feed({ sourceAddress: '10.1.0.10' }).alarm!;
  await h.advance(30 * S);
  assert.equal(h.store.listMessages({ limit: 1 })[0]?.status, 'failed-permanent');
  assert.equal(statuses(h, second.id)['raised:noc'], 'failed-permanent');
  assert.equal(h.store.listNotifications({ alarmId: second.id, limit: 1 })[0]?.status, 'failed');
  await h.advance(60 * MIN);
  assert.equal(h.transport.attempts, 3, 'a permanent failure is not retried');
});

test('a maintenance window that begins during group wait holds the waiting alarm', async () => {
  const h = notifierHarness({ email: { profiles: [{ id: 'noc', name: 'NOC', to: ['noc@example.invalid'], minSeverity: 'major' }] } });
  const alarm = h.feed().alarm!;
  await h.advance(10 * S);
  h.silences.create({ kind: 'maintenance', matchers: { nodeId: 'hq-primary' }, startsAt: h.clock.now(), endsAt: h.clock.now() + 60 * MIN, createdBy: 'anna', comment: 'CHG-12' });
  await h.advance(20 * S);
  assert.equal(statuses(h, alarm.id)['raised:noc'], 'silenced');
  assert.match(h.store.listDeliveries({ statuses: ['silenced'], limit: 1 })[0]!.reason, /^maintenance window 1 began during group wait \(until .*\): CHG-12$/);
  assert.equal(h.transport.sent.length, 0);
  assert.equal(h.store.listNotifications({ alarmId: alarm.id, limit: 1 })[0]?.status, 'skipped');
});
