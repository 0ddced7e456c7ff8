import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { eventually } from '../../test/helpers/eventually.js';
import { sendUdp } from '../../test/helpers/send-udp.js';
import { snmpConfigSchema } from './config.js';
import { createFakeContext, fleetWith } from '../../test/fakes/collector-context.js';
import { createSnmpCollector } from './index.js';

const run = promisify(execFile);
const B = '1.3.6.1.4.1.6889.2.2.1.2.1';
const TRUNK_FAILURE = '1.3.6.1.4.1.6889.2.2.1.2.0.50';
const QOS = '1.3.6.1.4.1.6889.2.2.1.2.0.36';
const TRUNK_VBS = [`${B}.9`, 'i', '4', `${B}.10`, 's', 'IPO0000001', '1.3.6.1.2.1.1.1.0', 's', 'IP Office IP500 V2', `${B}.24`, 'i', '20', `${B}.25`, 's', 'Trunk Slot B, T1 PRI 2', `${B}.26`, 's', 'Red alarm'];
const QOS_VBS = [`${B}.9`, 'i', '6', `${B}.10`, 's', 'IPO0000001', `${B}.13`, 'u', '45', `${B}.14`, 'u', '420', `${B}.15`, 'u', '3', `${B}.16`, 'u', '12345', `${B}.17`, 'i', '2', `${B}.18`, 'u', '7', `${B}.19`, 'u', '201'];
const ENGINE = '0x80001f8880c0ffee0001';
const V3 = (user: string, auth: string, authKey: string, priv: string, privKey: string) => ['-u', user, '-l', 'authPriv', '-a', auth, '-A', authKey, '-x', priv, '-X', privKey];

async function startCollector(t: import('node:test').TestContext) {
  const fake = createFakeContext({ fleet: fleetWith([{ id: 'hq', name: 'HQ', role: 'ip500v2', addresses: ['127.0.0.1'], deviceId: 'IPO0000001' }]) });
  const config = snmpConfigSchema.parse({
    enabled: true,
    traps: { listenAddress: '127.0.0.1', port: 0 },
    communities: ['public'],
    users: [
      { name: 'ipotrap', authProtocol: 'sha', authKey: 'authpass123', privProtocol: 'aes', privKey: 'privpass123' },
      { name: 'ipo256', authProtocol: 'sha256', authKey: 'authpass256', privProtocol: 'aes', privKey: 'privpass256' },
      { name: 'ipodes', authProtocol: 'md5', authKey: 'authpassmd5', privProtocol: 'des', privKey: 'privpassdes' },
      { name: 'ipoauth', level: 'authNoPriv', authProtocol: 'sha512', authKey: 'authpass512' },
    ],
    polling: { enabled: false },
  });
  const collector = createSnmpCollector(config, fake.ctx);
  t.after(() => collector.stop());
  await collector.start();
  const port = collector.endpoints()[0]!.port!;
  return { fake, collector, target: `127.0.0.1:${port}`, port };
}

// -t: how long snmpinform waits for our answer (discovery, acknowledgement, report); generous for a busy machine,
// and never waited out: every request here is answered.
const snmp = (tool: 'snmptrap' | 'snmpinform', args: string[]) => run(tool, ['-m', '', '-t', '10', '-r', '0', ...args], { timeout: 30_000 });

