import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { NewDelivery, NewMessage } from '../../notifiers/delivery.js';
import { freshStore, type MakeStore } from './store-contract-setup.js';
import { makeAlarm, MINUTE, T0 } from './store-fixtures.js';
import type { Store } from './store.js';

function seed(store: Store, kinds: Array<'raised' | 'cleared'> = ['raised']) {
  const alarm = store.insertAlarm(makeAlarm());
  const notifications = kinds.map((kind, i) =>
    store.insertNotification({ alarmId: alarm.id, transitionId: null, at: T0 + i, kind, severity: 'major', category: 'Generic', nodeId: 'node-a', status: 'pending', reason: 'ready', attempts: 0, updatedAt: T0 }),
  );
  return { alarm, notifications };
}

const delivery = (notificationId: number, alarmId: number, profile: string, overrides: Partial<NewDelivery> = {}): NewDelivery => ({
  key: `${notificationId}:email:${profile}`,
  notificationId,
  alarmId,
  notifier: 'email',
  profile,
  groupKey: 'node=node-a',
  kind: 'raised',
  severity: 'major',
  category: 'Generic',
  at: T0,
  status: 'grouped',
  reason: 'waiting for group wait',
  ...overrides,
});

const message = (key: string, overrides: Partial<NewMessage> = {}): NewMessage => ({
  key,
  notifier: 'email',
  profile: 'noc',
  groupKey: 'node=node-a',
  kind: 'alarms',
  recipients: ['noc@example.invalid'],
  subject: 'S',
  text: 'T',
  html: '<p>H</p>',
  headers: { 'X-IPO-Observer-Profile': 'noc' },
  nextAttemptAt: T0,
  createdAt: T0,
  ...overrides,
});

