import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authApp, setCookie, TOKEN } from '../../../test/fakes/auth-app.js';

const USERS = [
  { name: 'vera', role: 'viewer' as const },
  { name: 'otto', role: 'operator' as const },
  { name: 'ada', role: 'admin' as const },
];
const form = { 'content-type': 'application/x-www-form-urlencoded' };

test('with nobody configured every request is the open principal (admin), and acknowledging takes a typed name', async (t) => {
  const { app, raiseAlarm, store } = await authApp(t);
  const alarm = raiseAlarm();
  const session = await app.inject('/api/v1/session');
  assert.deepEqual(session.json(), { principal: { name: 'anonymous', role: 'admin', via: 'open' }, authentication: 'off' });
  const ack = await app.inject({ method: 'POST', url: `/api/v1/alarms/${alarm.id}/acknowledge`, payload: { user: 'night shift', note: 'looking' } });
  assert.equal(ack.statusCode, 200, ack.body);
  assert.equal(ack.json().alarm.acknowledgedBy, 'night shift');
  const [entry] = store.listAudit({ limit: 10 });
  assert.equal(entry?.actor, 'night shift');
  assert.equal(entry?.via, 'open');
  assert.equal((await app.inject('/api/v1/audit')).statusCode, 200, 'open means admin');
  assert.equal((await app.inject('/login')).statusCode, 303, 'nothing to sign in to');
});

test('unauthenticated: the API answers 401 with a code, pages redirect to /login with next, health stays public', async (t) => {
  const { app } = await authApp(t, { users: USERS });
  const api = await app.inject('/api/v1/alarms');
  assert.equal(api.statusCode, 401);
  assert.equal(api.json().error.code, 'IPO_ERR_UNAUTHORIZED');
  assert.equal((await app.inject('/metrics')).statusCode, 401);
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/alarms/1/acknowledge', payload: {} })).statusCode, 401);
  const page = await app.inject('/?state=open');
  assert.equal(page.statusCode, 302);
  assert.equal(page.headers.location, '/login?next=%2F%3Fstate%3Dopen');
  assert.equal((await app.inject('/api/v1/health')).statusCode, 200);
  const login = await app.inject('/login?next=/alarms');
  assert.equal(login.statusCode, 200);
  assert.match(login.body, /<form method="post" action="\/login"/);
  assert.match(login.body, /name="next" value="\/alarms"/);
  const hostile = await app.inject(`/login?next=${encodeURIComponent('/"><script>alert(1)</script>')}`);
  assert.match(hostile.body, /value="\/&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  assert.doesNotMatch(hostile.body, /<script>/);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/alarms', headers: { authorization: 'Bearer wrong' } })).statusCode, 401);
});

test('a viewer reads but cannot acknowledge (403 IPO_ERR_FORBIDDEN); an operator acknowledges and it is audited with their name', async (t) => {
  const { app, raiseAlarm, store, signIn } = await authApp(t, { users: USERS });
  const alarm = raiseAlarm();
  const viewer = await signIn('vera');
  const read = await app.inject({ url: '/api/v1/alarms', headers: { cookie: viewer } });
  assert.equal(read.statusCode, 200);
  assert.equal(read.headers['cache-control'], 'no-store');
  const refused = await app.inject({ method: 'POST', url: `/api/v1/alarms/${alarm.id}/acknowledge`, headers: { cookie: viewer }, payload: { note: 'mine' } });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'IPO_ERR_FORBIDDEN');
  assert.match(refused.json().error.message, /needs the operator role; vera is viewer/);
  assert.equal(store.getAlarm(alarm.id)?.state, 'active');

  const operator = await signIn('otto');
  // A typed name is ignored once someone is signed in: the principal is who acknowledged.
  const ack = await app.inject({ method: 'POST', url: `/api/v1/alarms/${alarm.id}/acknowledge`, headers: { cookie: operator }, payload: { user: 'someone else', note: 'on it' } });
  assert.equal(ack.statusCode, 200, ack.body);
  assert.equal(ack.json().alarm.acknowledgedBy, 'otto');
  assert.equal(ack.json().transition.user, 'otto');

  assert.equal((await app.inject({ url: '/api/v1/audit', headers: { cookie: operator } })).statusCode, 403, 'the audit log is for admins');
  const admin = await signIn('ada');
  const audit = await app.inject({ url: '/api/v1/audit?action=alarm.acknowledge', headers: { cookie: admin } });
  assert.equal(audit.statusCode, 200);
  const [entry] = audit.json().entries;
  assert.deepEqual(
    { actor: entry.actor, role: entry.role, via: entry.via, action: entry.action, target: entry.target, detail: entry.detail, at: entry.at },
    { actor: 'otto', role: 'operator', via: 'session', action: 'alarm.acknowledge', target: `alarm:${alarm.id}`, detail: { note: 'on it' }, at: '2026-11-21T09:00:00.000Z' },
  );
  const logins = await app.inject({ url: '/api/v1/audit?action=login.success', headers: { cookie: admin } });
  assert.deepEqual(logins.json().entries.map((e: { actor: string }) => e.actor), ['ada', 'otto', 'vera']);
});