test('Debian snmptrap and snmpinform, v1, v2c and v3, become IP Office events; informs are acknowledged', async (t) => {
  const { fake, target } = await startCollector(t);
  await snmp('snmptrap', ['-v', '1', '-c', 'public', target, '1.3.6.1.4.1.6889.2.2.1.2', '127.0.0.1', '6', '50', '', ...TRUNK_VBS]);
  await snmp('snmptrap', ['-v', '2c', '-c', 'public', target, '', TRUNK_FAILURE, ...TRUNK_VBS]);
  await snmp('snmptrap', ['-v', '3', '-e', ENGINE, ...V3('ipotrap', 'SHA', 'authpass123', 'AES', 'privpass123'), target, '', QOS, ...QOS_VBS]);
  await snmp('snmptrap', ['-v', '3', '-e', ENGINE, ...V3('ipo256', 'SHA-256', 'authpass256', 'AES', 'privpass256'), target, '', QOS, ...QOS_VBS]);
  await snmp('snmptrap', ['-v', '3', '-e', ENGINE, '-u', 'ipoauth', '-l', 'authNoPriv', '-a', 'SHA-512', '-A', 'authpass512', target, '', QOS, ...QOS_VBS]);
  // snmpinform exits non-zero unless our acknowledgement arrives.
  await snmp('snmpinform', ['-v', '2c', '-c', 'public', target, '', TRUNK_FAILURE, ...TRUNK_VBS]);
  await snmp('snmpinform', ['-v', '3', ...V3('ipotrap', 'SHA', 'authpass123', 'AES', 'privpass123'), target, '', QOS, ...QOS_VBS]);

  await eventually(() => assert.equal(fake.events.length, 7), { message: 'seven events' });
  assert.deepEqual(fake.events.map((e) => [e.attributes['snmpVersion'], e.attributes['pduKind'], e.code, e.nodeId]), [
    ['v1', 'trap', 'snmp.ipo.trunk', 'hq'],
    ['v2c', 'trap', 'snmp.ipo.trunk', 'hq'],
    ['v3', 'trap', 'snmp.ipo.qos', 'hq'],
    ['v3', 'trap', 'snmp.ipo.qos', 'hq'],
    ['v3', 'trap', 'snmp.ipo.qos', 'hq'],
    ['v2c', 'inform', 'snmp.ipo.trunk', 'hq'],
    ['v3', 'inform', 'snmp.ipo.qos', 'hq'],
  ]);
  const [v1, , qos] = fake.events;
  assert.equal(v1!.attributes['trapOid'], TRUNK_FAILURE, 'v1 enterprise 6889.2.2.1.2 specific 50 is the v2 …2.0.50');
  assert.equal(v1!.attributes['identityVia'], 'v1-agent-addr');
  assert.deepEqual(v1!.entity, { kind: 'trunk', id: 'trunk-slot-b-t1-pri-2', name: 'Trunk Slot B, T1 PRI 2' });
  assert.deepEqual([qos!.attributes['jitterMs'], qos!.attributes['roundTripMs'], qos!.attributes['packetLoss'], qos!.attributes['extension']], [45, 420, 3, 201]);
  assert.deepEqual(fake.counters.refused, {});
});

test('wrong communities, unknown users and wrong v3 keys are refused and counted; garbage too', async (t) => {
  const { fake, target, port } = await startCollector(t);
  await snmp('snmptrap', ['-v', '2c', '-c', 'not-public', target, '', TRUNK_FAILURE, ...TRUNK_VBS]);
  await snmp('snmptrap', ['-v', '3', '-e', ENGINE, ...V3('ipotrap', 'SHA', 'wrongpass123', 'AES', 'privpass123'), target, '', QOS, ...QOS_VBS]);
  await snmp('snmptrap', ['-v', '3', '-e', ENGINE, ...V3('ipotrap', 'SHA', 'authpass123', 'AES', 'wrongpriv123'), target, '', QOS, ...QOS_VBS]);
  await snmp('snmptrap', ['-v', '3', '-e', ENGINE, ...V3('nobody', 'SHA', 'authpass123', 'AES', 'privpass123'), target, '', QOS, ...QOS_VBS]);
  await assert.rejects(snmp('snmpinform', ['-v', '3', ...V3('nobody', 'SHA', 'authpass123', 'AES', 'privpass123'), target, '', QOS, ...QOS_VBS]), /Unknown user name/);
  await sendUdp(port, [Buffer.from('not snmp at all'), Buffer.from('3082ffff020101', 'hex')]);
  await eventually(() =>
    assert.deepEqual(fake.counters.refused, { 'unknown-community': 1, 'wrong-auth': 1, 'wrong-priv': 1, 'unknown-user': 2, malformed: 1, truncated: 1 }),
  );
  assert.equal(fake.events.length, 0);
  assert.equal(fake.counters.received, 8, 'the v3 inform also sent an engine discovery request first');
});

test('v3 DES privacy works only where the runtime allows it (Node 20 with OpenSSL 3 needs --openssl-legacy-provider)', async (t) => {
  const { fake, target } = await startCollector(t);
  await snmp('snmptrap', ['-v', '3', '-e', ENGINE, ...V3('ipodes', 'MD5', 'authpassmd5', 'DES', 'privpassdes'), target, '', QOS, ...QOS_VBS]);
  await eventually(() => assert.equal(fake.counters.received, 1));
  const legacy = process.execArgv.includes('--openssl-legacy-provider') || (process.env['NODE_OPTIONS'] ?? '').includes('--openssl-legacy-provider');
  if (legacy) assert.equal(fake.events.length, 1);
  else assert.deepEqual(fake.counters.refused, { 'priv-unsupported': 1 });
});
