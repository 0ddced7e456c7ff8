import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEntity } from './ipo-entities.js';

const cases: Array<[text: string, expected: ReturnType<typeof findEntity>]> = [
  ['CMEExtEvt: Extn457: User is not licensed for a Remote Extension: Logging Out.', { kind: 'extension', id: '457', name: 'Extn457' }],
  ['Jitter threshold exceeded on extension 201', { kind: 'extension', id: '201', name: 'extension 201' }],
  ['Jitter threshold exceeded ext 201', { kind: 'extension', id: '201', name: 'ext 201' }],
  ['Ext. 3001 registration lost', { kind: 'extension', id: '3001', name: 'Ext. 3001' }],
  ['Line 5 out of service', { kind: 'trunk', id: '5', name: 'Line 5' }],
  ['SIP Trunk 17 unreachable', { kind: 'trunk', id: '17', name: 'SIP Trunk 17' }],
  ['Trunk Slot B, T1 PRI 2 red alarm', { kind: 'card', id: 'B', name: 'Slot B' }],
  ['Card in slot 3 failed', { kind: 'card', id: '3', name: 'slot 3' }],
  ['Extn 201 on Line 5', { kind: 'extension', id: '201', name: 'Extn 201' }],
  ['WebLM Server Error: System not licensed for Select', null],
  ['Next 5 calls queued', null],
  ['Slot 9 is not an IP500 V2 slot', null],
  ['Trunk Slot B', { kind: 'card', id: 'B', name: 'Slot B' }],
];

for (const [text, expected] of cases) {
  test(`findEntity("${text}")`, () => assert.deepEqual(findEntity(text), expected));
}
