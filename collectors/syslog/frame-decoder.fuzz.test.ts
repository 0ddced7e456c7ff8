import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { createFakeContext } from '../../test/fakes/collector-context.js';
import { createFakeFlow } from '../../test/fakes/connection-flow.js';
import { chunked, fuzz, mutated, total } from '../../test/helpers/fuzz.js';
import { createConnectionHandler } from './connection-handler.js';
import { createFrameDecoder, FRAME_REFUSAL_REASONS, type FrameRefusalReason } from './frame-decoder.js';
import { createMessageHandler } from './message-handler.js';
import { SYSLOG_REFUSAL_REASONS } from './parsed-syslog.js';
import { createSyslogMetrics } from './syslog-metrics.js';

const MAX = 480;

function decode(chunks: readonly Uint8Array[], max = MAX) {
  const frames: Buffer[] = [];
  const refused: Array<{ reason: FrameRefusalReason; size: number; sample: number }> = [];
  const decoder = createFrameDecoder(max, {
    frame: (bytes) => void frames.push(Buffer.from(bytes)),
    refused: (reason, _detail, sample, size) => void refused.push({ reason, size, sample: sample.length }),
  });
  for (const chunk of chunks) decoder.push(Buffer.from(chunk));
  decoder.end();
  return { frames, refused, framing: decoder.framing };
}

// A syslog-looking message: no LF or NUL inside (LF framing needs that), starts with "<" so the connection is LF-framed.
const lfMessage = fc.string({ unit: 'grapheme', minLength: 0, maxLength: 120 }).map((text) => Buffer.from(`<13>${text.replace(/[\n\0]/g, ' ')}`, 'utf8'));
const countedMessage = fc.uint8Array({ minLength: 1, maxLength: 200 });
const cuts = fc.array(fc.nat(), { maxLength: 12 });

test('fuzz: arbitrary byte streams in arbitrary chunks never throw, and every refusal has a documented reason', () => {
  fuzz(2000, [fc.array(fc.uint8Array({ maxLength: 700 }), { maxLength: 6 })], (chunks) => {
    const { frames, refused } = decode(chunks);
    for (const frame of frames) assert.ok(frame.length <= MAX, `a delivered frame of ${frame.length} bytes is over maxMessageBytes`);
    for (const r of refused) assert.ok(FRAME_REFUSAL_REASONS.includes(r.reason), r.reason);
  });
});

test('fuzz: LF-framed messages come out whole and in order however the stream is cut', () => {
  fuzz(1000, [fc.array(lfMessage, { minLength: 1, maxLength: 8 }), cuts, fc.constantFrom('\n', '\r\n', '\0')], (messages, at, end) => {
    const stream = Buffer.concat(messages.flatMap((m) => [m, Buffer.from(end)]));
    const { frames, refused, framing } = decode(chunked(stream, at));
    assert.equal(framing, 'non-transparent');
    assert.deepEqual(refused, []);
    const expected = messages.map((m) => (end === '\r\n' ? Buffer.concat([m, Buffer.from('\r')]) : m));
    assert.deepEqual(frames, expected);
  });
});

test('fuzz: octet-counted frames of any bytes come out whole and in order however the stream is cut', () => {
  fuzz(1000, [fc.array(countedMessage, { minLength: 1, maxLength: 8 }), cuts], (messages, at) => {
    const stream = Buffer.concat(messages.flatMap((m) => [Buffer.from(`${m.length} `), m]));
    const { frames, refused, framing } = decode(chunked(stream, at));
    assert.equal(framing, 'octet-counting');
    assert.deepEqual(refused, []);
    assert.deepEqual(frames, messages.map((m) => Buffer.from(m)));
  });
});

