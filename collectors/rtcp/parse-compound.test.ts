import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRtcp } from './parse-compound.js';
import type { ParseResult } from './parse-result.js';
import type { AppPacket, ExtendedReport, ReceiverReport, SenderReport, SourceDescription, VoipMetrics } from './rtcp-packet.js';
import { app, avayaSubtype4, bye, packet, receiverReport, sdes, senderReport, voipMetricsBlock, xr, xrBlock } from './testdata/build-rtcp.js';

/** Captured on loopback from GStreamer 1.22 rtpbin (receiver side, netsim loss upstream): RR + SDES CNAME/TOOL. */
const GSTREAMER_RR =
  '81c900070cca6b037cceb18b0d00000700006c880000013eab744fed000097e281ca000b0cca6b03011a7573657238373939383134303740686f73742d3235663332643506094753747265616d657200';
/** Captured from ffmpeg 5.1 (-f rtp, PCMU): a lone SR, no SDES. */
const FFMPEG_SR = '80c8000690cee183eeababa8a6e978d47e3cb7f4000000280000a000';

function ok(result: ParseResult) {
  assert.ok(result.ok, `refused: ${JSON.stringify(result)}`);
  return result;
}

describe('parseRtcp', () => {
  it('reads a real GStreamer receiver report with its SDES (CNAME, TOOL)', () => {
    const result = ok(parseRtcp(Buffer.from(GSTREAMER_RR, 'hex')));
    assert.deepEqual(result.flags, []);
    const [rr, sd] = result.packets as [ReceiverReport, SourceDescription];
    assert.equal(rr.ssrc, 0x0cca6b03);
    assert.deepEqual(rr.reports, [{ ssrc: 0x7cceb18b, fractionLost: 13, cumulativeLost: 7, extendedHighestSeq: 0x6c88, jitter: 318, lsr: 0xab744fed, dlsr: 0x97e2 }]);
    assert.equal(sd.chunks[0]!.items[0]!.text, 'user879981407@host-25f32d5');
    assert.deepEqual(sd.chunks[0]!.items[1], { type: 6, text: 'GStreamer' });
  });

  it('accepts ffmpeg\'s lone SR and flags it as without CNAME', () => {
    const result = ok(parseRtcp(Buffer.from(FFMPEG_SR, 'hex')));
    assert.deepEqual(result.flags, ['no-cname']);
    const sr = result.packets[0] as SenderReport;
    assert.deepEqual(sr.sender, { ntpSeconds: 0xeeababa8, ntpFraction: 0xa6e978d4, rtpTimestamp: 0x7e3cb7f4, packetCount: 40, octetCount: 40960 });
    assert.deepEqual(sr.reports, []);
  });

  it('reads a negative cumulative loss (duplicates) as signed 24 bit', () => {
    const rr = ok(parseRtcp(receiverReport(1, [{ ssrc: 2, cumulativeLost: -3 }]))).packets[0] as ReceiverReport;
    assert.equal(rr.reports[0]!.cumulativeLost, -3);
  });

  it('accepts an empty RR, SR with report blocks, BYE with reason, APP, in one compound', () => {
    const datagram = Buffer.concat([
      senderReport(10, { ntpSeconds: 1, rtpTimestamp: 2, packetCount: 3, octetCount: 4 }, [{ ssrc: 20, fractionLost: 5 }]),
      receiverReport(11),
      sdes(10, [[1, 'a@b']]),
      app(10, 1, 'PING', Buffer.alloc(4)),
      bye([10, 11], 'Adjo'),
    ]);
    const result = ok(parseRtcp(datagram));
    assert.deepEqual(result.packets.map((p) => p.type), ['sr', 'rr', 'sdes', 'app', 'bye']);
    assert.deepEqual(result.flags, []);
    assert.deepEqual(result.packets[4], { type: 'bye', ssrcs: [10, 11], reason: 'Adjo' });
    assert.equal((result.packets[0] as SenderReport).reports[0]!.fractionLost, 5);
  });

  it('decodes XR VoIP Metrics, with 127 sentinels as null, and skips unknown block types by length', () => {
    const block = voipMetricsBlock({ ssrc: 0x22, lossRate: 12, discardRate: 3, roundTripDelayMs: 180, endSystemDelayMs: 60, signalLevel: -20, noiseLevel: -60, rFactor: 82, mosLq: 38, mosCq: 36, rxConfig: 0xf3, jbNominal: 60, jbMax: 120, jbAbsMax: 240 });
    const result = ok(parseRtcp(Buffer.concat([receiverReport(0x11), xr(0x11, [xrBlock(42, 3), block])])));
    const report = result.packets[1] as ExtendedReport;
    assert.deepEqual(report.blocks[0], { blockType: 42, words: 3 });
    const vm = report.blocks[1] as VoipMetrics;
    assert.deepEqual(
      [vm.ssrc, vm.lossRate, vm.discardRate, vm.roundTripDelayMs, vm.endSystemDelayMs, vm.signalLevelDbm, vm.noiseLevelDbm, vm.rerlDb, vm.rFactor, vm.extRFactor, vm.mosLq, vm.mosCq],
      [0x22, 12, 3, 180, 60, -20, -60, null, 82, null, 3.8, 3.6],
    );
    assert.deepEqual([vm.plc, vm.jitterBufferAdaptive, vm.jitterBufferRate, vm.jitterBufferNominalMs, vm.jitterBufferMaxMs, vm.jitterBufferAbsMaxMs], [3, 3, 3, 60, 120, 240]);
    assert.deepEqual(result.flags, ['no-cname']);
  });

  it('nulls MOS outside 1.0–5.0 and R over 100, and flags them', () => {
    const result = ok(parseRtcp(xr(1, [voipMetricsBlock({ ssrc: 2, mosLq: 9, mosCq: 51, rFactor: 101 })])));
    const vm = (result.packets[0] as ExtendedReport).blocks[0] as VoipMetrics;
    assert.deepEqual([vm.mosLq, vm.mosCq, vm.rFactor], [null, null, null]);
    assert.ok(result.flags.includes('xr-out-of-range'));
  });

  it('keeps the XR blocks before one that runs past the packet, and a BT 7 of the wrong length as an unknown block', () => {
    const overrun = Buffer.from(xrBlock(7, 8));
    overrun.writeUInt16BE(20, 2);
    const result = ok(parseRtcp(xr(1, [xrBlock(7, 2), overrun])));
    assert.deepEqual((result.packets[0] as ExtendedReport).blocks, [{ blockType: 7, words: 2 }]);
    assert.deepEqual(result.flags.sort(), ['reduced-size', 'xr-bad-voip-length', 'xr-block-overrun']);
  });

  it('decodes Avaya -AV- subtype 4 and keeps other subtypes raw', () => {
    const data = avayaSubtype4({ incomingSsrc: 0x33, receivedPackets: 500, roundTripMs: 42, jitterBufferDelayMs: 60, maxJitter: 7, remoteAddress: '10.1.2.3', payloadType: 18 });
    const result = ok(parseRtcp(Buffer.concat([receiverReport(1), app(1, 4, '-AV-', data), app(1, 9, '-AV-', Buffer.from('00112233', 'hex'))])));
    const [, av4, av9] = result.packets as [unknown, AppPacket, AppPacket];
    assert.equal(av4.subtype, 4);
    assert.equal(av4.dataHex, data.toString('hex'));
    assert.deepEqual(av4.avaya && av4.avaya.subtype === 4 && [av4.avaya.incomingSsrc, av4.avaya.roundTripMs, av4.avaya.remoteAddress, av4.avaya.payloadType, av4.avaya.maxJitter], [0x33, 42, '10.1.2.3', 18, 7]);
    assert.deepEqual([av9.subtype, av9.name, av9.dataHex, av9.avaya], [9, '-AV-', '00112233', null]);
  });

  it('accepts reduced-size RTCP (RFC 5506): a lone feedback packet or a lone APP', () => {
    const pli = packet(206, 1, Buffer.from('0000000100000002', 'hex'));
    const result = ok(parseRtcp(pli));
    assert.deepEqual(result.packets, [{ type: 'psfb', fmt: 1, senderSsrc: 1, mediaSsrc: 2 }]);
    assert.deepEqual(result.flags, ['reduced-size']);
    assert.deepEqual(ok(parseRtcp(app(7, 0, 'PING', Buffer.alloc(0)))).flags, ['reduced-size']);
  });

  it('removes padding, flags padding before the last packet, and skips a packet with an impossible pad count', () => {
    const padded = packet(201, 0, Buffer.from('00000005', 'hex'), { pad: 4 });
    const result = ok(parseRtcp(Buffer.concat([padded, sdes(5, [[1, 'x']])])));
    assert.deepEqual(result.packets[0], { type: 'rr', ssrc: 5, reports: [] });
    assert.deepEqual(result.flags, ['padding-not-last']);
    const bad = Buffer.from(packet(201, 0, Buffer.from('00000005', 'hex'), { pad: 4 }));
    bad[bad.length - 1] = 40;
    const refused = parseRtcp(bad);
    assert.deepEqual(refused, { ok: false, reason: 'no-usable-packet' });
    const zeroPad = Buffer.concat([receiverReport(1), bad]);
    zeroPad[zeroPad.length - 1] = 0;
    assert.deepEqual(ok(parseRtcp(zeroPad)).skipped, ['bad-padding']);
  });

  it('clamps a report count larger than the packet holds', () => {
    const result = ok(parseRtcp(receiverReport(1, [{ ssrc: 2 }], { count: 5 })));
    assert.equal((result.packets[0] as ReceiverReport).reports.length, 1);
    assert.deepEqual(result.flags.sort(), ['no-cname', 'rc-clamped']);
  });

  it('skips unknown packet types by their length and keeps the rest', () => {
    const result = ok(parseRtcp(Buffer.concat([receiverReport(1), packet(195, 0, Buffer.alloc(8)), packet(210, 0, Buffer.alloc(4)), sdes(1, [[1, 'c']])])));
    assert.deepEqual(result.packets.map((p) => p.type), ['rr', 'sdes']);
    assert.deepEqual(result.skipped, ['unknown-type', 'unknown-type']);
  });

  it('keeps the packets before a truncated one, refuses a datagram that is only a truncated packet', () => {
    const truncated = Buffer.concat([receiverReport(1), sdes(1, [[1, 'c']]).subarray(0, 8)]);
    const result = ok(parseRtcp(truncated));
    assert.deepEqual(result.packets.map((p) => p.type), ['rr']);
    assert.deepEqual(result.skipped, ['truncated']);
    assert.deepEqual(parseRtcp(receiverReport(1, [{ ssrc: 2 }]).subarray(0, 20)), { ok: false, reason: 'truncated' });
  });

  it('flags trailing bytes that are not a packet', () => {
    const result = ok(parseRtcp(Buffer.concat([receiverReport(1), Buffer.from('deadbeef', 'hex')])));
    assert.deepEqual(result.flags.sort(), ['no-cname', 'trailing-bytes']);
  });

  it('refuses encrypted SRTCP (baresip mediaenc=srtp-mand shape) without reading its ciphertext', () => {
    const srtcp = Buffer.concat([Buffer.from('80cc0003c39d03f6', 'hex'), Buffer.from('9f3a11c2e4b07d55', 'hex'), Buffer.from('80000001', 'hex'), Buffer.alloc(10, 0xab)]);
    assert.deepEqual(parseRtcp(srtcp), { ok: false, reason: 'srtcp' });
    const compound = Buffer.concat([senderReport(9, { ntpSeconds: 1, rtpTimestamp: 1, packetCount: 1, octetCount: 1 }).subarray(0, 8), Buffer.alloc(40, 0x5a), Buffer.from('80000007', 'hex'), Buffer.alloc(10, 1)]);
    compound.writeUInt16BE(6, 2);
    assert.deepEqual(parseRtcp(compound), { ok: false, reason: 'srtcp' });
  });

  it('parses SRTCP sent unencrypted (E = 0) and flags it', () => {
    const datagram = Buffer.concat([receiverReport(1, [{ ssrc: 2 }]), sdes(1, [[1, 'c']]), Buffer.from('00000002', 'hex'), Buffer.alloc(10, 7)]);
    const result = ok(parseRtcp(datagram));
    assert.deepEqual(result.packets.map((p) => p.type), ['rr', 'sdes']);
    assert.deepEqual(result.flags, ['srtcp-unencrypted']);
  });

  it('refuses what is not RTCP: too short, wrong version, RTP, STUN', () => {
    assert.deepEqual(parseRtcp(Buffer.alloc(4)), { ok: false, reason: 'too-short' });
    assert.deepEqual(parseRtcp(Buffer.from('40c9000100000001', 'hex')), { ok: false, reason: 'bad-version' });
    assert.deepEqual(parseRtcp(Buffer.from('8000000100000001000000020000000300000004', 'hex')), { ok: false, reason: 'not-rtcp' });
    assert.deepEqual(parseRtcp(Buffer.from('000100002112a442000000000000000000000000', 'hex')), { ok: false, reason: 'bad-version' });
  });

  it('never throws on random bytes', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 5000; i++) {
      const bytes = Buffer.alloc(Math.floor(random() * 120));
      for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
      if (bytes.length > 1) {
        bytes[0] = 0x80 | (bytes[0]! & 0x3f);
        bytes[1] = 192 + (bytes[1]! % 32);
      }
      const result = parseRtcp(bytes);
      assert.equal(typeof result.ok, 'boolean');
    }
  });
});
