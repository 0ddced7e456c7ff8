import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messageTemplate } from './message-template.js';

const cases: Array<[string, string]> = [
  ['CMEExtEvt: Extn457: User is not licensed for a Remote Extension: Logging Out.', 'CMEExtEvt: Extn<n>: User is not licensed for a Remote Extension: Logging Out.'],
  ['Login failed for user "admin" from 192.0.2.7:5061', 'Login failed for user "<str>" from <ip>'],
  ['phone 00:1b:4f:aa:bb:cc registered at fe80::1:2', 'phone <mac> registered at <ip6>'],
  ['buffer 0x7ffd1234 size 4096', 'buffer <hex> size <n>'],
  ['  spaced    out  ', 'spaced out'],
  ['call ended at 04:19:13', 'call ended at <n>:<n>:<n>'],
];

for (const [input, expected] of cases) {
  test(`template of ${JSON.stringify(input)}`, () => assert.equal(messageTemplate(input), expected));
}
