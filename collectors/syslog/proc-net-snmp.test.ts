import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseUdp6RcvbufErrors, parseUdpRcvbufErrors, readUdpRcvbufErrors } from './proc-net-snmp.js';

// Captured from Linux 6.x /proc/net/snmp (Tcp and Icmp lines shortened).
const SNMP = `Ip: Forwarding DefaultTTL InReceives
Ip: 1 64 5161
Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors
Udp: 244 0 17 245 12 0 0 0 0
UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors
UdpLite: 0 0 0 0 99 0 0 0 0
`;
const SNMP6 = `Udp6InDatagrams                 	10
Udp6RcvbufErrors                	3
Udp6SndbufErrors                	0
UdpLite6RcvbufErrors            	7
`;

test('parseUdpRcvbufErrors reads the Udp RcvbufErrors column (not UdpLite’s)', () => {
  assert.equal(parseUdpRcvbufErrors(SNMP), 12);
  assert.equal(parseUdpRcvbufErrors('Ip: a\nIp: 1\n'), null);
  assert.equal(parseUdpRcvbufErrors(''), null);
});

test('parseUdp6RcvbufErrors reads Udp6RcvbufErrors', () => {
  assert.equal(parseUdp6RcvbufErrors(SNMP6), 3);
  assert.equal(parseUdp6RcvbufErrors(''), null);
});

test('readUdpRcvbufErrors gives one sample per family it can read', () => {
  const files: Record<string, string> = { '/proc/net/snmp': SNMP };
  const read = (path: string) => {
    const text = files[path];
    if (text === undefined) throw new Error('ENOENT');
    return text;
  };
  assert.deepEqual(readUdpRcvbufErrors(read), [{ ip: '4', value: 12 }]);
  files['/proc/net/snmp6'] = SNMP6;
  assert.deepEqual(readUdpRcvbufErrors(read), [{ ip: '4', value: 12 }, { ip: '6', value: 3 }]);
});

test('readUdpRcvbufErrors reads this machine’s /proc (Linux)', { skip: process.platform !== 'linux' }, () => {
  const samples = readUdpRcvbufErrors();
  assert.ok(samples.some((s) => s.ip === '4' && Number.isInteger(s.value) && s.value >= 0));
});
