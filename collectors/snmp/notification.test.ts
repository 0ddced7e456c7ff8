import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toNotification } from './notification.js';
import type { ReceivedPdu } from './received-pdu.js';

const vb = { oid: '1.3.6.1.4.1.6889.2.2.1.2.1.9', type: 2, value: 4 };

test('RFC 3584: a v1 enterprise-specific trap becomes enterprise.0.specific, with snmpTrapAddress and snmpTrapEnterprise appended (no community)', () => {
  const pdu: ReceivedPdu = { version: 'v1', kind: 'trap', community: 'public', v1: { enterprise: '1.3.6.1.4.1.6889.2.2.1.2', agentAddr: '192.0.2.10', generic: 6, specific: 50, upTime: 777 }, varbinds: [vb] };
  const result = toNotification(pdu);
  assert.ok(result.ok);
  assert.equal(result.notification.trapOid, '1.3.6.1.4.1.6889.2.2.1.2.0.50');
  assert.equal(result.notification.upTime, 777);
  assert.deepEqual(result.notification.varbinds.map((v) => [v.oid, v.value]), [
    [vb.oid, 4],
    ['1.3.6.1.6.3.18.1.3.0', '192.0.2.10'],
    ['1.3.6.1.6.3.1.1.4.3.0', '1.3.6.1.4.1.6889.2.2.1.2'],
  ]);
  assert.ok(!JSON.stringify(result).includes('public'), 'the community is never carried into the notification');
});

test('RFC 3584: generic traps 0–5 become snmpTraps.1–6', () => {
  for (const [generic, oid] of [[0, '1.3.6.1.6.3.1.1.5.1'], [2, '1.3.6.1.6.3.1.1.5.3'], [4, '1.3.6.1.6.3.1.1.5.5']] as const) {
    const result = toNotification({ version: 'v1', kind: 'trap', v1: { enterprise: '1.3.6.1.4.1.8072', agentAddr: '0.0.0.0', generic, specific: 0, upTime: 1 }, varbinds: [] });
    assert.ok(result.ok);
    assert.equal(result.notification.trapOid, oid);
  }
});

test('v2: sysUpTime.0 and snmpTrapOID.0 are taken out of the varbinds, wherever they are; without snmpTrapOID.0 it is refused', () => {
  const result = toNotification({ version: 'v2c', kind: 'trap', varbinds: [vb, { oid: '1.3.6.1.6.3.1.1.4.1.0', type: 6, value: '1.3.6.1.4.1.6889.2.2.1.2.0.36' }, { oid: '1.3.6.1.2.1.1.3.0', type: 67, value: 55 }] });
  assert.ok(result.ok);
  assert.equal(result.notification.trapOid, '1.3.6.1.4.1.6889.2.2.1.2.0.36');
  assert.equal(result.notification.upTime, 55);
  assert.deepEqual(result.notification.varbinds, [vb]);
  assert.deepEqual(toNotification({ version: 'v2c', kind: 'trap', varbinds: [vb] }), { ok: false, reason: 'no-trap-oid', detail: 'the notification has no snmpTrapOID.0 varbind' });
});
