import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { createFakeContext } from '../../test/fakes/collector-context.js';
import { bounded, fuzz, mutated, total } from '../../test/helpers/fuzz.js';
import { metricValue } from '../../test/helpers/http-json.js';
import { mapSyslogToEvent } from './map.js';
import { COLLECTOR_REFUSAL_REASONS, createMessageHandler } from './message-handler.js';
import { SYSLOG_REFUSAL_REASONS, type ParsedSyslog, type StructuredDataElement } from './parsed-syslog.js';
import { parseSyslog } from './parse-syslog.js';
import { createSyslogMetrics } from './syslog-metrics.js';

const RECEIVED_AT = Date.UTC(2026, 10, 21, 4, 20, 0);
const DIR = new URL('testdata/messages/', import.meta.url);
const SAMPLES = readdirSync(DIR)
  .filter((file) => file.endsWith('.syslog'))
  .map((file) => readFileSync(new URL(file, DIR)));
// IP Office texts the mapper recognises (ipo-messages.ts), in an RFC 3164 line, so mutations reach every pattern.
const IPO_TEXTS = [
  'Alarm: Trunk: Trunk Slot B, T1 PRI 2 red alarm',
  'Alarm Cleared: Trunk: Trunk Slot B, T1 PRI 2 red alarm',
  'Attempt to use a feature for which no license is installed. License Type: DevLink3 External Recorder',
  'There are insufficient licenses for this configuration. License Types: Power User',
  'WebLM Server Error: System not licensed for Server Edition',
  'CMEExtEvt: Extn 201: User is not licensed for a Remote Extension',
  'Failed to load HOLD Music source file Source Name: hold.wav',
  'Backup failed: no space',
  'Failed password for invalid user admin from 198.51.100.7 port 22',
  'audit: user=Administrator login failed',
  'audit: Configuration Changed: System',
  '12:00:00 123mS CMExtnEvt: 201 offhook',
];
const sample = fc.oneof(fc.constantFrom(...SAMPLES), fc.constantFrom(...IPO_TEXTS).map((text) => Buffer.from(`<131>Nov 21 04:19:13 vm IPOffice: ${text}`)));
const REASONS: readonly string[] = SYSLOG_REFUSAL_REASONS;

/** Parse and map; both must return, whatever the bytes. */
function parseAndMap(bytes: Uint8Array) {
  const parsed = parseSyslog(bytes, RECEIVED_AT);
  if (!parsed.ok) {
    assert.ok(REASONS.includes(parsed.reason), `undocumented refusal reason ${parsed.reason}`);
    assert.equal(typeof parsed.detail, 'string');
    return parsed;
  }
  assert.ok(parsed.facility >= 0 && parsed.facility <= 23 && parsed.severity >= 0 && parsed.severity <= 7);
  const event = mapSyslogToEvent(parsed, { sourceAddress: '192.0.2.10', receivedAt: RECEIVED_AT, raw: bytes });
  assert.equal(typeof event.code, 'string');
  assert.equal(typeof event.text, 'string');
  JSON.stringify(event); // attributes must stay serialisable (the store and API write them as JSON)
  return parsed;
}

test('fuzz: any bytes are parsed and mapped, or refused with a documented reason', () => {
  fuzz(3000, [fc.uint8Array({ maxLength: 600 })], (bytes) => void parseAndMap(bytes));
});

test('fuzz: printable text after a PRI, random or adversarial, is parsed and mapped without a hang', () => {
  const word = fc.constantFrom('user=', 'login', 'failed', 'Alarm:', ' ', '\t', ':', '[', ']', '"', '-', 'License Type:', 'Configuration Changed', 'audit', 'Evt', 'a', '1');
  const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.array(word, { maxLength: 2000 }).map((words) => words.join('')));
  fuzz(1000, [fc.constantFrom('<131>', '<13>1 ', '<134>Nov 21 04:19:13 vm IPOffice: ', '<131>1 2026-11-21T05:10:17Z vm app - - ', ''), text], (head, body) => {
    void parseAndMap(Buffer.from(head + body, 'utf8'));
  });
});

test('fuzz: captured and IP Office lines, mutated, are parsed and mapped or refused with a reason', () => {
  fuzz(3000, [mutated(sample)], (bytes) => void parseAndMap(bytes));
});

// --- Round trips: a message formatted from fields is parsed back to the same fields. ---

const asciiWord = (max: number) => fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/'), minLength: 1, maxLength: max }).filter((w) => w !== '-');
const msgText = fc
  .string({ unit: fc.oneof(fc.constantFrom(...'abcdefgh XYZ0123:[]"=\\\t'), fc.constantFrom('é', 'ü', '日本', '🙂')), maxLength: 120 })
  .map((text) => text.replace(/^[ \t]+/, '').replace(/[ \t]+$/, ''));
