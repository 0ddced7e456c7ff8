import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtInOidNames } from '../../mibs/oid-names.js';
import { mapNotification, type TrapReceipt } from './map.js';
import type { Notification } from './notification.js';
import type { RawVarbind } from './received-pdu.js';

const O = '1.3.6.1.4.1.6889.2.2.1.2.1';
const E = '1.3.6.1.4.1.6889.2.2.1.2.0';
const int = (n: number, value: number): RawVarbind => ({ oid: `${O}.${n}`, type: 2, value });
const uns = (n: number, value: number): RawVarbind => ({ oid: `${O}.${n}`, type: 66, value });
const str = (n: number, value: string): RawVarbind => ({ oid: `${O}.${n}.0`, type: 4, value: Buffer.from(value) });
const std = (severity: number): RawVarbind[] => [int(9, severity), str(10, 'IPO0000001'), { oid: '1.3.6.1.2.1.1.1.0', type: 4, value: Buffer.from('IP Office 11.1') }];

const receipt: TrapReceipt = {
  receivedAt: Date.UTC(2026, 10, 21, 4, 20),
  sourceAddress: '192.0.2.10',
  udpSource: '192.0.2.10',
  identityVia: 'udp-source',
  nodeId: 'acme-hq',
  version: 'v2c',
  kind: 'trap',
  names: builtInOidNames(),
  raw: Buffer.from([0x30, 0x00]),
};
const map = (n: number, varbinds: RawVarbind[], trapOid = `${E}.${n}`) => mapNotification({ trapOid, upTime: 12345, varbinds } satisfies Notification, receipt);

const TRUNK = [int(24, 20), str(25, 'Trunk Slot B, T1 PRI 2'), str(26, 'Red alarm on T1 PRI 2'), str(27, 'Check the line')];

test('a Trunk Failure raises an alarm; its Operational has the same code, entity and key and clears it', () => {
  const failure = map(50, [...std(4), ...TRUNK]);
  assert.equal(failure.code, 'snmp.ipo.trunk');
  assert.equal(failure.severity, 'major');
  assert.equal(failure.raisesAlarm, true);
  assert.equal(failure.category, 'Trunk lines');
  assert.deepEqual(failure.entity, { kind: 'trunk', id: 'trunk-slot-b-t1-pri-2', name: 'Trunk Slot B, T1 PRI 2' });
  assert.equal(failure.alarmKey, 'trunkRedAlarm');
  assert.equal(failure.text, 'Trunk failure (Trunk Slot B, T1 PRI 2): Red alarm on T1 PRI 2');
  assert.equal(failure.source, 'snmp');
  assert.equal(failure.nodeId, 'acme-hq');
  assert.deepEqual(
    { reason: failure.attributes['reason'], reasonCode: failure.attributes['reasonCode'], data: failure.attributes['data'], remedialAction: failure.attributes['remedialAction'], deviceId: failure.attributes['deviceId'], deviceSeverity: failure.attributes['deviceSeverity'], notification: failure.attributes['notification'], sysDescr: failure.attributes['sysDescr'] },
    { reason: 'trunkRedAlarm', reasonCode: 20, data: 'Trunk Slot B, T1 PRI 2', remedialAction: 'Check the line', deviceId: 'IPO0000001', deviceSeverity: 'major', notification: 'ipoGenTrunkFailureSvcEvent', sysDescr: 'IP Office 11.1' },
  );
  assert.equal(failure.raw.encoding, 'base64');

  const operational = map(51, [...std(1), int(24, 20), str(25, 'Trunk Slot B, T1 PRI 2')]);
  assert.equal(operational.code, failure.code);
  assert.deepEqual(operational.entity, failure.entity);
  assert.equal(operational.alarmKey, failure.alarmKey);
  assert.equal(operational.severity, 'cleared');
  assert.equal(operational.attributes['notification'], 'ipoGenTrunkOperationalSvcEvent');
});

