import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { pino } from 'pino';
import { builtInOidNames } from '../../mibs/oid-names.js';
import { SnmpAccess } from './access.js';
import { AddressWatch } from './address-watch.js';
import { createSnmpCodec } from './codec.js';
import { createFakeContext, fleetWith } from '../../test/fakes/collector-context.js';
import { createTrapHandler } from './trap-handler.js';
import { FIXTURE_USER, fixture } from './testdata/fixtures.js';

function setup(nodeSnmp?: unknown) {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
  const fake = createFakeContext({ log, fleet: fleetWith([{ id: 'hq', name: 'HQ', role: 'primary', addresses: ['192.0.2.10'], deviceId: 'IPO0000001', ...(nodeSnmp !== undefined && { snmp: nodeSnmp }) }]) });
  const access = new SnmpAccess(fake.ctx.fleet, { communities: ['public'] });
  const codec = createSnmpCodec({ communities: access.allCommunities(), users: [FIXTURE_USER], engineId: null });
  const handle = createTrapHandler({ codec, access, addressWatch: new AddressWatch(), names: builtInOidNames }, fake.ctx);
  const replies: Buffer[] = [];
  const send = (name: Parameters<typeof fixture>[0], address = '192.0.2.10') => handle(fixture(name), { address, port: 40000 }, (bytes) => replies.push(bytes));
  return { fake, send, replies, lines };
}

test('v1, v2c and v3 traps become events on the node, found by address, v1 agent address or device id', () => {
  const { fake, send } = setup();
  send('v2c-trunk-failure');
  send('v1-trunk-failure', '127.0.0.5');
  send('v3-authpriv-trunk-failure');
  assert.equal(fake.counters.received, 3);
  assert.deepEqual(fake.counters.refused, {});
  assert.deepEqual(fake.events.map((e) => [e.nodeId, e.code, e.sourceAddress, e.attributes['identityVia'], e.attributes['snmpVersion']]), [
    ['hq', 'snmp.ipo.trunk', '192.0.2.10', 'udp-source', 'v2c'],
    ['hq', 'snmp.ipo.trunk', '192.0.2.10', 'v1-agent-addr', 'v1'],
    ['hq', 'snmp.ipo.trunk', '192.0.2.10', 'udp-source', 'v3'],
  ]);
  assert.equal(fake.events[2]!.attributes['v3User'], 'ipotrap');
  for (const event of fake.events.slice(0, 2)) {
    const raw = Buffer.from(event.raw.data, 'base64');
    assert.ok(!raw.includes('public'), 'the community is masked in the stored datagram');
    assert.ok(raw.includes('******'), 'with as many stars');
  }
});

test('a node found by its device id from a new address gets a warning, then the event', () => {
  const { fake, send } = setup();
  send('v2c-trunk-failure', '203.0.113.9');
  assert.deepEqual(fake.events.map((e) => [e.code, e.severity, e.nodeId]), [['snmp.node-address-changed', 'warning', 'hq'], ['snmp.ipo.trunk', 'major', 'hq']]);
});

test('an inform is acknowledged only when the pipeline took its event', () => {
  const { fake, send, replies } = setup();
  send('v2c-inform-trunk-failure');
  assert.equal(replies.length, 1);
  fake.emitResult = 'queue-full';
  send('v2c-inform-trunk-failure');
  assert.equal(replies.length, 1, 'no acknowledgement: the sender will retry');
  assert.equal(fake.counters.dropped['queue-full'], 1);
});

test('communities a node may not use are refused and counted; the log sample never shows a community', () => {
  const { fake, send, lines } = setup({ communities: ['hq-secret'] });
  send('v2c-trunk-failure');
  send('v2c-trunk-failure');
  assert.deepEqual(fake.counters.refused, { 'community-not-allowed': 2 });
  assert.equal(fake.events.length, 0);
  assert.equal(lines.length, 1, 'one log line per reason per 10 s');
  assert.match(lines[0]!, /community-not-allowed/);
  assert.doesNotMatch(lines.join(''), /public|hq-secret/);
});

test('garbage and truncated datagrams are refused by reason; the handler never throws', () => {
  const { fake, send } = setup();
  const handle = (bytes: Buffer) => createTrapHandler({ codec: createSnmpCodec({ communities: ['public'], users: [], engineId: null }), access: new SnmpAccess(undefined, { communities: ['public'] }), addressWatch: new AddressWatch(), names: builtInOidNames }, fake.ctx)(bytes, { address: '192.0.2.99', port: 1 }, () => undefined);
  handle(Buffer.from('hello, not snmp'));
  handle(fixture('v2c-trunk-failure').subarray(0, 40));
  handle(Buffer.alloc(0));
  send('v2c-trunk-failure');
  assert.deepEqual(fake.counters.refused, { malformed: 1, truncated: 2 });
  assert.equal(fake.events.length, 1);
});

test('regression (fuzz): the refusal log sample never shows a community, as text or hex, even in a truncated or broken datagram', () => {
  const { send, lines } = setup({ communities: ['hq-secret'] });
  const hex = (text: string) => Buffer.from(text).toString('hex');
  send('v2c-trunk-failure'); // community-not-allowed: well-formed, the community is where the BER says
  const { fake, lines: more } = setup();
  const handle = createTrapHandler({ codec: createSnmpCodec({ communities: ['public'], users: [], engineId: null }), access: new SnmpAccess(undefined, { communities: ['public'] }), addressWatch: new AddressWatch(), names: builtInOidNames }, fake.ctx);
  // Found by collectors/snmp/trap-handler.fuzz.test.ts: the outer length lies (truncated), so the old mask skipped it.
  const truncated = fixture('v2c-trunk-failure').subarray(0, 30);
  handle(truncated, { address: '192.0.2.99', port: 1 }, () => undefined);
  // The community's tag broken (0x04 → 0x05): only the configured-community scan finds it.
  const retagged = Buffer.from(fixture('v2c-trunk-failure'));
  retagged[7] = 0x05;
  handle(retagged, { address: '192.0.2.99', port: 1 }, () => undefined);
  assert.equal(Object.values(fake.counters.refused).reduce((a, b) => a + b, 0), 2);
  const log = [...lines, ...more].join('');
  assert.match(log, /"sample":"[0-9a-f]+"/);
  assert.doesNotMatch(log, new RegExp(`${hex('public')}|${hex('hq-secret')}|public|hq-secret`));
});