test('API tokens authenticate with their role; an unknown token is 401 even with a valid cookie', async (t) => {
  const { app, raiseAlarm, signIn } = await authApp(t, { users: USERS, tokens: [{ name: 'grafana', role: 'viewer' }, { name: 'bot', role: 'operator' }] });
  const alarm = raiseAlarm();
  const bearer = (name: string) => ({ authorization: `Bearer ${TOKEN(name)}` });
  assert.equal((await app.inject({ url: '/metrics', headers: bearer('grafana') })).statusCode, 200);
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/alarms/${alarm.id}/acknowledge`, headers: bearer('grafana'), payload: {} })).statusCode, 403);
  const ack = await app.inject({ method: 'POST', url: `/api/v1/alarms/${alarm.id}/acknowledge`, headers: bearer('bot'), payload: {} });
  assert.equal(ack.json().alarm.acknowledgedBy, 'bot');
  const who = await app.inject({ url: '/api/v1/session', headers: bearer('bot') });
  assert.deepEqual(who.json().principal, { name: 'bot', role: 'operator', via: 'token' });
  const cookie = await signIn('ada');
  assert.equal((await app.inject({ url: '/api/v1/alarms', headers: { cookie, authorization: 'Bearer not-a-token' } })).statusCode, 401);
});

test('signing in: a wrong password is 401, counted and audited without the password; next is followed only on this site', async (t) => {
  const { app, store } = await authApp(t, { users: USERS });
  const wrong = await app.inject({ method: 'POST', url: '/login', headers: form, payload: 'name=otto&password=guess&next=%2Falarms' });
  assert.equal(wrong.statusCode, 401);
  assert.match(wrong.body, /do not match a user/);
  assert.match(wrong.body, /value="otto"/, 'the name is kept, the password is not');
  assert.doesNotMatch(wrong.body, /guess/);
  assert.equal(setCookie(wrong), null);
  const admin = setCookie(await app.inject({ method: 'POST', url: '/api/v1/session', payload: { name: 'ada', password: 'ada-password' } }))!;
  const scrape = await app.inject({ url: '/metrics', headers: { cookie: admin } });
  assert.match(scrape.body, /ipo_http_login_failures_total\{reason="bad-credentials"\} 1/);
  const [failure] = store.listAudit({ action: 'login.failure', limit: 5 });
  assert.equal(failure?.actor, 'otto');
  assert.doesNotMatch(JSON.stringify(store.listAudit({ limit: 50 })), /guess|password/);

  const unknown = await app.inject({ method: 'POST', url: '/login', headers: form, payload: 'name=hunter2&password=x' });
  assert.equal(unknown.statusCode, 401);
  assert.equal(store.listAudit({ action: 'login.failure', limit: 5 })[0]?.actor, 'unknown', 'an unknown name may be a mistyped password: not written down');

  const good = await app.inject({ method: 'POST', url: '/login', headers: form, payload: 'name=otto&password=otto-password&next=%2Falarms%3Fstate%3Dopen' });
  assert.equal(good.statusCode, 303);
  assert.equal(good.headers.location, '/alarms?state=open');
  const cookieHeader = String(good.headers['set-cookie']);
  assert.match(cookieHeader, /^ipo_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
  const evil = await app.inject({ method: 'POST', url: '/login', headers: form, payload: 'name=otto&password=otto-password&next=%2F%2Fevil.example' });
  assert.equal(evil.headers.location, '/');
});

test('signing out ends the session (audited); DELETE /api/v1/session does the same for scripts', async (t) => {
  const { app, store, signIn } = await authApp(t, { users: USERS });
  const cookie = await signIn('vera');
  const out = await app.inject({ method: 'POST', url: '/logout', headers: { cookie } });
  assert.equal(out.statusCode, 303);
  assert.equal(out.headers.location, '/login');
  assert.match(String(out.headers['set-cookie']), /^ipo_session=; .*Max-Age=0/);
  assert.equal((await app.inject({ url: '/api/v1/alarms', headers: { cookie } })).statusCode, 401);
  assert.equal(store.listAudit({ action: 'logout', limit: 5 })[0]?.actor, 'vera');

  const api = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { name: 'otto', password: 'otto-password' } });
  assert.deepEqual(api.json(), { principal: { name: 'otto', role: 'operator', via: 'session' } });
  const apiCookie = setCookie(api)!;
  // Signing in again ends the session the browser brought: a planted id never becomes a signed-in one.
  const again = await app.inject({ method: 'POST', url: '/api/v1/session', headers: { cookie: apiCookie }, payload: { name: 'otto', password: 'otto-password' } });
  assert.notEqual(setCookie(again), apiCookie);
  assert.equal((await app.inject({ url: '/api/v1/session', headers: { cookie: apiCookie } })).statusCode, 401);
  const newCookie = setCookie(again)!;
  assert.equal((await app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie: newCookie } })).statusCode, 204, 'a viewer-level action');
  assert.equal((await app.inject({ url: '/api/v1/session', headers: { cookie: newCookie } })).statusCode, 401);
});

test('sessions expire after the idle time (60 minutes by default)', async (t) => {
  const { app, clock, signIn } = await authApp(t, { users: USERS });
  const cookie = await signIn('vera');
  clock.advance(59 * 60_000);
  assert.equal((await app.inject({ url: '/api/v1/session', headers: { cookie } })).statusCode, 200);
  clock.advance(61 * 60_000);
  assert.equal((await app.inject({ url: '/api/v1/session', headers: { cookie } })).statusCode, 401);
});

test('sign-in attempts are limited per address (429, Retry-After, IPO_ERR_RATE_LIMITED), even with the right password', async (t) => {
  const { app, clock } = await authApp(t, { users: USERS, rateLimits: { loginPerMinute: 3 } });
  for (let i = 0; i < 3; i++) assert.equal((await app.inject({ method: 'POST', url: '/api/v1/session', payload: { name: 'ada', password: `guess-${i}` } })).statusCode, 401);
  const limited = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { name: 'ada', password: 'ada-password' } });
  assert.equal(limited.statusCode, 429);
  assert.equal(limited.json().error.code, 'IPO_ERR_RATE_LIMITED');
  assert.equal(limited.headers['retry-after'], '60');
  const formLimited = await app.inject({ method: 'POST', url: '/login', headers: form, payload: 'name=ada&password=ada-password' });
  assert.equal(formLimited.statusCode, 429);
  assert.match(formLimited.body, /Too many sign-in attempts/);
  clock.advance(60_000);
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/session', payload: { name: 'ada', password: 'ada-password' } })).statusCode, 200);
});

test('failed sign-ins are limited per user name too, whichever address they come from', async (t) => {
  const { app } = await authApp(t, { users: USERS, rateLimits: { loginPerMinute: 2 } });
  const attempt = (address: string, password: string) => app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: address, payload: { name: 'ada', password } });
  assert.equal((await attempt('192.0.2.1', 'a')).statusCode, 401);
  assert.equal((await attempt('192.0.2.2', 'b')).statusCode, 401);
  assert.equal((await attempt('192.0.2.3', 'ada-password')).statusCode, 429);
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: '192.0.2.3', payload: { name: 'otto', password: 'otto-password' } })).statusCode, 200);
});

test('requests per address are limited across the API; health and assets are not counted', async (t) => {
  const { app } = await authApp(t, { tokens: [{ name: 'bot', role: 'viewer' }], rateLimits: { requestsPerMinute: 5 } });
  const headers = { authorization: `Bearer ${TOKEN('bot')}` };
  for (let i = 0; i < 10; i++) assert.equal((await app.inject('/api/v1/health')).statusCode, 200);
  for (let i = 0; i < 5; i++) assert.equal((await app.inject({ url: '/api/v1/alarms', headers })).statusCode, 200);
  const limited = await app.inject({ url: '/api/v1/alarms', headers });
  assert.equal(limited.statusCode, 429);
  assert.equal(limited.json().error.code, 'IPO_ERR_RATE_LIMITED');
  assert.ok(Number(limited.headers['retry-after']) >= 1);
  assert.equal((await app.inject({ url: '/api/v1/alarms', headers, remoteAddress: '192.0.2.9' })).statusCode, 200, 'another address');
  const scrape = await app.inject({ url: '/metrics', headers, remoteAddress: '192.0.2.9' });
  assert.match(scrape.body, /ipo_http_rate_limited_total\{limit="requests"\} 1/);
});

test('silences: the creator and who expired them come from the principal, both audited; viewers cannot', async (t) => {
  const { app, store, signIn } = await authApp(t, { users: USERS });
  const viewer = await signIn('vera');
  const operator = await signIn('otto');
  const body = { matchers: { nodeId: 'hq-primary' }, endsAt: '2026-11-21T12:00:00Z', comment: 'CHG-1 firmware upgrade' };
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/silences', headers: { cookie: viewer }, payload: body })).statusCode, 403);
  const created = await app.inject({ method: 'POST', url: '/api/v1/silences', headers: { cookie: operator }, payload: body });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().silence.id;
  assert.equal(created.json().silence.createdBy, 'otto');
  assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/silences/${id}`, headers: { cookie: operator } })).statusCode, 200);
  assert.deepEqual(
    store.listAudit({ actor: 'otto', limit: 10 }).map((e) => [e.action, e.target]),
    [['silence.expire', `silence:${id}`], ['silence.create', `silence:${id}`], ['login.success', 'user:otto']],
  );
  assert.equal(store.listAudit({ action: 'silence.create', limit: 1 })[0]?.detail['comment'], 'CHG-1 firmware upgrade');
});

