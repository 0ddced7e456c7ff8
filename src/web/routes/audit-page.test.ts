import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authApp } from '../../../test/fakes/auth-app.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

test('/audit: a viewer and an operator are refused; an admin sees the acknowledgement, filters and pages', async (t) => {
  const { app, raiseAlarm, signIn } = await authApp(t, { users: [{ name: 'vera', role: 'viewer' }, { name: 'olivia', role: 'operator' }, { name: 'ada', role: 'admin' }] });
  const alarm = raiseAlarm();
  const viewer = await signIn('vera');
  const operator = await signIn('olivia');
  const acked = await app.inject({ method: 'POST', url: `/alarms/${alarm.id}/acknowledge`, payload: 'note=on+it', headers: { ...form, cookie: operator } });
  assert.equal(acked.statusCode, 303);

  for (const cookie of [viewer, operator]) {
    const refused = await app.inject({ url: '/audit', headers: { cookie } });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.headers['content-type'] as string, /^text\/html/);
    assert.match(refused.body, /This page needs the <strong>admin<\/strong> role; you are signed in as (vera|olivia)/);
    const api = await app.inject({ url: '/api/v1/audit', headers: { cookie } });
    assert.equal(api.json().error.code, 'IPO_ERR_FORBIDDEN', 'the API keeps its coded JSON error');
    const alarms = await app.inject({ url: '/alarms', headers: { cookie } });
    assert.doesNotMatch(alarms.body, /href="\/audit"/, 'no Audit link for non-admins');
  }

  const admin = await signIn('ada');
  const page = await app.inject({ url: '/audit', headers: { cookie: admin } });
  assert.equal(page.statusCode, 200);
  assert.match(page.headers['content-type'] as string, /^text\/html/);
  assert.match(page.body, /<a href="\/audit" aria-current="page">Audit<\/a>/);
  assert.match(page.body, new RegExp(`data-action="alarm.acknowledge"><td>.*olivia <span class="muted">\\(operator\\)</span>.*<a href="/alarms/${alarm.id}">alarm:${alarm.id}</a>.*on it`));
  const actions = (body: string) => [...body.matchAll(/data-action="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(actions(page.body), ['login.success', 'alarm.acknowledge', 'login.success', 'login.success'], 'newest first');

  const filtered = await app.inject({ url: '/audit?actor=olivia&action=alarm.acknowledge', headers: { cookie: admin } });
  assert.deepEqual(actions(filtered.body), ['alarm.acknowledge']);
  const ids = [...page.body.matchAll(/data-audit-id="(\d+)"/g)].map((m) => Number(m[1]));
  const older = await app.inject({ url: `/audit?beforeId=${ids[1]}`, headers: { cookie: admin } });
  assert.deepEqual(actions(older.body), ['login.success', 'login.success']);
  assert.match(older.body, /Newest entries/);

  const bad = await app.inject({ url: '/audit?since=yesterday', headers: { cookie: admin } });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /role="alert">The “since” time could not be read/);
});