/** Notifier deliveries and messages: fan-out once, messages once, outcomes settle the outbox row. */
export function deliveryContract(makeStore: MakeStore): void {
  it('fans a pending row out once per profile and marks it dispatched; a second fan-out changes nothing', (t) => {
    const store = freshStore(t, makeStore);
    const { alarm, notifications } = seed(store);
    const n = notifications[0]!;
    assert.deepEqual(store.listPendingNotifications(10).map((x) => x.id), [n.id]);
    const first = store.recordFanOut(n.id, [delivery(n.id, alarm.id, 'noc'), delivery(n.id, alarm.id, 'support', { status: 'below-profile-severity', reason: 'minor < major' })], T0 + MINUTE);
    assert.deepEqual(first.map((d) => [d.profile, d.status, d.messageId, d.createdAt]), [['noc', 'grouped', null, T0 + MINUTE], ['support', 'below-profile-severity', null, T0 + MINUTE]]);
    assert.deepEqual(store.recordFanOut(n.id, [delivery(n.id, alarm.id, 'noc', { status: 'not-in-profile' })], T0 + 2 * MINUTE), first);
    assert.deepEqual(store.listPendingNotifications(10), []);
    assert.equal(store.listNotifications({ alarmId: alarm.id, limit: 1 })[0]?.status, 'dispatched');
    assert.deepEqual(store.profilesTold('email', alarm.id), ['noc']);
    assert.deepEqual(store.profilesTold('webhook', alarm.id), []);
    assert.deepEqual(store.listDeliveries({ notifier: 'email', statuses: ['grouped'], limit: 10 }).map((d) => d.profile), ['noc']);
    assert.deepEqual(store.listDeliveries({ profile: 'support', limit: 10 }).map((d) => d.status), ['below-profile-severity']);
  });

  it('settles a row at once when no profile takes it', (t) => {
    const store = freshStore(t, makeStore);
    const { alarm, notifications } = seed(store);
    store.recordFanOut(notifications[0]!.id, [delivery(notifications[0]!.id, alarm.id, 'noc', { status: 'not-in-profile', reason: 'category' })], T0);
    assert.equal(store.listNotifications({ alarmId: alarm.id, limit: 1 })[0]?.status, 'skipped');
    store.recordFanOut(notifications[0]!.id, [], T0);
    assert.equal(store.listNotifications({ alarmId: alarm.id, limit: 1 })[0]?.status, 'skipped');
  });

  it('creates a message once per key, queues its deliveries, and settles the row when it is sent', (t) => {
    const store = freshStore(t, makeStore);
    const { alarm, notifications } = seed(store, ['raised', 'cleared']);
    const [raised, cleared] = notifications as [(typeof notifications)[0], (typeof notifications)[0]];
    const [d1] = store.recordFanOut(raised.id, [delivery(raised.id, alarm.id, 'noc')], T0);
    const [d2] = store.recordFanOut(cleared.id, [delivery(cleared.id, alarm.id, 'noc', { kind: 'cleared' })], T0);
    const m = store.insertMessage(message('alarms:noc:1'), [d1!.id, d2!.id]);
    assert.deepEqual(store.insertMessage(message('alarms:noc:1', { subject: 'other' }), [d1!.id]), m, 'same key: the stored message');
    assert.equal(m.status, 'queued');
    assert.deepEqual(m.headers, { 'X-IPO-Observer-Profile': 'noc' });
    assert.deepEqual(store.listDeliveries({ notificationIds: [raised.id, cleared.id], limit: 10 }).map((d) => [d.status, d.messageId]), [['queued', m.id], ['queued', m.id]]);
    assert.deepEqual(store.listDueMessages('email', T0 - 1, 10), []);
    assert.deepEqual(store.listDueMessages('email', T0, 10).map((x) => x.id), [m.id]);

    store.recordAttempt(m.id, { status: 'retrying', attempts: 1, nextAttemptAt: T0 + MINUTE, lastError: 'ECONNREFUSED', rejected: [], at: T0 });
    assert.deepEqual(store.listDueMessages('email', T0, 10), []);
    assert.equal(store.listDeliveries({ notificationIds: [raised.id], limit: 1 })[0]?.status, 'retrying');
    assert.equal(store.listNotifications({ alarmId: alarm.id, status: 'dispatched', limit: 10 }).length, 2);

    store.recordAttempt(m.id, { status: 'sent', attempts: 2, nextAttemptAt: T0 + MINUTE, lastError: null, rejected: ['gone@example.invalid'], at: T0 + MINUTE });
    const sent = store.listMessages({ ids: [m.id], limit: 1 })[0]!;
    assert.deepEqual([sent.status, sent.attempts, sent.sentAt, sent.rejected], ['sent', 2, T0 + MINUTE, ['gone@example.invalid']]);
    assert.match(store.listDeliveries({ notificationIds: [raised.id], limit: 1 })[0]!.reason, /^sent in message \d+ \(attempt 2\); refused by the server for: gone@example\.invalid$/);
    assert.deepEqual(store.listNotifications({ alarmId: alarm.id, limit: 10 }).map((n) => n.status), ['sent', 'sent']);
    assert.deepEqual(store.listDueMessages('email', T0 + 10 * MINUTE, 10), []);
  });

  it('a permanent failure marks the row failed; brake and flush statuses settle too', (t) => {
    const store = freshStore(t, makeStore);
    const { alarm, notifications } = seed(store, ['raised', 'raised']);
    const [a] = store.recordFanOut(notifications[0]!.id, [delivery(notifications[0]!.id, alarm.id, 'noc')], T0);
    const [b] = store.recordFanOut(notifications[1]!.id, [delivery(notifications[1]!.id, alarm.id, 'noc')], T0);
    const m = store.insertMessage(message('k1'), [a!.id]);
    store.recordAttempt(m.id, { status: 'failed-permanent', attempts: 1, nextAttemptAt: T0, lastError: '550 no such user', rejected: [], at: T0 });
    store.setDeliveryStatus([b!.id], 'suppressed-by-brake', 'storm brake', T0);
    assert.deepEqual(store.listNotifications({ alarmId: alarm.id, limit: 10 }).map((n) => n.status), ['dispatched', 'failed']);
    store.setDeliveryStatus([b!.id], 'inhibited', 'node unreachable', T0);
    assert.deepEqual(store.listNotifications({ alarmId: alarm.id, limit: 10 }).map((n) => n.status), ['skipped', 'failed']);
  });

  it('lists messages newest first by profile, group, kind and time; prunes old finished ones', (t) => {
    const store = freshStore(t, makeStore);
    const m1 = store.insertMessage(message('a', { createdAt: T0 }), []);
    const m2 = store.insertMessage(message('b', { createdAt: T0 + MINUTE, kind: 'digest', groupKey: 'digest' }), []);
    const m3 = store.insertMessage(message('c', { createdAt: T0 + 2 * MINUTE, profile: 'support' }), []);
    assert.deepEqual(store.listMessages({ notifier: 'email', limit: 10 }).map((m) => m.id), [m3.id, m2.id, m1.id]);
    assert.deepEqual(store.listMessages({ profile: 'noc', kinds: ['alarms', 'reminder'], limit: 10 }).map((m) => m.id), [m1.id]);
    assert.deepEqual(store.listMessages({ profile: 'noc', since: T0 + 1, limit: 10 }).map((m) => m.id), [m2.id]);
    assert.deepEqual(store.listMessages({ groupKey: 'node=node-a', profile: 'noc', limit: 1 }).map((m) => m.id), [m1.id]);
    store.recordAttempt(m1.id, { status: 'sent', attempts: 1, nextAttemptAt: T0, lastError: null, rejected: [], at: T0 });
    assert.equal(store.pruneMessages(T0 + MINUTE), 1);
    assert.deepEqual(store.listMessages({ limit: 10 }).map((m) => m.id), [m3.id, m2.id]);
  });

  it('lists what each profile was last told is firing, for alarms still active', (t) => {
    const store = freshStore(t, makeStore);
    const { alarm, notifications } = seed(store, ['raised', 'cleared']);
    const other = store.insertAlarm(makeAlarm({ reductionKey: 'other' }));
    const n3 = store.insertNotification({ ...notifications[0]!, alarmId: other.id });
    const [d1] = store.recordFanOut(notifications[0]!.id, [delivery(notifications[0]!.id, alarm.id, 'noc')], T0);
    const [d3] = store.recordFanOut(n3.id, [delivery(n3.id, other.id, 'noc')], T0);
    const m = store.insertMessage(message('m', { createdAt: T0 + MINUTE }), [d1!.id, d3!.id]);
    assert.deepEqual(store.listFiringDeliveries('email', 10), [
      { profile: 'noc', groupKey: 'node=node-a', alarmId: alarm.id, toldAt: m.createdAt },
      { profile: 'noc', groupKey: 'node=node-a', alarmId: other.id, toldAt: m.createdAt },
    ]);
    const [d2] = store.recordFanOut(notifications[1]!.id, [delivery(notifications[1]!.id, alarm.id, 'noc', { kind: 'cleared' })], T0);
    store.insertMessage(message('m2'), [d2!.id]);
    store.updateAlarm({ ...other, state: 'acknowledged' });
    assert.deepEqual(store.listFiringDeliveries('email', 10), [], 'cleared notice sent for one, the other is no longer active');
  });
}