test('fuzz: oversize counted frames are refused once each and never stop the frames after them', () => {
  const message = fc.oneof(countedMessage, fc.integer({ min: MAX + 1, max: 4000 }).map((n) => Buffer.alloc(n, 0x41)));
  fuzz(500, [fc.array(message, { minLength: 1, maxLength: 6 }), cuts], (messages, at) => {
    const stream = Buffer.concat(messages.flatMap((m) => [Buffer.from(`${m.length} `), m]));
    const { frames, refused } = decode(chunked(stream, at));
    assert.deepEqual(frames, messages.filter((m) => m.length <= MAX).map((m) => Buffer.from(m)));
    assert.deepEqual(refused.map((r) => [r.reason, r.size]), messages.filter((m) => m.length > MAX).map((m) => ['oversize', m.length]));
    for (const r of refused) assert.ok(r.sample <= 120, 'a refusal carries a bounded sample, never the frame');
  });
});

test('fuzz: valid streams, mutated (lying lengths, huge counts, cut frames), never throw or deliver an oversize frame', () => {
  const stream = fc.oneof(
    fc.array(countedMessage, { minLength: 1, maxLength: 5 }).map((ms) => Buffer.concat(ms.flatMap((m) => [Buffer.from(`${m.length} `), m]))),
    fc.array(lfMessage, { minLength: 1, maxLength: 5 }).map((ms) => Buffer.concat(ms.flatMap((m) => [m, Buffer.from('\n')]))),
    // A count that lies: far more than follows, or more digits than any length.
    fc.tuple(fc.constantFrom('9999999999 ', '99999999999999999999 ', '4294967296 ', '0 ', '00012 ', '481 '), countedMessage).map(([head, m]) => Buffer.concat([Buffer.from(head), m])),
  );
  fuzz(2000, [mutated(stream), cuts], (bytes, at) => {
    const { frames, refused } = decode(chunked(bytes, at));
    for (const frame of frames) assert.ok(frame.length <= MAX);
    for (const r of refused) assert.ok(FRAME_REFUSAL_REASONS.includes(r.reason));
  });
});

test('fuzz: a sender that never sends LF is refused as oversize, not buffered without bound', () => {
  fuzz(200, [fc.integer({ min: 1, max: 40 }), fc.integer({ min: 100, max: 400 })], (count, size) => {
    const chunks = Array.from({ length: count }, () => Buffer.alloc(size, 0x61));
    const { frames, refused } = decode([Buffer.from('<13>'), ...chunks]);
    const total = 4 + count * size;
    if (total <= MAX) assert.equal(frames.length, 1, 'the unterminated last line is delivered at close');
    else assert.ok(refused.some((r) => r.reason === 'oversize') && frames.every((f) => f.length <= MAX));
  });
});

test('fuzz: a TCP connection of any bytes counts every frame once, as an event or a refusal with a documented reason', () => {
  const known = new Set<string>([...FRAME_REFUSAL_REASONS, ...SYSLOG_REFUSAL_REASONS]);
  const stream = fc.oneof(
    mutated(fc.array(countedMessage, { minLength: 1, maxLength: 5 }).map((ms) => Buffer.concat(ms.flatMap((m) => [Buffer.from(`${m.length} `), m])))),
    mutated(fc.array(lfMessage, { minLength: 1, maxLength: 5 }).map((ms) => Buffer.concat(ms.flatMap((m) => [m, Buffer.from('\n')])))),
    fc.uint8Array({ maxLength: 1500 }),
  );
  fuzz(500, [fc.array(fc.tuple(stream, cuts), { minLength: 1, maxLength: 3 })], (connections) => {
    const fake = createFakeContext();
    const metrics = createSyslogMetrics(new MetricsRegistry());
    const messages = createMessageHandler({ maxMessageBytes: MAX }, fake.ctx, metrics);
    const handler = createConnectionHandler({ listener: 'tcp', maxMessageBytes: MAX, isAllowed: () => true, unlistedSources: 'keep' }, messages, fake.ctx, metrics);
    for (const [bytes, at] of connections) {
      const sink = handler.connect({ address: '192.0.2.10' }, createFakeFlow())!;
      for (const chunk of chunked(bytes, at)) sink.data(chunk);
      sink.end();
      handler.closed('peer');
    }
    assert.equal(fake.counters.accepted + total(fake.counters.refused), fake.counters.received, 'every frame and framing refusal is an event or a counted refusal');
    for (const reason of Object.keys(fake.counters.refused)) assert.ok(known.has(reason), `refusal reason "${reason}" is not documented (internal-error is a bug)`);
  });
});
