import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { parseRfc3164 } from './parse-rfc3164.js';
import { SYSLOG_REFUSAL_REASONS, type ParsedSyslog } from './parsed-syslog.js';

const RECEIVED = Date.UTC(2026, 10, 21, 4, 20, 0); // 2026-11-21T04:20:00Z
const AT_041913 = Date.UTC(2026, 10, 21, 4, 19, 13);
const bytes = (text: string) => new TextEncoder().encode(text);

type Expected = Omit<ParsedSyslog, 'ok' | 'format'>;

const accepted: Array<{ name: string; input: string | Uint8Array; receivedAt?: number; expected: Expected }> = [
  {
    name: 'util-linux logger --rfc3164 -t IPOffice -p local0.warning (captured bytes)',
    input: '<132>Nov 21 04:19:13 vm IPOffice: Alarm: Service: Jitter threshold exceeded ext 201',
    expected: { facility: 16, severity: 4, timestamp: AT_041913, hostname: 'vm', appName: 'IPOffice', message: 'Alarm: Service: Jitter threshold exceeded ext 201', flags: [] },
  },
  {
    name: 'logger -i: TAG with [pid]',
    input: '<35>Nov 21 04:19:13 vm IPOffice[5788]: x  y',
    expected: { facility: 4, severity: 3, timestamp: AT_041913, hostname: 'vm', appName: 'IPOffice', procId: '5788', message: 'x  y', flags: [] },
  },
  {
    name: 'space-padded day "Nov  1"',
    input: '<13>Nov  1 00:00:01 host app: padded',
    expected: { facility: 1, severity: 5, timestamp: Date.UTC(2026, 10, 1, 0, 0, 1), hostname: 'host', appName: 'app', message: 'padded', flags: [] },
  },
  {
    name: 'missing hostname: the word after the timestamp ends with ":" so it is the TAG',
    input: '<13>Nov 21 04:19:13 IPOffice: text',
    expected: { facility: 1, severity: 5, timestamp: AT_041913, appName: 'IPOffice', message: 'text', flags: ['no-hostname'] },
  },
  {
    name: 'missing hostname: TAG with [pid]',
    input: '<13>Nov 21 04:19:13 IPOffice[12]: text',
    expected: { facility: 1, severity: 5, timestamp: AT_041913, appName: 'IPOffice', procId: '12', message: 'text', flags: ['no-hostname'] },
  },
  {
    name: 'missing PRI: user.notice (RFC 3164 §4.3.3), flagged',
    input: 'Nov 21 04:19:13 host app: no pri',
    expected: { facility: 1, severity: 5, timestamp: AT_041913, hostname: 'host', appName: 'app', message: 'no pri', flags: ['no-pri'] },
  },
  {
    name: 'Cisco sequence number after PRI',
    input: '<189>123: Nov 21 04:19:13 router1 %SYS-5-CONFIG_I: Configured from console',
    expected: { facility: 23, severity: 5, timestamp: AT_041913, hostname: 'router1', appName: '%SYS-5-CONFIG_I', message: 'Configured from console', flags: ['sequence-number'] },
  },
  {
    name: 'sequence number without PRI',
    input: '123: Nov 21 04:19:13 router1 app: text',
    expected: { facility: 1, severity: 5, timestamp: AT_041913, hostname: 'router1', appName: 'app', message: 'text', flags: ['no-pri', 'sequence-number'] },
  },
  {
    name: 'UTF-8 BOM before MSG is dropped and flagged',
    input: '<13>Nov 21 04:19:13 host app: \uFEFFCafé',
    expected: { facility: 1, severity: 5, timestamp: AT_041913, hostname: 'host', appName: 'app', message: 'Café', flags: ['bom'] },
  },
  {
    name: 'ISO-8601 timestamp with zone',
    input: '<13>2026-11-21T05:19:13.250+01:00 host app: iso',
    expected: { facility: 1, severity: 5, timestamp: AT_041913 + 250, hostname: 'host', appName: 'app', message: 'iso', flags: ['iso-timestamp'] },
  },
  {
    name: 'ISO-8601 timestamp in UTC, no hostname',
    input: '<13>2026-11-21T04:19:13Z IPOffice: iso',
    expected: { facility: 1, severity: 5, timestamp: AT_041913, appName: 'IPOffice', message: 'iso', flags: ['iso-timestamp', 'no-hostname'] },
  },
  {
    name: 'trailing NUL, CR and LF are trimmed',
    input: '<13>Nov 21 04:19:13 host app: text\r\n\0\0',
    expected: { facility: 1, severity: 5, timestamp: AT_041913, hostname: 'host', appName: 'app', message: 'text', flags: [] },
  },
  {
    name: 'PRI without timestamp: no hostname either (RFC 3164 §4.3.2)',
    input: '<13>IPOffice: no timestamp',
    expected: { facility: 1, severity: 5, appName: 'IPOffice', message: 'no timestamp', flags: ['no-timestamp'] },
  },
  {
    name: 'PRI then plain text: all of it is MSG',
    input: '<0>kernel panic here',
    expected: { facility: 0, severity: 0, message: 'kernel panic here', flags: ['no-timestamp'] },
  },
  {
    name: 'hostname but no TAG',
    input: '<13>Nov 21 04:19:13 host just text',
    expected: { facility: 1, severity: 5, timestamp: AT_041913, hostname: 'host', message: 'just text', flags: [] },
  },
  {
    name: 'PRI 191 is the highest valid (local7.debug)',
    input: '<191>Nov 21 04:19:13 host app: x',
    expected: { facility: 23, severity: 7, timestamp: AT_041913, hostname: 'host', appName: 'app', message: 'x', flags: [] },
  },
  {
    name: 'year rollover: "Dec 31 23:59:58" received just after new year is last year',
    input: '<13>Dec 31 23:59:58 host app: old year',
    receivedAt: Date.UTC(2027, 0, 1, 0, 0, 3),
    expected: { facility: 1, severity: 5, timestamp: Date.UTC(2026, 11, 31, 23, 59, 58), hostname: 'host', appName: 'app', message: 'old year', flags: [] },
  },
  {
    name: 'year rollover: a fast device clock says "Jan  1" on 31 December',
    input: '<13>Jan  1 00:00:05 host app: new year',
    receivedAt: Date.UTC(2026, 11, 31, 23, 59, 50),
    expected: { facility: 1, severity: 5, timestamp: Date.UTC(2027, 0, 1, 0, 0, 5), hostname: 'host', appName: 'app', message: 'new year', flags: [] },
  },
  {
    name: 'impossible date (Feb 29 in no nearby leap year) is kept without a timestamp',
    input: '<13>Feb 29 04:19:13 host app: x',
    expected: { facility: 1, severity: 5, hostname: 'host', appName: 'app', message: 'x', flags: ['invalid-timestamp'] },
  },
  {
    name: 'hour 25 is kept without a timestamp',
    input: '<13>Nov 21 25:19:13 host app: x',
    expected: { facility: 1, severity: 5, hostname: 'host', appName: 'app', message: 'x', flags: ['invalid-timestamp'] },
  },
  {
    name: 'non-UTF-8 (Latin-1 é) is decoded as windows-1252 and flagged',
    input: Uint8Array.from([...bytes('<13>Nov 21 04:19:13 host app: Caf'), 0xe9]),
    expected: { facility: 1, severity: 5, timestamp: AT_041913, hostname: 'host', appName: 'app', message: 'Café', flags: ['invalid-utf8'] },
  },
];

