import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { webDeps } from '../../../test/fakes/web-harness.js';
import { buildApp } from '../../api/app.js';
import { authConfigSchema } from '../../api/auth/config.js';
import type { ApiDeps } from '../../api/deps.js';

async function setup(t: { after(fn: () => unknown): void }, overrides: Partial<ApiDeps> = {}) {
  const harness = webDeps(overrides);
  const app = await buildApp(harness.deps);
  t.after(() => app.close());
  return { ...harness, app };
}

const form = (fields: Record<string, string>) => ({ payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

test('assets: the allow-list with content types, caching and revalidation; nothing else is reachable', async (t) => {
  const { app } = await setup(t);
  const css = await app.inject('/assets/app.css');
  assert.equal(css.statusCode, 200);
  assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
  assert.equal(css.headers['cache-control'], 'public, max-age=300');
  assert.equal((await app.inject({ url: '/assets/app.css', headers: { 'if-none-match': String(css.headers['etag']) } })).statusCode, 304);
  const live = await app.inject('/assets/live.js');
  assert.equal(live.headers['content-type'], 'text/javascript; charset=utf-8');
  const uplot = await app.inject('/assets/vendor/uPlot.esm.js');
  assert.equal(uplot.statusCode, 200);
  assert.equal(uplot.headers['cache-control'], 'public, max-age=86400');
  assert.match(uplot.body, /export \{ uPlot as default \}|export default uPlot/);
  assert.equal((await app.inject('/assets/vendor/uPlot.min.css')).headers['content-type'], 'text/css; charset=utf-8');
  for (const url of ['/assets/nope.js', '/assets/..%2Fpackage.json', '/assets/vendor/uPlot.cjs.js', '/assets/layout.ts', '/assets/']) {
    assert.equal((await app.inject(url)).statusCode, 404, url);
  }
});

test('pages: / opens the alarms list; every page is in the shell, with a strict CSP and no inline script', async (t) => {
  const { app, feed } = await setup(t);
  const { alarm } = feed({ severity: 'critical' });
  const root = await app.inject('/');
  assert.equal(root.statusCode, 302);
  assert.equal(root.headers.location, '/alarms');
  assert.equal((await app.inject('/?wall=1')).headers.location, '/alarms?wall=1');
  for (const url of ['/alarms', `/alarms/${alarm!.id}`, '/fleet', '/nodes/hq-500', '/collectors', '/alarms?state=bogus&page=x']) {
    const page = await app.inject(url);
    assert.equal(page.statusCode, 200, url);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
    assert.doesNotMatch(String(page.headers['content-security-policy']), /script-src[^;]*unsafe-inline/);
    assert.match(page.body, /<nav aria-label="Sections">/);
    for (const tag of page.body.match(/<script[^>]*>/g) ?? []) assert.match(tag, /src="\/assets\/|type="application\/json"/, `${url}: ${tag}`);
  }
  assert.match((await app.inject('/fleet?wall=1')).body, /<body data-role="admin" class="wall">/);
  assert.equal((await app.inject('/alarms/999')).statusCode, 404);
  assert.equal((await app.inject('/alarms/abc')).statusCode, 404);
  assert.match((await app.inject('/nodes/nowhere')).body, /Node nowhere is not in the fleet inventory/);
});

test('alarms list: filters narrow the rows', async (t) => {
  const { app, feed } = await setup(t);
  feed({ severity: 'critical', alarmKey: 'a', text: 'PRI 1 red alarm' });
  feed({ severity: 'warning', alarmKey: 'b', text: 'Voicemail nearly full', category: 'Generic' });
  const rows = async (query: string) => ((await app.inject(`/alarms${query}`)).body.match(/<tr data-alarm-id=/g) ?? []).length;
  assert.equal(await rows(''), 2);
  assert.equal(await rows('?severity=critical'), 1);
  assert.equal(await rows('?category=Generic'), 1);
  assert.equal(await rows('?q=voicemail'), 1);
  assert.equal(await rows('?node=hq-500'), 0);
});

test('acknowledging through the form (authentication off): names the user, records the note, audits, redirects back', async (t) => {
  const { app, feed, store } = await setup(t);
  const { alarm } = feed({ severity: 'major' });
  const nameless = await app.inject({ method: 'POST', url: `/alarms/${alarm!.id}/acknowledge`, ...form({ note: 'x' }) });
  assert.equal(nameless.statusCode, 303);
  assert.equal(nameless.headers.location, `/alarms/${alarm!.id}?error=name`);
  assert.match((await app.inject(nameless.headers.location!)).body, /<p class="error" role="status">Give your name/);
  assert.equal(store.getAlarm(alarm!.id)!.state, 'active');

  for (const headers of [{ 'sec-fetch-site': 'cross-site' }, { origin: 'http://evil.example' }]) {
    const forged = await app.inject({ method: 'POST', url: `/alarms/${alarm!.id}/acknowledge`, payload: form({ user: 'x' }).payload, headers: { ...form({}).headers, ...headers } });
    assert.equal(forged.statusCode, 403, 'another site’s form cannot acknowledge, even with authentication off');
  }
  const done = await app.inject({
    method: 'POST',
    url: `/alarms/${alarm!.id}/acknowledge`,
    payload: form({ user: 'noc-anna', note: 'called the carrier' }).payload,
    headers: { ...form({}).headers, 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80' },
  });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, `/alarms/${alarm!.id}?done=acknowledged`);
  assert.equal(store.getAlarm(alarm!.id)!.acknowledgedBy, 'noc-anna');
  const last = store.alarmTransitions(alarm!.id).at(-1)!;
  assert.deepEqual([last.kind, last.user, last.note], ['acknowledged', 'noc-anna', 'called the carrier']);
  const audit = store.listAudit({ action: 'alarm.acknowledge', limit: 5 });
  assert.deepEqual(audit.map((e) => [e.actor, e.target]), [['noc-anna', `alarm:${alarm!.id}`]]);
  assert.match((await app.inject(done.headers.location!)).body, /<p class="notice" role="status">Acknowledged\.<\/p>/);

  const again = await app.inject({ method: 'POST', url: `/alarms/${alarm!.id}/acknowledge`, ...form({ user: 'noc-bob' }) });
  assert.equal(again.headers.location, `/alarms/${alarm!.id}?error=conflict`);
  assert.match((await app.inject(again.headers.location!)).body, /Nothing changed: the alarm is acknowledged now/);
  assert.doesNotMatch((await app.inject(`/alarms/${alarm!.id}?error=%3Cb%3Eyou%20have%20been%20hacked`)).body, /hacked/, 'no text from the link');
});

test('signed in: a viewer sees no form and cannot acknowledge; an operator acts as themself', async (t) => {
  const sha = (token: string) => createHash('sha256').update(token).digest('hex');
  const auth = authConfigSchema.parse({ tokens: [{ name: 'wall', role: 'viewer', sha256: sha('viewer-token-0123456789') }, { name: 'noc-carl', role: 'operator', sha256: sha('operator-token-0123456789') }] });
  const { app, feed, store } = await setup(t, { auth: { config: auth, publicUrl: 'http://127.0.0.1' } });
  const { alarm } = feed({ severity: 'major' });
  const viewer = { authorization: 'Bearer viewer-token-0123456789' };
  const operator = { authorization: 'Bearer operator-token-0123456789' };

  const page = await app.inject({ url: `/alarms/${alarm!.id}`, headers: viewer });
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /<form class="ack"/);
  const refused = await app.inject({ method: 'POST', url: `/alarms/${alarm!.id}/acknowledge`, payload: form({ note: 'x' }).payload, headers: { ...form({}).headers, ...viewer } });
  assert.equal(refused.statusCode, 403);
  assert.equal(store.getAlarm(alarm!.id)!.state, 'active');

  assert.doesNotMatch((await app.inject({ url: `/alarms/${alarm!.id}`, headers: operator })).body, /name="user"/);
  const done = await app.inject({ method: 'POST', url: `/alarms/${alarm!.id}/acknowledge`, payload: form({ user: 'someone-else', note: 'mine' }).payload, headers: { ...form({}).headers, ...operator } });
  assert.equal(done.statusCode, 303);
  assert.equal(store.getAlarm(alarm!.id)!.acknowledgedBy, 'noc-carl', 'the principal, not the typed name');
});

test('the live stream: alarm changes arrive as events, the client bound holds, and closing the app ends open streams', async (t) => {
  const { app, feed } = await setup(t);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const open = () =>
    new Promise<IncomingMessage>((resolve, reject) => httpRequest({ host: '127.0.0.1', port, path: '/api/v1/stream' }, resolve).on('error', reject).end());
  const first = await open();
  assert.equal(first.headers['content-type'], 'text/event-stream; charset=utf-8');
  let text = '';
  const seen = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      const check = () => (pattern.test(text) ? resolve() : first.once('data', (chunk: Buffer) => ((text += chunk.toString()), check())));
      check();
    });
  await seen(/: connected\n\n/);
  const second = await open();
  second.resume();
  const third = await open();
  assert.equal(third.statusCode, 429, 'the harness allows two streams');
  third.resume();

  const { alarm } = feed({ severity: 'critical' });
  await seen(new RegExp(`event: alarms\\ndata: \\[\\{"id":${alarm!.id},`));
  const ended = new Promise<void>((resolve) => first.once('end', resolve));
  first.resume();
  await app.close();
  await ended;
});