const sdName = fc.string({ unit: fc.constantFrom(...'abcdefxyz0123@.'), minLength: 1, maxLength: 32 });
const sdElement: fc.Arbitrary<StructuredDataElement> = fc.record({
  id: sdName,
  params: fc.array(fc.tuple(sdName, fc.string({ unit: fc.constantFrom(...'abc 12"\\]é'), maxLength: 20 })), { maxLength: 3 }),
}, { noNullPrototype: true }); // deepEqual compares prototypes too
const escapeSd = (value: string) => value.replace(/["\\\]]/g, (c) => `\\${c}`);

test('fuzz: RFC 5424 formatted from fields parses back to the same fields', () => {
  const fields = fc.record({
    pri: fc.integer({ min: 0, max: 191 }),
    at: fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) }),
    hostname: fc.option(asciiWord(255), { nil: undefined }),
    appName: fc.option(asciiWord(48), { nil: undefined }),
    procId: fc.option(asciiWord(128), { nil: undefined }),
    msgId: fc.option(asciiWord(32), { nil: undefined }),
    sd: fc.option(fc.array(sdElement, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    message: msgText,
  });
  fuzz(1500, [fields], (f) => {
    const sd = f.sd ? f.sd.map((e) => `[${e.id}${e.params.map(([n, v]) => ` ${n}="${escapeSd(v)}"`).join('')}]`).join('') : '-';
    const line = `<${f.pri}>1 ${new Date(f.at).toISOString()} ${f.hostname ?? '-'} ${f.appName ?? '-'} ${f.procId ?? '-'} ${f.msgId ?? '-'} ${sd}${f.message === '' ? '' : ` ${f.message}`}`;
    const parsed = parseSyslog(Buffer.from(line, 'utf8'), RECEIVED_AT) as ParsedSyslog;
    assert.ok(parsed.ok, line);
    assert.deepEqual(
      [parsed.format, parsed.facility, parsed.severity, parsed.timestamp, parsed.hostname, parsed.appName, parsed.procId, parsed.msgId, parsed.structuredData, parsed.message, parsed.flags],
      ['rfc5424', f.pri >> 3, f.pri & 7, f.at, f.hostname, f.appName, f.procId, f.msgId, f.sd, f.message, []],
      line,
    );
  });
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

test('fuzz: RFC 3164 formatted from fields parses back to the same fields', () => {
  const tagChars = fc.string({ unit: fc.constantFrom(...'abcdefIPOffice0123_-.'), minLength: 1, maxLength: 64 });
  const fields = fc.record({
    pri: fc.integer({ min: 0, max: 191 }),
    // Within five months of receipt, so the year the parser picks is the one it was written in.
    offsetSeconds: fc.integer({ min: -150 * 86400, max: 150 * 86400 }),
    hostname: asciiWord(64).filter((h) => !/[:[\]]/.test(h)),
    tag: tagChars,
    pid: fc.option(fc.integer({ min: 1, max: 99999 }).map(String), { nil: undefined }),
    message: msgText.filter((m) => m !== ''),
  });
  fuzz(1500, [fields], (f) => {
    const at = Math.floor(RECEIVED_AT / 1000) * 1000 + f.offsetSeconds * 1000;
    const d = new Date(at);
    const stamp = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const line = `<${f.pri}>${stamp} ${f.hostname} ${f.tag}${f.pid === undefined ? '' : `[${f.pid}]`}: ${f.message}`;
    const parsed = parseSyslog(Buffer.from(line, 'utf8'), RECEIVED_AT) as ParsedSyslog;
    assert.ok(parsed.ok, line);
    assert.deepEqual(
      [parsed.format, parsed.facility, parsed.severity, parsed.timestamp, parsed.hostname, parsed.appName, parsed.procId, parsed.message, parsed.flags],
      ['rfc3164', f.pri >> 3, f.pri & 7, at, f.hostname, f.tag, f.pid, f.message, []],
      line,
    );
  });
});

// --- The collector's handler: every refusal is counted with a documented reason. ---

test('fuzz: the message handler counts every input once, as parsed or refused with a documented reason', () => {
  const input = fc.oneof(fc.uint8Array({ maxLength: 600 }), mutated(sample), sample);
  const known = new Set<string>([...SYSLOG_REFUSAL_REASONS, 'oversize', ...COLLECTOR_REFUSAL_REASONS.filter((r) => r !== 'internal-error')]);
  fuzz(300, [fc.array(input, { minLength: 1, maxLength: 20 })], (inputs) => {
    const fake = createFakeContext();
    const registry = new MetricsRegistry();
    const handler = createMessageHandler({ maxMessageBytes: 480 }, fake.ctx, createSyslogMetrics(registry));
    for (const bytes of inputs) bounded(() => handler.message(bytes, { address: '192.0.2.10', listener: 'udp' }));
    const refused = fake.counters.refused;
    assert.equal(fake.counters.received, inputs.length);
    assert.equal(fake.counters.accepted + total(refused), inputs.length, 'every input is either an event or a counted refusal');
    for (const reason of Object.keys(refused)) assert.ok(known.has(reason), `refusal reason "${reason}" is not documented (internal-error is a bug)`);
    const text = registry.render();
    for (const [reason, n] of Object.entries(refused)) assert.equal(metricValue(text, 'ipo_syslog_refused_total', { listener: 'udp', reason }), n);
    assert.equal(metricValue(text, 'ipo_syslog_parsed_total', { listener: 'udp' }), fake.counters.accepted);
  });
});
