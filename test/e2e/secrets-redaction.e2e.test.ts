import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { SNMP_TRAP_OID, SYS_UP_TIME } from '../../mibs/standard-oids.js';
import { hashPassword } from '../../src/api/auth/password-hash.js';
import { sha256Hex } from '../../src/api/auth/token-hash.js';
import { oidContent, TAG, v2cMessage, varbind } from '../../collectors/snmp/testdata/build-ber.js';
import { FIXTURE_USER, fixture } from '../../collectors/snmp/testdata/fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { metricValue } from '../helpers/http-json.js';
import { sendUdp } from '../helpers/send-udp.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { writeStackConfig } from '../helpers/stack-config.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Distinctive secrets, one per kind the configuration holds (README "Security"). The v3 keys are the fixture's,
// so the captured authPriv trap authenticates.
const SECRETS = {
  community: 'Qz1Comm-e2e-5ecret',
  authKey: FIXTURE_USER.authKey,
  privKey: FIXTURE_USER.privKey,
  ssaToken: 'Qz4Ssa-e2e-5ecret-token',
  influxPassword: 'Qz5Influx-e2e-5ecret',
  influxUser: 'Qz6InfluxUser-e2e',
  smtpPassword: 'Qz7Smtp-e2e-5ecret',
  userPassword: 'Qz8User-e2e-5ecret',
  apiToken: 'Qz9Api-e2e-5ecret-token-0123456789abcdef',
};
const SMTP_PASSWORD_ENV = 'IPO_E2E_SMTP_PASSWORD';

/** A TCP port on 127.0.0.1 that nothing listens on (bound, read, released): InfluxDB and SMTP are down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Every spelling a secret could leak in: as is, hex (datagram samples), URL-encoded; base64 is decoded below. */
function spellings(secret: string): string[] {
  return [secret, Buffer.from(secret).toString('hex'), encodeURIComponent(secret)];
}

/** The text with every base64 run (raw inputs are stored and shown as base64) decoded and appended. */
function withBase64Decoded(text: string): string {
  const decoded = [...text.matchAll(/[A-Za-z0-9+/]{16,}={0,2}/g)].map((m) => Buffer.from(m[0], 'base64').toString('latin1'));
  return [text, ...decoded].join('\n');
}

function assertNoSecret(where: string, raw: string) {
  const text = withBase64Decoded(raw);
  for (const [name, secret] of Object.entries(SECRETS)) {
    for (const spelling of spellings(secret)) assert.ok(!text.includes(spelling), `${where} shows the ${name} secret (as ${spelling})`);
  }
  // The stored hashes are secrets too: a leaked hash can be attacked offline.
  assert.ok(!text.includes(sha256Hex(SECRETS.apiToken)), `${where} shows the API token's hash`);
  assert.ok(!/scrypt\$\d+\$/.test(text), `${where} shows a password hash`);
}