test('a signed-in change from another origin is refused; behind https cookies are Secure and HSTS is sent', async (t) => {
  const { app, raiseAlarm, signIn } = await authApp(t, { users: USERS, publicUrl: 'https://noc.example.com' });
  const alarm = raiseAlarm();
  const login = await app.inject({ method: 'POST', url: '/login', headers: form, payload: 'name=otto&password=otto-password' });
  assert.match(String(login.headers['set-cookie']), /; Secure$/);
  assert.equal(login.headers['strict-transport-security'], 'max-age=31536000');
  const cookie = await signIn('otto');
  const cross = await app.inject({ method: 'POST', url: `/api/v1/alarms/${alarm.id}/acknowledge`, headers: { cookie, origin: 'https://evil.example', host: 'noc.example.com' }, payload: {} });
  assert.equal(cross.statusCode, 403);
  assert.equal(cross.json().error.code, 'IPO_ERR_FORBIDDEN');
  const crossSite = await app.inject({ method: 'POST', url: `/api/v1/alarms/${alarm.id}/acknowledge`, headers: { cookie, 'sec-fetch-site': 'cross-site', origin: 'null' }, payload: {} });
  assert.equal(crossSite.statusCode, 403, 'Sec-Fetch-Site says another site sent it');
  // Under Referrer-Policy: no-referrer a browser's own form sends Origin: null, with Sec-Fetch-Site: same-origin.
  const same = await app.inject({ method: 'POST', url: `/api/v1/alarms/${alarm.id}/acknowledge`, headers: { cookie, origin: 'null', 'sec-fetch-site': 'same-origin', host: 'noc.example.com' }, payload: {} });
  assert.equal(same.statusCode, 200, same.body);
});
