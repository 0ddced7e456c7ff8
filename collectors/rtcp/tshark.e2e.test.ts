import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { parseRtcp } from './parse-compound.js';
import type { ParseResult } from './parse-result.js';
import type { AppPacket, ExtendedReport, Feedback, Goodbye, ReceiverReport, SenderReport, SourceDescription, VoipMetrics } from './rtcp-packet.js';
import { app, avayaSubtype4, bye, packet, receiverReport, sdes, senderReport, voipMetricsBlock, xr, xrBlock } from './testdata/build-rtcp.js';
import { field, hex32, tsharkDecode, type TsharkFrame } from './testdata/tshark.js';

/** Hand-built datagrams (what real tools on Debian cannot send), each decoded by us and by tshark's RTCP dissector. */
const CASES = {
  compound: Buffer.concat([
    receiverReport(0x11, [{ ssrc: 0x22, fractionLost: 5, cumulativeLost: -3, extendedHighestSeq: 70000, jitter: 160, lsr: 0x12345678, dlsr: 65536 }]),
    sdes(0x11, [[1, 'anna@10.0.0.51'], [6, 'Avaya 9611G']]),
    xr(0x11, [voipMetricsBlock({ ssrc: 0x22, lossRate: 12, discardRate: 3, burstDensity: 40, gapDensity: 2, burstDurationMs: 60, gapDurationMs: 3000, roundTripDelayMs: 180, endSystemDelayMs: 60, signalLevel: -20, noiseLevel: -60, rFactor: 82, mosLq: 38, mosCq: 36, rxConfig: 0xf3, jbNominal: 60, jbMax: 120, jbAbsMax: 240 })]),
    app(0x11, 4, '-AV-', avayaSubtype4({ incomingSsrc: 0x22, receivedPackets: 500, roundTripMs: 42, jitterBufferDelayMs: 60, maxJitter: 7, remoteAddress: '10.1.2.3', payloadType: 18 })),
  ]),
  senderAndBye: Buffer.concat([
    senderReport(0x31, { ntpSeconds: 0xeeababa8, ntpFraction: 0xa6e978d4, rtpTimestamp: 0x7e3cb7f4, packetCount: 40, octetCount: 40960 }, [{ ssrc: 0x41, fractionLost: 1, cumulativeLost: 2, jitter: 3 }, { ssrc: 0x42, fractionLost: 4 }]),
    bye([0x31, 0x32], 'Adjo'),
  ]),
  paddedLast: Buffer.concat([sdes(5, [[1, 'x@y']]), packet(201, 0, Buffer.from('00000005', 'hex'), { pad: 8 })]),
  reducedSizePli: packet(206, 1, Buffer.from('0000000100000002', 'hex')),
  reducedSizeXr: xr(5, [xrBlock(42, 2), voipMetricsBlock({ ssrc: 6, mosLq: 9, rFactor: 101 })]),
  truncated: receiverReport(1, [{ ssrc: 2 }]).subarray(0, 20),
  countTooLarge: receiverReport(1, [{ ssrc: 2, fractionLost: 9 }], { count: 5 }),
  unknownType: Buffer.concat([receiverReport(1), packet(210, 0, Buffer.alloc(4))]),
  badPadding: (() => {
    const b = Buffer.from(packet(201, 0, Buffer.from('00000005', 'hex'), { pad: 4 }));
    b[b.length - 1] = 40;
    return b;
  })(),
  srtcp: Buffer.concat([Buffer.from('80cc0003c39d03f6', 'hex'), Buffer.from('9f3a11c2e4b07d55', 'hex'), Buffer.from('80000001', 'hex'), Buffer.alloc(10, 0xab)]),
  xrBlockOverrun: (() => {
    const overrun = Buffer.from(xrBlock(7, 8));
    overrun.writeUInt16BE(20, 2);
    return xr(1, [xrBlock(7, 2), overrun]);
  })(),
};
type CaseName = keyof typeof CASES;

const decoded = new Map<CaseName, TsharkFrame>();
const ours = (name: CaseName): ParseResult => parseRtcp(CASES[name]);
const ok = (name: CaseName) => {
  const result = ours(name);
  assert.ok(result.ok, `${name} refused: ${JSON.stringify(result)}`);
  return result;
};
const theirs = (name: CaseName) => decoded.get(name)!;