test('no secret from the configuration reaches the log, the API, the metrics or the pages, whatever the collectors were sent', async (t) => {
  const dir = makeTempDir();
  let stack: StackProcess | null = null;
  t.after(async () => {
    await stack?.stop();
    delete process.env[SMTP_PASSWORD_ENV];
    dir.remove();
  });
  process.env[SMTP_PASSWORD_ENV] = SECRETS.smtpPassword; // the child inherits it
  const [influxPort, smtpPort] = [await closedPort(), await closedPort()];
  const configPath = writeStackConfig(dir.path, {
    collectors: {
      syslog: { udp: { listenAddress: '127.0.0.1', port: 0 } },
      snmp: {
        enabled: true,
        traps: { listenAddress: '127.0.0.1', port: 0 },
        communities: [SECRETS.community],
        users: [{ ...FIXTURE_USER }],
        polling: { enabled: false },
      },
      ssa: { enabled: true, tokens: [SECRETS.ssaToken] },
    },
    nodes: [{ id: 'acme-hq-primary', name: 'HQ Primary', role: 'primary', addresses: ['127.0.0.1'], deviceId: 'IPO0000001', snmp: { communities: [SECRETS.community] } }],
    sections: {
      server: {
        http: { listenAddress: '127.0.0.1', port: 0 },
        auth: {
          users: [{ name: 'anna', role: 'admin', passwordHash: await hashPassword(SECRETS.userPassword, { N: 1024, r: 8, p: 1 }) }],
          tokens: [{ name: 'robot', role: 'admin', sha256: sha256Hex(SECRETS.apiToken) }],
        },
      },
      sinks: { influxdb: { enabled: true, url: `http://127.0.0.1:${influxPort}`, apiVersion: 'v1', database: 'ipo', username: SECRETS.influxUser, password: SECRETS.influxPassword, flushIntervalSeconds: 0.2 } },
      notifiers: {
        email: {
          transport: { kind: 'smtp', host: '127.0.0.1', port: smtpPort, auth: { user: 'ipo-observer', passwordEnv: SMTP_PASSWORD_ENV } },
          from: 'ipo-observer@example.com',
          groupWaitSeconds: 0, // send at once (the default waits 30 s), so the refused connection is logged during the test
          profiles: [{ id: 'noc', name: 'NOC', to: ['noc@example.com'], minSeverity: 'minor' }],
        },
      },
    },
  });
  stack = await startStackProcess(configPath, ['syslog/udp', 'snmp/udp']);
  const auth = { authorization: `Bearer ${SECRETS.apiToken}` };

  // SNMP: a good v2c trap (an alarm, so email and InfluxDB try to send), a wrong community, a truncated datagram
  // that carries the community, and the v3 authPriv fixture.
  const trunkFailure = v2cMessage(SECRETS.community, [
    varbind(SYS_UP_TIME, TAG.timeTicks, Buffer.from([1])),
    varbind(SNMP_TRAP_OID, TAG.oid, oidContent('1.3.6.1.4.1.6889.2.2.1.2.0.50')),
    varbind('1.3.6.1.4.1.6889.2.2.1.2.1.10.0', TAG.octetString, Buffer.from('IPO0000001')),
    varbind('1.3.6.1.4.1.6889.2.2.1.2.1.9.0', TAG.integer, Buffer.from([4])),
  ]);
  const snmpPort = stack.collectorPorts.get('snmp/udp')!;
  await sendUdp(snmpPort, [trunkFailure, v2cMessage('Qz-not-configured', []), trunkFailure.subarray(0, 30), fixture('v3-authpriv-trunk-failure')]);

  // SSA: the right token, a wrong one, and the right token as a query parameter (which is not how it is sent).
  const ssa = (headers: Record<string, string>, query = '') =>
    fetch(`${stack!.httpUrl}/api/v1/ssa/alarms?node=acme-hq-primary&list=service${query}`, { method: 'POST', headers: { 'content-type': 'text/tab-separated-values', ...headers }, body: 'Last Date Of Error\tOccurrences\tError Description\n01/08/2016 16:35:00\t4\tBackup failed: disk full\n' });
  assert.equal((await ssa({ authorization: `Bearer ${SECRETS.ssaToken}` })).status, 200);
  assert.equal((await ssa({ authorization: `Bearer ${SECRETS.ssaToken}x` })).status, 401);
  await ssa({}, `&token=${SECRETS.ssaToken}`);
  // A sign-in with the wrong password, then the right one.
  await fetch(`${stack.httpUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'anna', password: `${SECRETS.userPassword}x` }) });
  await fetch(`${stack.httpUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'anna', password: SECRETS.userPassword }) });

  await eventually(async () => {
    const metrics = await (await fetch(`${stack!.httpUrl}/metrics`, { headers: auth })).text();
    assert.equal(metricValue(metrics, 'ipo_collector_received_total', { collector: 'snmp' }), 4, 'every datagram was handled');
    assert.ok(metricValue(metrics, 'ipo_collector_refused_total', { collector: 'snmp', reason: 'unknown-community' }) >= 1);
    assert.ok(metricValue(metrics, 'ipo_collector_refused_total', { collector: 'snmp', reason: 'truncated' }) >= 1);
  }, { message: 'the SNMP datagrams are counted' });
  await eventually(() => {
    const log = JSON.stringify(stack!.logLines);
    assert.match(log, /snmp input refused/, 'the refusal sample is logged');
    // Their failures, not the start-up lines ("email notifier started" names neither server nor error).
    assert.match(log, /cannot write to InfluxDB/, 'the InfluxDB sink that cannot reach its server has logged');
    assert.match(log, /notifier transport is failing/, 'the email notifier that cannot reach its server has logged');
  }, { message: 'the refusal and sink failures are logged', timeoutMs: 20_000 });

  // Every page and API route that shows configuration, collector state, events or alarms.
  const { alarms } = (await (await fetch(`${stack.httpUrl}/api/v1/alarms`, { headers: auth })).json()) as { alarms: Array<{ id: number }> };
  const routes = [
    '/api/v1/health', '/api/v1/alarms', '/api/v1/events', '/api/v1/events?source=snmp', '/api/v1/events/unmatched', '/api/v1/nodes',
    '/api/v1/nodes/acme-hq-primary/inventory', '/api/v1/nodes/acme-hq-primary/known-issues', '/api/v1/licences', '/api/v1/licences/acme-hq-primary',
    '/api/v1/notifications', '/api/v1/notifications/messages', '/api/v1/qos/calls', '/api/v1/qos/summary', '/api/v1/resiliency', '/api/v1/silences',
    '/api/v1/audit', '/api/v1/session', '/metrics', '/', '/alarms', '/collectors', '/fleet', '/licences', '/calls', '/resiliency', '/login',
    ...alarms.map((a) => `/api/v1/alarms/${a.id}`),
  ];
  let read = 0;
  for (const route of routes) {
    const response = await fetch(`${stack.httpUrl}${route}`, { headers: auth });
    const body = await response.text();
    if (response.status !== 404) read++;
    assertNoSecret(`GET ${route} (${response.status})`, `${JSON.stringify([...response.headers])}\n${body}`);
  }
  assert.ok(read >= 20, `most routes answered (${read} of ${routes.length})`);
  assert.ok(alarms.length >= 1, 'the SNMP and SSA inputs raised alarms, so the routes had data to show');

  await stack.stop();
  assertNoSecret('the log', JSON.stringify(stack.logLines));
});
