import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { test } from 'node:test';
import { catalogueEntries } from '../../mibs/catalogue.js';
import { builtInOidNames } from '../../mibs/oid-names.js';
import { createSnmpCodec } from '../../collectors/snmp/codec.js';
import { mapNotification } from '../../collectors/snmp/map.js';
import { toNotification } from '../../collectors/snmp/notification.js';
import { generateFleet } from '../fleet/generate.js';
import { sampleValues } from '../scenarios/trap-samples.js';
import { snmpUserSchema } from '../../collectors/snmp/config.js';
import { SnmpSender, type TrapVersion } from './snmp-sender.js';
import { engineIdOf, v3UserConfig, type SimV3User } from './snmp-v3-user.js';

const node = generateFleet(1).nodes.find((n) => n.role === 'ip500v2')!;

/** Sends each notification from the node's own loopback address to a socket on 127.0.0.1:0; what arrived. */
async function send(names: string[], version: TrapVersion, v3User: SimV3User | null = null) {
  const receiver = createSocket('udp4');
  const received: Array<{ bytes: Buffer; address: string }> = [];
  receiver.on('message', (bytes, rinfo) => received.push({ bytes, address: rinfo.address }));
  receiver.bind(0, '127.0.0.1');
  await once(receiver, 'listening');
  const sender = new SnmpSender({ host: '127.0.0.1', port: receiver.address().port, community: 'public', v3User });
  try {
    for (const name of names) {
      const entry = catalogueEntries().find((e) => e.name === name)!;
      await sender.send(node.address, name, { deviceId: node.deviceId, sysDescr: 'IP Office IP500 V2 11.1', ...sampleValues(entry, node) }, { version });
    }
    while (received.length < names.length) await once(receiver, 'message');
  } finally {
    sender.close();
    receiver.close();
  }
  return received;
}

function codecFor(v3User: SimV3User | null) {
  return createSnmpCodec({ communities: ['public'], users: v3User ? [snmpUserSchema.parse(v3UserConfig(v3User))] : [], engineId: null });
}

/** Sends and decodes each as the collector does (codec, notification, mapper). */
async function sendAndDecode(names: string[], version: TrapVersion, v3User: SimV3User | null = null) {
  const codec = codecFor(v3User);
  return (await send(names, version, v3User)).map(({ bytes, address }) => {
    const decoded = codec.decode(bytes, { address, port: 1 });
    assert.equal(decoded.ok, true, JSON.stringify(decoded));
    if (decoded.ok !== true) throw new Error('not decoded');
    const notification = toNotification(decoded.pdu);
    if (!notification.ok) throw new Error(notification.detail);
    const event = mapNotification(notification.notification, { receivedAt: 0, sourceAddress: address, udpSource: address, identityVia: 'udp-source', nodeId: node.id, version: decoded.pdu.version, kind: decoded.pdu.kind, names: builtInOidNames(), raw: bytes });
    return { address, event, pdu: decoded.pdu };
  });
}

test('every notification of the catalogue goes out as a v2c trap the collector decodes and names, from the system\'s own address', async () => {
  const entries = catalogueEntries();
  const decoded = await sendAndDecode(entries.map((e) => e.name), 'v2c');
  assert.equal(decoded.length, entries.length);
  for (const [i, { address, event }] of decoded.entries()) {
    const entry = entries[i]!;
    assert.equal(address, node.address);
    assert.equal(event.attributes['notification'], entry.name);
    assert.notEqual(event.code, 'snmp.trap', `${entry.name} is known to the collector`);
    if (entry.varbinds.includes('ipoGTEventDevID')) assert.equal(event.attributes['deviceId'], node.deviceId);
  }
  const failure = decoded.find(({ event }) => event.attributes['notification'] === 'ipoGenTrunkFailureSvcEvent')!.event;
  assert.equal(failure.code, 'snmp.ipo.trunk');
  assert.equal(failure.raisesAlarm, true);
  assert.equal(failure.entity?.name, 'Controller, Slot 3, PRI-U, T1 PRI 2');
  const operational = decoded.find(({ event }) => event.attributes['notification'] === 'ipoGenTrunkOperationalSvcEvent')!.event;
  assert.equal(operational.severity, 'cleared');
  assert.deepEqual(operational.entity, failure.entity, 'the Operational clears the Failure: same entity');
});

test('v1 traps carry the IPO-MIB enterprise and notification number and map to the same notification', async () => {
  const [decoded] = await sendAndDecode(['ipoGenEntityFailureSvcEvent'], 'v1');
  const event = decoded!.event;
  assert.equal(event.attributes['notification'], 'ipoGenEntityFailureSvcEvent');
  assert.equal(event.code, 'snmp.ipo.entity');
  assert.deepEqual(event.entity, { kind: 'card', id: '6', name: 'Controller, Slot 2, VCM64' });
});

test('v3 traps are authPriv (SHA/AES) as the user, with the system\'s own engine id; the collector decodes them only with the same keys', async () => {
  const user: SimV3User = { name: 'ipo-sim', authProtocol: 'sha', authKey: 'auth-key-0123', privProtocol: 'aes', privKey: 'priv-key-4567' };
  const [decoded] = await sendAndDecode(['ipoGenTrunkFailureSvcEvent'], 'v3', user);
  assert.equal(decoded!.event.code, 'snmp.ipo.trunk');
  assert.equal(decoded!.address, node.address);
  assert.deepEqual([decoded!.pdu.version, decoded!.pdu.user], ['v3', 'ipo-sim']);
  assert.equal(String(decoded!.pdu.securityEngineId).replace(/^0x/, '').toLowerCase(), engineIdOf(node.deviceId).toString('hex'));
  const [other] = await send(['ipoGenTrunkFailureSvcEvent'], 'v3', user);
  const refused = codecFor({ ...user, privKey: 'another-priv-key' }).decode(other!.bytes, { address: other!.address, port: 1 });
  assert.deepEqual([refused.ok, 'reason' in refused ? refused.reason : null], [false, 'wrong-priv']);
});