describe('the parser against tshark\'s RTCP dissector', () => {
  before(async () => {
    const dir = makeTempDir('ipo-rtcp-tshark-');
    try {
      const frames = await tsharkDecode(Object.values(CASES), dir.path);
      Object.keys(CASES).forEach((name, i) => decoded.set(name as CaseName, frames[i]!));
    } finally {
      dir.remove();
    }
  });

  it('RR (negative cumulative loss, DLSR) + SDES + XR VoIP Metrics + Avaya -AV-: every field the same', () => {
    const [rr, sd, report, av] = ok('compound').packets as [ReceiverReport, SourceDescription, ExtendedReport, AppPacket];
    const [tRr, tSd, tXr, tApp] = theirs('compound').packets;
    const block = rr.reports[0]!;
    assert.deepEqual(
      [hex32(rr.ssrc), hex32(block.ssrc), block.fractionLost, block.cumulativeLost, block.extendedHighestSeq, block.jitter, block.lsr, block.dlsr].map(String),
      ['rtcp.senderssrc', 'rtcp.ssrc.identifier', 'rtcp.ssrc.fraction', 'rtcp.ssrc.cum_nr', 'rtcp.ssrc.ext_high', 'rtcp.ssrc.jitter', 'rtcp.ssrc.lsr', 'rtcp.ssrc.dlsr'].map((f) => field(tRr, f)),
    );
    assert.deepEqual(sd.chunks[0]!.items.map((i) => i.text), tSd!.fields.get('rtcp.sdes.text'));

    const vm = report.blocks[0] as VoipMetrics;
    const unavailable = (v: number | null) => (v === null ? '127' : String(v));
    assert.deepEqual(
      [hex32(vm.ssrc), vm.lossRate, vm.discardRate, vm.burstDensity, vm.gapDensity, vm.burstDurationMs, vm.gapDurationMs, vm.roundTripDelayMs, vm.endSystemDelayMs, vm.signalLevelDbm, vm.noiseLevelDbm, unavailable(vm.rerlDb), vm.gmin, vm.rFactor, unavailable(vm.extRFactor), vm.mosLq, vm.mosCq, vm.plc, vm.jitterBufferAdaptive, vm.jitterBufferRate, vm.jitterBufferNominalMs, vm.jitterBufferMaxMs, vm.jitterBufferAbsMaxMs].map(String),
      ['rtcp.ssrc.identifier', 'rtcp.ssrc.fraction', 'rtcp.ssrc.discarded', 'rtcp.xr.voipmetrics.burstdensity', 'rtcp.xr.voipmetrics.gapdensity', 'rtcp.xr.voipmetrics.burstduration', 'rtcp.xr.voipmetrics.gapduration', 'rtcp.xr.voipmetrics.rtdelay', 'rtcp.xr.voipmetrics.esdelay', 'rtcp.xr.voipmetrics.signallevel', 'rtcp.xr.voipmetrics.noiselevel', 'rtcp.xr.voipmetrics.rerl', 'rtcp.xr.voipmetrics.gmin', 'rtcp.xr.voipmetrics.rfactor', 'rtcp.xr.voipmetrics.extrfactor', 'rtcp.xr.voipmetrics.moslq', 'rtcp.xr.voipmetrics.moscq', 'rtcp.xr.voipmetrics.plc', 'rtcp.xr.voipmetrics.jba', 'rtcp.xr.voipmetrics.jbrate', 'rtcp.xr.voipmetrics.jbnominal', 'rtcp.xr.voipmetrics.jbmax', 'rtcp.xr.voipmetrics.jbabsmax'].map((f) => field(tXr, f)),
    );
    // Wireshark has no -AV- dissector: it shows subtype, name and raw data, which is what we keep raw.
    assert.deepEqual([String(av.subtype), av.name, av.dataHex], [field(tApp, 'rtcp.app.subtype'), field(tApp, 'rtcp.app.name'), field(tApp, 'rtcp.app.data').replaceAll(':', '')]);
    assert.equal(theirs('compound').malformed, false);
  });

  it('SR with two report blocks + BYE with reason', () => {
    const [sr, goodbye] = ok('senderAndBye').packets as [SenderReport, Goodbye];
    const [tSr, tBye] = theirs('senderAndBye').packets;
    assert.deepEqual(
      [sr.sender.ntpSeconds, sr.sender.ntpFraction, sr.sender.rtpTimestamp, sr.sender.packetCount, sr.sender.octetCount].map(String),
      ['rtcp.timestamp.ntp.msw', 'rtcp.timestamp.ntp.lsw', 'rtcp.timestamp.rtp', 'rtcp.sender.packetcount', 'rtcp.sender.octetcount'].map((f) => field(tSr, f)),
    );
    assert.deepEqual(sr.reports.map((b) => hex32(b.ssrc)), tSr!.fields.get('rtcp.ssrc.identifier'));
    assert.deepEqual(sr.reports.map((b) => String(b.fractionLost)), tSr!.fields.get('rtcp.ssrc.fraction'));
    assert.deepEqual(goodbye.ssrcs.map(hex32), tBye!.fields.get('rtcp.ssrc.identifier'));
    assert.equal(goodbye.reason, field(tBye, 'rtcp.sdes.text'));
  });

  it('padding on the last packet: same header as tshark; we remove the pad bytes, tshark 4.0 reads them as content', () => {
    const result = ok('paddedLast');
    assert.deepEqual(result.packets[1], { type: 'rr', ssrc: 5, reports: [] });
    assert.deepEqual(result.flags, ['reduced-size'], 'SDES first: not an RFC 3550 compound, and no padding complaint');
    const tRr = theirs('paddedLast').packets[1];
    assert.deepEqual([field(tRr, 'rtcp.padding'), field(tRr, 'rtcp.senderssrc'), field(tRr, 'rtcp.length')], ['1', hex32(5), '3']);
    // Wireshark 4.0 does not strip RFC 3550 padding from an RR: the 8 pad bytes become a "profile-specific extension".
    assert.ok(tRr!.fields.has('rtcp.profile-specific-extension.type'));
  });

  it('reduced-size RTCP (RFC 5506): a lone PLI, a lone XR; out-of-range MOS and R are not believed', () => {
    const pli = ok('reducedSizePli');
    const [tPli] = theirs('reducedSizePli').packets;
    const fb = pli.packets[0] as Feedback;
    assert.deepEqual([String(206), String(fb.fmt), hex32(fb.senderSsrc), hex32(fb.mediaSsrc)], [field(tPli, 'rtcp.pt'), field(tPli, 'rtcp.psfb.fmt'), field(tPli, 'rtcp.senderssrc'), field(tPli, 'rtcp.mediassrc')]);
    assert.deepEqual(pli.flags, ['reduced-size']);

    const lone = ok('reducedSizeXr');
    const [tXr] = theirs('reducedSizeXr').packets;
    const blocks = (lone.packets[0] as ExtendedReport).blocks;
    assert.deepEqual(blocks.map((b) => String(b.blockType)), tXr!.fields.get('rtcp.xr.bt'));
    // tshark prints MOS-LQ 9 as "0.9" and R 101 as is; we read both as unknown and flag them.
    assert.deepEqual([field(tXr, 'rtcp.xr.voipmetrics.moslq'), field(tXr, 'rtcp.xr.voipmetrics.rfactor')], ['0.9', '101']);
    assert.deepEqual([(blocks[1] as VoipMetrics).mosLq, (blocks[1] as VoipMetrics).rFactor], [null, null]);
    assert.deepEqual(lone.flags.sort(), ['reduced-size', 'xr-out-of-range']);
  });

  it('length mismatches: tshark calls them malformed; we refuse a lone truncated packet and clamp a count', () => {
    assert.equal(theirs('truncated').malformed, true);
    assert.deepEqual(ours('truncated'), { ok: false, reason: 'truncated' });

    assert.equal(theirs('countTooLarge').malformed, true);
    const clamped = ok('countTooLarge');
    assert.ok(clamped.flags.includes('rc-clamped'));
    const [tRr] = theirs('countTooLarge').packets;
    assert.deepEqual((clamped.packets[0] as ReceiverReport).reports.map((b) => [hex32(b.ssrc), String(b.fractionLost)]), [[field(tRr, 'rtcp.ssrc.identifier'), field(tRr, 'rtcp.ssrc.fraction')]]);

    assert.equal(theirs('badPadding').malformed, true);
    assert.deepEqual(ours('badPadding'), { ok: false, reason: 'no-usable-packet' });

    assert.equal(theirs('xrBlockOverrun').malformed, true);
    assert.ok(theirs('xrBlockOverrun').packets[0]!.experts.includes('Invalid block length, should be 8'));
    assert.deepEqual(ok('xrBlockOverrun').flags.sort(), ['reduced-size', 'xr-bad-voip-length', 'xr-block-overrun']);
  });

  it('a packet type we do not read is skipped by its length; the packets around it are kept', () => {
    const [tRr, tOther] = theirs('unknownType').packets;
    assert.deepEqual([field(tRr, 'rtcp.pt'), field(tOther, 'rtcp.pt')], ['201', '210']);
    const result = ok('unknownType');
    assert.deepEqual([result.packets.map((p) => p.type), result.skipped], [['rr'], ['unknown-type']]);
  });

  it('encrypted SRTCP: tshark, without keys, finds no valid APP in it; we refuse it as srtcp without reading it', () => {
    assert.ok(theirs('srtcp').packets[0]!.experts.includes('Application name is not a string'));
    assert.deepEqual(ours('srtcp'), { ok: false, reason: 'srtcp' });
  });
});