test('Error is a transient problem under its own code; Change is an info state change', () => {
  const error = map(52, [...std(6), ...TRUNK]);
  assert.equal(error.code, 'snmp.ipo.trunk.error');
  assert.equal(error.severity, 'warning');
  assert.equal(error.raisesAlarm, true);
  const change = map(53, [...std(4), ...TRUNK]);
  assert.equal(change.code, 'snmp.ipo.trunk.change');
  assert.equal(change.severity, 'info');
  assert.equal(change.raisesAlarm, false);
  assert.equal(change.attributes['deviceSeverity'], 'major');
});

test('Entity Failure names the port from the entity varbinds; the category follows the entity name', () => {
  const failure = map(20, [...std(4), uns(3, 12), str(11, 'Controller, Trunk Slot B, Trunk Module, T1 PRI 2')]);
  assert.equal(failure.code, 'snmp.ipo.entity');
  assert.deepEqual(failure.entity, { kind: 'port', id: '12', name: 'Controller, Trunk Slot B, Trunk Module, T1 PRI 2' });
  assert.equal(failure.category, 'Trunk lines');
  assert.equal(failure.attributes['entityIndex'], 12);
  const vcm = map(20, [...std(3), uns(3, 4), str(11, 'Controller, Slot 2, VCM64')]);
  assert.deepEqual(vcm.entity, { kind: 'card', id: '4', name: 'Controller, Slot 2, VCM64' });
  assert.equal(vcm.category, 'VCM');
  assert.equal(vcm.severity, 'critical');
  const operational = map(21, [...std(1), uns(3, 12), str(11, 'Controller, Trunk Slot B, Trunk Module, T1 PRI 2')]);
  assert.deepEqual(operational.entity, failure.entity);
  assert.equal(operational.code, failure.code);
});

test('QoS becomes a warning alarm on the extension with the measures as typed attributes', () => {
  const qos = map(36, [...std(6), uns(13, 45), uns(14, 420), uns(15, 3), uns(16, 12345), int(17, 2), uns(18, 7), uns(19, 201)]);
  assert.equal(qos.code, 'snmp.ipo.qos');
  assert.equal(qos.category, 'QoS');
  assert.equal(qos.severity, 'warning');
  assert.deepEqual(qos.entity, { kind: 'extension', id: '201', name: 'Extension 201' });
  assert.deepEqual(
    ['jitterMs', 'roundTripMs', 'packetLoss', 'callId', 'deviceType', 'qosDeviceId', 'extension'].map((key) => qos.attributes[key]),
    [45, 420, 3, 12345, 'extn', 7, 201],
  );
  assert.match(qos.text, /Extension 201: jitter 45 ms, round trip 420 ms, packet loss 3/);
  const line = map(36, [...std(6), uns(13, 30), int(17, 1), uns(18, 9)]);
  assert.deepEqual(line.entity, { kind: 'trunk', id: 'line-9', name: 'Line 9' });
});

test('cleared(1) on any notification clears; storageOkay clears storageFull of the same application', () => {
  const full = map(31, [...std(3), int(5, 1), int(6, 1), str(26, 'Voicemail storage full')]);
  const okay = map(31, [...std(1), int(5, 1), int(6, 3)]);
  assert.equal(full.code, okay.code);
  assert.equal(full.alarmKey, 'storage');
  assert.equal(okay.alarmKey, 'storage');
  assert.deepEqual(full.entity, { kind: 'application', id: 'voice-mail', name: 'voiceMail' });
  assert.equal(full.severity, 'critical');
  assert.equal(okay.severity, 'cleared');
});

