import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notifierHarness } from '../../../test/fakes/notifier-harness.js';
import { buildApp } from '../app.js';

async function setup(t: { after(fn: () => unknown): void }, email: Record<string, unknown> = {}) {
  const h = notifierHarness({ email });
  const app = await buildApp({
    store: h.store,
    fleet: h.fleet,
    silences: h.silences,
    inventory: () => null,
    knownIssues: () => [],
    metrics: h.metrics,
    version: '9.9.9',
    now: () => h.clock.now(),
    health: () => ({ startedAt: h.clock.now(), queueDepth: 0, queueCapacity: 10, collectors: [] }),
  });
  t.after(() => app.close());
  const get = async (url: string) => {
    const response = await app.inject(url);
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };
  return { h, app, get };
}

test('GET /api/v1/notifications explains per alarm what was sent, grouped, held and why', async (t) => {
  const { h, get } = await setup(t);
  h.silences.create({ kind: 'maintenance', matchers: { siteId: 'branch' }, startsAt: h.clock.now(), endsAt: h.clock.now() + 3_600_000, createdBy: 'anna', comment: 'CHG-3' });
  const sent = h.feed().alarm!;
  const held = h.feed({ sourceAddress: '10.0.1.10' }).alarm!;
  const minor = h.feed({ sourceAddress: '10.1.0.10', severity: 'minor', category: 'Phone change', code: 'syslog.phone', alarmKey: 'ext 201', text: 'Extension 201 unregistered' }).alarm!;
  await h.advance(0);

  const grouped = (await get(`/api/v1/notifications?alarmId=${sent.id}`)).notifications[0];
  assert.equal(grouped.status, 'dispatched');
  assert.deepEqual(grouped.deliveries.map((d: { profile: string; status: string }) => [d.profile, d.status]), [['noc', 'grouped'], ['partner', 'not-in-profile'], ['support', 'grouped']]);

  await h.advance(30_000);
  const after = (await get(`/api/v1/notifications?alarmId=${sent.id}`)).notifications[0];
  assert.equal(after.status, 'sent');
  const noc = after.deliveries[0];
  assert.match(noc.reason, /^sent in message \d+ \(attempt 1\)$/);
  assert.equal(noc.message.status, 'sent');
  assert.equal(noc.message.kind, 'alarms');
  assert.deepEqual(noc.message.recipients, ['noc@example.invalid']);
  assert.match(noc.message.subject, /^\[ipo-observer\]\[noc\]\[MAJOR\]/);

  const maintenance = (await get(`/api/v1/notifications?alarmId=${held.id}`)).notifications[0];
  assert.equal(maintenance.status, 'held');
  assert.match(maintenance.reason, /^maintenance window 1 by anna until .*: CHG-3$/);
  assert.deepEqual(maintenance.deliveries, []);

  const below = (await get(`/api/v1/notifications?alarmId=${minor.id}`)).notifications[0];
  assert.deepEqual(below.deliveries.map((d: { profile: string; status: string; reason: string }) => [d.profile, d.status]), [['noc', 'below-profile-severity'], ['partner', 'not-in-profile'], ['support', 'sent']]);
  assert.equal(below.deliveries[0].reason, "minor is below profile noc's minimum severity major");

  assert.equal((await get('/api/v1/notifications?status=held')).notifications.length, 1);
});

test('GET /api/v1/notifications/messages lists emails with their outcome; permanent failures can be filtered', async (t) => {
  const { h, get, app } = await setup(t);
  h.transport.fail = (m) => (m.profile === 'support' ? { ok: false, retryable: false, transport: false, error: 'EENVELOPE RCPT TO 550: 5.1.1 no such user' } : null);
  h.feed();
  await h.advance(30_000);
  const failed = (await get('/api/v1/notifications/messages?status=failed-permanent')).messages;
  assert.equal(failed.length, 1);
  assert.deepEqual([failed[0].profile, failed[0].attempts, failed[0].lastError, failed[0].nextAttemptAt], ['support', 1, 'EENVELOPE RCPT TO 550: 5.1.1 no such user', null]);
  assert.equal('text' in failed[0], false, 'bodies are not listed');
  assert.equal((await get('/api/v1/notifications/messages?profile=noc&kind=alarms')).messages.length, 1);
  assert.equal((await get('/api/v1/notifications?status=failed')).notifications.length, 1);
  assert.equal((await app.inject('/api/v1/notifications/messages?status=lost')).statusCode, 400);
});