for (const c of accepted) {
  test(`parseRfc3164 accepts ${c.name}`, () => {
    const input = typeof c.input === 'string' ? bytes(c.input) : c.input;
    assert.deepEqual(parseRfc3164(input, c.receivedAt ?? RECEIVED), { ok: true, format: 'rfc3164', ...c.expected });
  });
}

test('parseRfc3164 reads BSD timestamps in the given time zone offset', () => {
  const parsed = parseRfc3164(bytes('<13>Nov 21 05:19:13 host app: x'), RECEIVED, { timeZoneOffsetMinutes: 60 });
  assert.equal(parsed.ok && parsed.timestamp, AT_041913);
});

const refused: Array<{ name: string; input: string | Uint8Array; reason: string }> = [
  { name: 'an empty datagram', input: '', reason: 'empty' },
  { name: 'only NUL and newlines', input: '\0\r\n', reason: 'empty' },
  { name: 'a PRI and nothing else', input: '<13>', reason: 'empty' },
  { name: 'PRI above 191', input: '<192>Nov 21 04:19:13 host app: x', reason: 'bad-pri' },
  { name: 'PRI with letters', input: '<1x>Nov 21 04:19:13 host app: x', reason: 'bad-pri' },
  { name: 'PRI never closed', input: '<13 Nov 21 04:19:13 host app: x', reason: 'bad-pri' },
  { name: 'PRI with four digits', input: '<0013>text', reason: 'bad-pri' },
  { name: 'plain text: no PRI, no timestamp', input: 'hello world', reason: 'not-syslog' },
  { name: 'a month that is not one', input: 'Foo 21 04:19:13 host app: x', reason: 'not-syslog' },
  { name: 'a valid PRI followed by binary', input: Uint8Array.from([...bytes('<13>'), 0x01, 0x02, 0xff, 0x41]), reason: 'not-printable' },
  { name: 'a NUL inside the message', input: '<13>Nov 21 04:19:13 host app: a\0b', reason: 'not-printable' },
];

for (const c of refused) {
  test(`parseRfc3164 refuses ${c.name} as '${c.reason}'`, () => {
    const input = typeof c.input === 'string' ? bytes(c.input) : c.input;
    const result = parseRfc3164(input, RECEIVED);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.reason, c.reason);
    assert.ok(!result.ok && result.detail.length > 0);
  });
}

test('parseRfc3164 never throws on random bytes and refuses them with a known reason', () => {
  const reasons = new Set<string>(SYSLOG_REFUSAL_REASONS);
  for (let i = 0; i < 2000; i++) {
    const input = randomBytes(1 + (i % 600));
    const result = parseRfc3164(input, RECEIVED);
    assert.equal(result.ok, false, `random bytes parsed as syslog: ${input.toString('hex')}`);
    assert.ok(!result.ok && reasons.has(result.reason), `unknown reason for ${input.toString('hex')}`);
  }
});

test('parseRfc3164 never throws on random bytes behind a valid header', () => {
  for (let i = 0; i < 2000; i++) {
    const input = Buffer.concat([Buffer.from('<13>Nov 21 04:19:13 host app: '), randomBytes(i % 64)]);
    assert.doesNotThrow(() => parseRfc3164(input, RECEIVED));
  }
});

test('parseRfc3164 flags a BOM right after the hostname when there is no TAG', () => {
  const parsed = parseRfc3164(bytes('<13>Nov 21 04:19:13 host \uFEFFtext'), RECEIVED);
  assert.ok(parsed.ok);
  assert.equal(parsed.message, 'text');
  assert.deepEqual(parsed.flags, ['bom']);
});