test('unknown enum values and unknown notifications are kept as data', () => {
  const odd = map(50, [...std(9), int(24, 200), str(25, 'x'), { oid: '1.3.6.1.4.1.9999.1.2.0', type: 2, value: 7 }]);
  assert.equal(odd.attributes['reason'], 'unknown(200)');
  assert.equal(odd.attributes['reasonCode'], 200);
  assert.equal(odd.attributes['deviceSeverity'], 'unknown(9)');
  assert.equal(odd.severity, 'major', 'an unknown severity falls back to the default');
  assert.equal(odd.attributes['1.3.6.1.4.1.9999.1.2.0'], 7);
  const unknown = map(0, [{ oid: '1.3.6.1.4.1.9999.5', type: 4, value: Buffer.from('hello') }], '1.3.6.1.4.1.9999.0.1');
  assert.equal(unknown.code, 'snmp.trap');
  assert.equal(unknown.severity, 'info');
  assert.equal(unknown.raisesAlarm, false);
  assert.equal(unknown.attributes['1.3.6.1.4.1.9999.5'], 'hello');
  assert.equal(unknown.text, 'SNMP notification 1.3.6.1.4.1.9999.0.1');
});

test('the device date with a UTC offset becomes occurredAt; without one it is kept as written', () => {
  const withZone = map(50, [...std(4), { oid: `${O}.2`, type: 4, value: Buffer.from('07ea0b1504130000' + '2b0100', 'hex') }]);
  assert.equal(withZone.occurredAt, Date.UTC(2026, 10, 21, 3, 19, 0));
  assert.equal(withZone.attributes['deviceDateTime'], '2026-11-21T04:19:00.0+01:00');
  const local = map(50, [...std(4), { oid: `${O}.2`, type: 4, value: Buffer.from('07ea0b1504130000', 'hex') }]);
  assert.equal(local.occurredAt, undefined);
  assert.equal(local.attributes['deviceDateTime'], '2026-11-21T04:19:00.0');
});

test('generic traps: linkDown raises on the port, linkUp clears it; coldStart is a notification', () => {
  const down = map(0, [{ oid: '1.3.6.1.2.1.2.2.1.1.3', type: 2, value: 3 }], '1.3.6.1.6.3.1.1.5.3');
  const up = map(0, [{ oid: '1.3.6.1.2.1.2.2.1.1.3', type: 2, value: 3 }], '1.3.6.1.6.3.1.1.5.4');
  assert.equal(down.code, 'snmp.if-link');
  assert.deepEqual(down.entity, { kind: 'port', id: 'if3', name: 'ifIndex 3' });
  assert.equal(up.code, down.code);
  assert.equal(up.severity, 'cleared');
  const cold = map(0, [], '1.3.6.1.6.3.1.1.5.1');
  assert.equal(cold.raisesAlarm, false);
  assert.equal(cold.code, 'snmp.restart');
});

test('phone change: an info event on the extension, phone type by name', () => {
  const P = '1.3.6.1.4.1.6889.2.2.1.1.1.1.1.2.1';
  const change = map(0, [...std(5), { oid: `${P}.2.0`, type: 2, value: 201 }, { oid: `${P}.6.0`, type: 2, value: 111 }, { oid: `${P}.7.0`, type: 66, value: 3 }], '1.3.6.1.4.1.6889.2.2.1.1.1.0.2');
  assert.equal(change.code, 'snmp.ipo.phone-change.change');
  assert.equal(change.category, 'Phone change');
  assert.deepEqual(change.entity, { kind: 'extension', id: '201' });
  assert.equal(change.attributes['phoneType'], 'a9611ip');
  assert.equal(change.severity, 'info');
});

test('regression (fuzz): thousands of repeats of one varbind are all kept, numbered #2, #3 … (once quadratic: 5000 took seconds)', () => {
  const repeats: RawVarbind[] = Array.from({ length: 5000 }, (_, i) => ({ oid: '1.3.6.1.2.1.1.1.0', type: 4, value: Buffer.from(`r${i + 1}`) }));
  const event = map(1, repeats, '1.3.6.1.4.1.99.1');
  assert.equal(event.attributes['sysDescr'], 'r1');
  assert.equal(event.attributes['sysDescr#2'], 'r2');
  assert.equal(event.attributes['sysDescr#5000'], 'r5000');
  assert.equal(Object.keys(event.attributes).filter((key) => key.startsWith('sysDescr')).length, 5000);
});
