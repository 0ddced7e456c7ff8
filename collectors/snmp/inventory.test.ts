import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEntityTable, parsePhoneTable } from './inventory.js';
import type { RawVarbind } from './received-pdu.js';

const ENT = '1.3.6.1.2.1.47.1.1.1.1';
const PH = '1.3.6.1.4.1.6889.2.2.1.1.1.1.1.2.1';
const s = (oid: string, text: string): RawVarbind => ({ oid, type: 4, value: Buffer.from(text) });
const i = (oid: string, value: number): RawVarbind => ({ oid, type: 2, value });

test('entity rows with class names and the path from the chassis, as ipoGTEventEntityName writes it', () => {
  const rows = parseEntityTable([
    s(`${ENT}.7.1`, 'Controller'), i(`${ENT}.5.1`, 3), i(`${ENT}.4.1`, 0),
    s(`${ENT}.7.2`, 'Trunk Slot B'), i(`${ENT}.5.2`, 5), i(`${ENT}.4.2`, 1),
    s(`${ENT}.7.3`, 'Trunk Module'), i(`${ENT}.5.3`, 9), i(`${ENT}.4.3`, 2), s(`${ENT}.13.3`, 'PRI-U'), s(`${ENT}.11.3`, 'SN123'),
    s(`${ENT}.7.4`, 'T1 PRI 2'), i(`${ENT}.5.4`, 10), i(`${ENT}.4.4`, 3),
    s(`${ENT}.7.9`, 'Loop'), i(`${ENT}.4.9`, 9),
  ]);
  assert.deepEqual(rows.map((r) => [r.index, r.class, r.path]), [
    [1, 'chassis', 'Controller'],
    [2, 'container', 'Controller, Trunk Slot B'],
    [3, 'module', 'Controller, Trunk Slot B, Trunk Module'],
    [4, 'port', 'Controller, Trunk Slot B, Trunk Module, T1 PRI 2'],
    [9, 'unknown', 'Loop'],
  ]);
  assert.equal(rows[2]!.model, 'PRI-U');
  assert.equal(rows[2]!.serial, 'SN123');
});

test('phone rows: extension, user, type by name, port, IP and MAC address', () => {
  const [phone] = parsePhoneTable([
    i(`${PH}.2.5`, 16), i(`${PH}.3.5`, 201), s(`${PH}.4.5`, 'Alice'), s(`${PH}.5.5`, 'Alice Smith'), i(`${PH}.6.5`, 111),
    { oid: `${PH}.7.5`, type: 66, value: 3 }, { oid: `${PH}.10.5`, type: 64, value: '192.0.2.51' }, { oid: `${PH}.11.5`, type: 4, value: Buffer.from('001b4f0a0b0c', 'hex') },
  ]);
  assert.deepEqual(phone, {
    index: 5, extId: 16, extension: '201', userShort: 'Alice', userLong: 'Alice Smith', type: 'a9611ip', typeCode: 111, port: 3,
    portNumber: null, moduleNumber: null, ipAddress: '192.0.2.51', macAddress: '00:1b:4f:0a:0b:0c',
  });
});
