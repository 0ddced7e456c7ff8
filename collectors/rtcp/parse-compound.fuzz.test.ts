import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bounded, fuzz, mutated, total } from '../../test/helpers/fuzz.js';
import { rtcpConfigSchema } from './config.js';
import { createFakeContext, TEST_FLEET } from './fake-context.js';
import { createRtcpCollector } from './index.js';
import { parseRtcp } from './parse-compound.js';
import { PARSE_FLAGS, REFUSAL_REASONS, SKIP_REASONS } from './parse-result.js';
import type { AppPacket, ExtendedReport, Goodbye, ReceiverReport, SenderReport, SourceDescription, VoipMetrics } from './rtcp-packet.js';
import { app, avayaSubtype4, bye, packet, receiverReport, sdes, senderReport, voipMetricsBlock, xr, xrBlock, type BlockSpec } from './testdata/build-rtcp.js';

const u32 = fc.nat({ max: 0xffffffff });
const block: fc.Arbitrary<Required<BlockSpec>> = fc.record({
  ssrc: u32,
  fractionLost: fc.nat({ max: 255 }),
  cumulativeLost: fc.integer({ min: -0x800000, max: 0x7fffff }),
  extendedHighestSeq: u32,
  jitter: u32,
  lsr: u32,
  dlsr: u32,
}, { noNullPrototype: true });
const blocks = fc.array(block, { maxLength: 31 });
const sender = fc.record({ ntpSeconds: u32, ntpFraction: u32, rtpTimestamp: u32, packetCount: u32, octetCount: u32 }, { noNullPrototype: true });
const text = fc.string({ maxLength: 40 }).filter((s) => Buffer.byteLength(s) <= 255);
const voip = fc.record({
  ssrc: u32,
  lossRate: fc.nat({ max: 255 }),
  discardRate: fc.nat({ max: 255 }),
  roundTripDelayMs: fc.integer({ min: 1, max: 0xffff }),
  rFactor: fc.integer({ min: 0, max: 100 }),
  mosLq: fc.integer({ min: 10, max: 50 }),
  mosCq: fc.integer({ min: 10, max: 50 }),
  jbNominal: fc.nat({ max: 0xffff }),
});

/** Every packet type the builders make, so a compound datagram reaches every sub-parser. */
const anyPacket = fc.oneof(
  fc.tuple(u32, sender, blocks).map(([ssrc, s, b]) => senderReport(ssrc, s, b)),
  fc.tuple(u32, blocks).map(([ssrc, b]) => receiverReport(ssrc, b)),
  fc.tuple(u32, blocks, fc.nat({ max: 31 })).map(([ssrc, b, count]) => receiverReport(ssrc, b, { count })), // RC that lies
  fc.tuple(u32, fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), text), { maxLength: 4 })).map(([ssrc, items]) => sdes(ssrc, items)),
  fc.tuple(fc.array(u32, { maxLength: 31 }), fc.option(text, { nil: undefined })).map(([ssrcs, reason]) => bye(ssrcs, reason)),
  fc.tuple(u32, fc.array(voip, { maxLength: 2 }), fc.array(fc.tuple(fc.nat({ max: 255 }), fc.nat({ max: 20 })), { maxLength: 3 })).map(([ssrc, v, other]) => xr(ssrc, [...v.map(voipMetricsBlock), ...other.map(([bt, words]) => xrBlock(bt, words))])),
  fc.tuple(u32, fc.nat({ max: 31 }), fc.constantFrom('-AV-', 'TEST'), fc.uint8Array({ maxLength: 64 }).map((b) => b.subarray(0, b.length - (b.length % 4)))).map(([ssrc, subtype, name, data]) => app(ssrc, subtype, name, Buffer.from(data))),
  fc.tuple(u32, fc.nat({ max: 0xffffff }), u32).map(([ssrc, rt, jb]) => app(ssrc, 4, '-AV-', avayaSubtype4({ incomingSsrc: ssrc, receivedPackets: rt, roundTripMs: rt & 0xffff, jitterBufferDelayMs: jb & 0xffff, maxJitter: jb, remoteAddress: '192.0.2.1', payloadType: 0 }))),
  fc.tuple(fc.integer({ min: 192, max: 223 }), fc.nat({ max: 31 }), fc.uint8Array({ maxLength: 40 })).map(([pt, count, body]) => packet(pt, count, Buffer.from(body.subarray(0, body.length - (body.length % 4))))),
);
const compound = fc.array(anyPacket, { minLength: 1, maxLength: 5 }).map((packets) => Buffer.concat(packets));
const datagram = fc.oneof({ weight: 3, arbitrary: mutated(compound) }, { weight: 1, arbitrary: compound }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) });

