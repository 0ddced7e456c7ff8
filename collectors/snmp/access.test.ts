import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FleetIndex } from '../../src/fleet/fleet-index.js';
import { fleetSchema } from '../../src/fleet/fleet-schema.js';
import { agentIdentity, SnmpAccess } from './access.js';
import { AddressWatch } from './address-watch.js';
import { fleetWith } from '../../test/fakes/collector-context.js';
import type { ReceivedPdu } from './received-pdu.js';

const fleet = new FleetIndex(fleetSchema.parse(fleetWith([
  { id: 'hq', name: 'HQ', role: 'primary', addresses: ['192.0.2.10'], deviceId: 'IPO0000001', snmp: { communities: ['hq-secret'], users: ['ipotrap'], engineId: '0x80001f8880c0ffee0001' } },
  { id: 'branch', name: 'Branch', role: 'ip500v2', addresses: ['192.0.2.20'] },
])));
const access = new SnmpAccess(fleet, { communities: ['public'] });
const v2c = (community: string): ReceivedPdu => ({ version: 'v2c', kind: 'trap', community, varbinds: [] });

test('identity: snmpTrapAddress, else the v1 agent address, else the UDP source', () => {
  const trapAddress = { oid: '1.3.6.1.6.3.18.1.3.0', type: 64, value: '198.51.100.7' };
  assert.deepEqual(agentIdentity({ version: 'v2c', kind: 'trap', varbinds: [trapAddress] }, '10.0.0.1'), { address: '198.51.100.7', via: 'snmpTrapAddress' });
  const v1 = { enterprise: '1.3', agentAddr: '192.0.2.10', generic: 6, specific: 1, upTime: 0 };
  assert.deepEqual(agentIdentity({ version: 'v1', kind: 'trap', v1, varbinds: [] }, '10.0.0.1'), { address: '192.0.2.10', via: 'v1-agent-addr' });
  assert.deepEqual(agentIdentity({ version: 'v1', kind: 'trap', v1: { ...v1, agentAddr: '0.0.0.0' }, varbinds: [] }, '10.0.0.1'), { address: '10.0.0.1', via: 'udp-source' });
  assert.deepEqual(agentIdentity({ version: 'v2c', kind: 'trap', varbinds: [] }, '::ffff:10.0.0.1'), { address: '10.0.0.1', via: 'udp-source' });
});

test('nodes are found by address, then device id, then v3 engine id', () => {
  assert.equal(access.resolve('192.0.2.20', null, null)?.by, 'address');
  assert.deepEqual(access.resolve('203.0.113.5', 'IPO0000001', null)?.nodeId, 'hq');
  assert.equal(access.resolve('203.0.113.5', 'IPO0000001', null)?.by, 'device-id');
  assert.equal(access.resolve('203.0.113.5', null, '80001f8880c0ffee0001')?.by, 'engine-id');
  assert.equal(access.resolve('203.0.113.5', null, null), null);
  assert.deepEqual(access.allCommunities().sort(), ['hq-secret', 'public']);
});

test('allowlists: a node with its own communities or users accepts only those; others only the global ones', () => {
  const hq = fleet.node('hq')!.node;
  const branch = fleet.node('branch')!.node;
  assert.deepEqual(access.check(v2c('hq-secret'), hq), { ok: true });
  assert.equal(access.check(v2c('public'), hq).ok, false);
  assert.deepEqual(access.check(v2c('public'), branch), { ok: true });
  const stolen = access.check(v2c('hq-secret'), branch);
  assert.ok(!stolen.ok && stolen.reason === 'community-not-allowed' && !stolen.detail.includes('hq-secret'), 'refused without echoing the community');
  assert.equal(access.check(v2c('hq-secret'), null).ok, false, 'a sender outside the fleet may use only the global communities');
  const v3 = (user: string, engine: string): ReceivedPdu => ({ version: 'v3', kind: 'trap', user, securityEngineId: engine, varbinds: [] });
  assert.deepEqual(access.check(v3('ipotrap', '80001f8880c0ffee0001'), hq), { ok: true });
  assert.equal((access.check(v3('other', '80001f8880c0ffee0001'), hq) as { reason: string }).reason, 'user-not-allowed');
  assert.equal((access.check(v3('ipotrap', '80001f8880aaaaaaaaaa'), hq) as { reason: string }).reason, 'engine-id-not-allowed');
  assert.deepEqual(access.check({ ...v3('ipotrap', 'ours'), kind: 'inform' }, hq), { ok: true }, 'an inform is authenticated with our engine, not the node\'s');
});

test('a node sending from a new address raises one warning; back on a configured address clears it', () => {
  const watch = new AddressWatch();
  const hq = fleet.node('hq')!.node;
  assert.equal(watch.observe('hq', hq, '192.0.2.10', 1), null);
  const moved = watch.observe('hq', hq, '203.0.113.5', 2);
  assert.equal(moved?.severity, 'warning');
  assert.equal(moved?.code, 'snmp.node-address-changed');
  assert.equal(moved?.raisesAlarm, true);
  assert.equal(watch.observe('hq', hq, '203.0.113.5', 3), null, 'once per new address');
  assert.equal(watch.observe('hq', hq, '192.0.2.10', 4)?.severity, 'cleared');
});
