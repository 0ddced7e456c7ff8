import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { parseSyslog } from './parse-syslog.js';
import { SYSLOG_REFUSAL_REASONS } from './parsed-syslog.js';
import { goldenCases } from './testdata/golden.js';

const RECEIVED = Date.UTC(2026, 10, 21, 5, 20, 0);

// Every documented variant and malformed input, as bytes on disk with the parse result beside them.
for (const c of goldenCases('messages', '.syslog')) {
  test(`parseSyslog testdata/messages/${c.name}`, () => {
    const result = parseSyslog(c.input, RECEIVED);
    if (!result.ok) assert.ok(result.detail.length > 0, 'a refusal says why');
    c.check(result.ok ? result : { ok: false, reason: result.reason });
    assert.equal(c.name.startsWith('refused-'), !result.ok, 'files named refused-* are refused, the others accepted');
  });
}

test('parseSyslog refuses a 1 MB line of text without a PRI or timestamp, quickly', () => {
  // CPU time, not the wall clock: a busy machine can pause this process, but not make the parser do more work.
  const before = process.cpuUsage();
  const result = parseSyslog(Buffer.alloc(1 << 20, 'a'), RECEIVED);
  assert.deepEqual(result.ok ? result : result.reason, 'not-syslog');
  const { user, system } = process.cpuUsage(before);
  assert.ok(user + system < 2_000_000, `a 1 MB line does not make the parser crawl (${Math.round((user + system) / 1000)} ms of CPU)`);
});

test('parseSyslog reads a 1 MB message behind valid headers in both formats (size limits are the collector’s job)', () => {
  const body = 'x'.repeat(1 << 20);
  const bsd = parseSyslog(Buffer.from(`<134>Nov 21 05:10:17 h app: ${body}`), RECEIVED);
  const rfc5424 = parseSyslog(Buffer.from(`<134>1 2026-11-21T05:10:17Z h app - - - ${body}`), RECEIVED);
  assert.ok(bsd.ok && bsd.message.length === body.length);
  assert.ok(rfc5424.ok && rfc5424.message.length === body.length);
});

test('parseSyslog never throws on random bytes, and refuses them with a known reason', () => {
  const reasons = new Set<string>(SYSLOG_REFUSAL_REASONS);
  for (let i = 0; i < 2000; i++) {
    const input = randomBytes(1 + (i % 600));
    const result = parseSyslog(input, RECEIVED);
    assert.equal(result.ok, false, `random bytes parsed as syslog: ${input.toString('hex')}`);
    assert.ok(!result.ok && reasons.has(result.reason), `unknown reason for ${input.toString('hex')}`);
  }
});

test('parseSyslog never throws on random bytes behind a valid RFC 5424 header', () => {
  for (let i = 0; i < 2000; i++) {
    const input = Buffer.concat([Buffer.from('<134>1 2026-11-21T05:10:17Z h app - - '), randomBytes(i % 64)]);
    assert.doesNotThrow(() => parseSyslog(input, RECEIVED));
  }
});

test('parseSyslog sends "<PRI>1 " to the RFC 5424 parser and everything else to RFC 3164', () => {
  const a = parseSyslog(Buffer.from('<13>1 2026-11-21T05:10:17Z h app - - - hi'), RECEIVED);
  const b = parseSyslog(Buffer.from('<13>Nov 21 05:10:17 h app: hi'), RECEIVED);
  const c = parseSyslog(Buffer.from('<13>1'), RECEIVED);
  assert.equal(a.ok && a.format, 'rfc5424');
  assert.equal(b.ok && b.format, 'rfc3164');
  assert.equal(c.ok && c.format, 'rfc3164', 'a bare "<13>1" is BSD text "1", not a broken RFC 5424 header');
});
