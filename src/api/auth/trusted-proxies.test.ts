import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText } from '../../config/load.js';
import { CodedError } from '../../errors.js';
import { authApp, PASSWORD, TOKEN } from '../../../test/fakes/auth-app.js';

const PROXY = '10.0.0.5';
const OTHER_PEER = '10.0.0.9';
const bearer = { authorization: `Bearer ${TOKEN('grafana')}` };

/** GET /api/v1/alarms from `peer` (the socket's address), optionally through a proxy header naming `client`. */
function alarmsFrom(app: Awaited<ReturnType<typeof authApp>>['app'], peer: string, client?: string) {
  return app.inject({ method: 'GET', url: '/api/v1/alarms', remoteAddress: peer, headers: { ...bearer, ...(client && { 'x-forwarded-for': client }) } });
}

test('without trusted proxies X-Forwarded-For is ignored: a client cannot pick the address its rate limit is kept under', async (t) => {
  const { app } = await authApp(t, { tokens: [{ name: 'grafana', role: 'viewer' }], rateLimits: { requestsPerMinute: 3 } });
  for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) assert.equal((await alarmsFrom(app, PROXY, client)).statusCode, 200);
  const fourth = await alarmsFrom(app, PROXY, '203.0.113.4');
  assert.equal(fourth.statusCode, 429, 'a new forwarded address does not buy a new budget');
  assert.match(fourth.json().error.message, /from 10\.0\.0\.5;/);
});

test('behind a trusted proxy each forwarded client has its own rate limit; an untrusted peer is still judged by its own address', async (t) => {
  const { app } = await authApp(t, { tokens: [{ name: 'grafana', role: 'viewer' }], rateLimits: { requestsPerMinute: 2 }, trustedProxies: ['10.0.0.0/30', '10.0.0.4/31'] });
  assert.equal((await alarmsFrom(app, PROXY, '203.0.113.1')).statusCode, 200);
  assert.equal((await alarmsFrom(app, PROXY, '203.0.113.1')).statusCode, 200);
  const limited = await alarmsFrom(app, PROXY, '203.0.113.1');
  assert.equal(limited.statusCode, 429);
  assert.match(limited.json().error.message, /from 203\.0\.113\.1;/);
  assert.equal((await alarmsFrom(app, PROXY, '203.0.113.2')).statusCode, 200, 'another client behind the same proxy is not limited');
  // 10.0.0.9 is not a configured proxy: what it forwards is not believed, so its budget is its own address's.
  assert.equal((await alarmsFrom(app, OTHER_PEER, '203.0.113.50')).statusCode, 200);
  assert.equal((await alarmsFrom(app, OTHER_PEER, '203.0.113.51')).statusCode, 200);
  assert.equal((await alarmsFrom(app, OTHER_PEER, '203.0.113.52')).statusCode, 429);
});

test('the audit log records the forwarded client of a trusted proxy, not the proxy', async (t) => {
  const { app, store } = await authApp(t, { users: [{ name: 'anna', role: 'admin' }], trustedProxies: [PROXY] });
  const login = await app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: PROXY,
    payload: `name=anna&password=${PASSWORD('anna')}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '198.51.100.7' },
  });
  assert.equal(login.statusCode, 303);
  const entries = store.listAudit({ action: 'login.success', limit: 10 });
  assert.deepEqual(entries.map((entry) => entry.remoteAddress), ['198.51.100.7']);
});

test('server.http.trustedProxies takes addresses and CIDR blocks; anything else is a located config error', () => {
  const config = parseConfigText('server:\n  http:\n    trustedProxies: [10.0.0.5, "2001:db8::/32"]\n', 'ipo.yaml');
  assert.deepEqual(config.server.http.trustedProxies, ['10.0.0.5', '2001:db8::/32']);
  assert.deepEqual(parseConfigText('', 'ipo.yaml').server.http.trustedProxies, []);
  assert.throws(
    () => parseConfigText('server:\n  http:\n    trustedProxies: [proxy.example.com]\n', 'ipo.yaml'),
    (error) => error instanceof CodedError && /ipo\.yaml:3:\d+ server\.http\.trustedProxies\[0\]: expected an IPv4\/IPv6 address or CIDR block/.test(error.message),
  );
});