function checkResult(bytes: Uint8Array) {
  const result = parseRtcp(bytes);
  if (!result.ok) {
    assert.ok((REFUSAL_REASONS as readonly string[]).includes(result.reason), result.reason);
    return;
  }
  assert.ok(result.packets.length > 0);
  for (const reason of result.skipped) assert.ok((SKIP_REASONS as readonly string[]).includes(reason), reason);
  for (const flag of result.flags) assert.ok((PARSE_FLAGS as readonly string[]).includes(flag), flag);
}

test('fuzz: any bytes, and compound datagrams mutated (lengths lying, counts huge, cut short), parse or are refused with a documented reason', () => {
  fuzz(4000, [datagram], checkResult);
});

test('fuzz: SR and RR built from fields parse back to the same fields', () => {
  fuzz(1000, [u32, fc.option(sender, { nil: null }), blocks], (ssrc, s, b) => {
    const result = parseRtcp(s ? senderReport(ssrc, s, b) : receiverReport(ssrc, b));
    assert.ok(result.ok);
    const p = result.packets[0] as SenderReport | ReceiverReport;
    assert.equal(p.ssrc, ssrc);
    assert.deepEqual(p.reports, b);
    if (s) assert.deepEqual((p as SenderReport).sender, s);
  });
});

test('fuzz: RR + SDES + BYE + XR + APP in one datagram parse back to the same fields, with no flags', () => {
  const fields = fc.record({ ssrc: u32, b: blocks, cname: text.filter((t) => t.length > 0), byes: fc.array(u32, { minLength: 1, maxLength: 5 }), reason: text, v: voip, data: fc.uint8Array({ maxLength: 16 }) });
  fuzz(1000, [fields], (f) => {
    const data = Buffer.from(f.data.subarray(0, f.data.length - (f.data.length % 4)));
    const bytes = Buffer.concat([receiverReport(f.ssrc, f.b), sdes(f.ssrc, [[1, f.cname]]), xr(f.ssrc, [voipMetricsBlock(f.v)]), app(f.ssrc, 3, 'TEST', data), bye(f.byes, f.reason)]);
    const result = parseRtcp(bytes);
    assert.ok(result.ok);
    assert.deepEqual(result.flags, []);
    assert.deepEqual(result.skipped, []);
    const [rr, sd, x, ap, by] = result.packets as [ReceiverReport, SourceDescription, ExtendedReport, AppPacket, Goodbye];
    assert.deepEqual(rr.reports, f.b);
    assert.deepEqual(sd.chunks, [{ ssrc: f.ssrc, items: [{ type: 1, text: f.cname }] }]);
    const metrics = x.blocks[0] as VoipMetrics;
    assert.deepEqual([metrics.ssrc, metrics.lossRate, metrics.roundTripDelayMs, metrics.rFactor, metrics.mosLq, metrics.mosCq, metrics.jitterBufferNominalMs], [f.v.ssrc, f.v.lossRate, f.v.roundTripDelayMs, f.v.rFactor, f.v.mosLq / 10, f.v.mosCq / 10, f.v.jbNominal]);
    assert.deepEqual([ap.subtype, ap.name, ap.dataHex], [3, 'TEST', data.toString('hex')]);
    assert.deepEqual([by.ssrcs, by.reason], [f.byes, f.reason === '' ? null : f.reason]);
  });
});

test('fuzz: the collector counts every datagram once, refused with a documented reason or folded into streams, and flushes without error', () => {
  fuzz(200, [fc.array(fc.tuple(datagram, fc.constantFrom('192.0.2.10', '198.51.100.10', '203.0.113.5')), { minLength: 1, maxLength: 20 })], (datagrams) => {
    const fake = createFakeContext({ fleet: TEST_FLEET });
    const errors: unknown[] = [];
    fake.ctx.log = { ...fake.ctx.log, error: (...args: unknown[]) => void errors.push(args) } as typeof fake.ctx.log;
    const collector = createRtcpCollector(rtcpConfigSchema.parse({ enabled: true, maxStreams: 8 }), fake.ctx);
    let refusedByParser = 0;
    for (const [bytes, from] of datagrams) {
      if (!parseRtcp(bytes).ok) refusedByParser++;
      bounded(() => collector.handle(Buffer.from(bytes), from));
      fake.advance(1000);
    }
    bounded(() => collector.flush());
    assert.equal(fake.counters.received, datagrams.length);
    assert.equal(total(fake.counters.refused), refusedByParser, 'exactly the datagrams the parser refuses are counted as refused');
    for (const reason of Object.keys(fake.counters.refused)) assert.ok((REFUSAL_REASONS as readonly string[]).includes(reason), `refusal reason "${reason}" (internal-error is a bug)`);
    assert.deepEqual(errors, [], 'no datagram or flush failed');
    for (const event of fake.events) JSON.stringify(event);
  }, { maxRuns: 5000 });
});
