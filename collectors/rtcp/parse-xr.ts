import type { PacketBody } from './parse-reports.js';
import type { ParseFlag, PacketResult } from './parse-result.js';
import type { Dlrr, ReceiverReferenceTime, VoipMetrics, XrBlock } from './rtcp-packet.js';

const UNAVAILABLE = 127;
const VOIP_METRICS_WORDS = 8;

/** XR (RFC 3611): the sender's SSRC, then report blocks; unknown block types are skipped by their length. */
export function parseExtendedReport({ bytes, start, end }: PacketBody, flags: Set<ParseFlag>): PacketResult {
  if (end - start < 4) return { skip: 'malformed-xr' };
  const blocks: XrBlock[] = [];
  let at = start + 4;
  while (end - at >= 4) {
    const blockType = bytes[at]!;
    const words = bytes.readUInt16BE(at + 2);
    const next = at + 4 + 4 * words;
    if (next > end) {
      flags.add('xr-block-overrun');
      break;
    }
    blocks.push(readBlock(bytes, at, blockType, words, flags));
    at = next;
  }
  return { packet: { type: 'xr', ssrc: bytes.readUInt32BE(start), blocks } };
}

function readBlock(bytes: Buffer, at: number, blockType: number, words: number, flags: Set<ParseFlag>): XrBlock {
  if (blockType === 7) {
    if (words === VOIP_METRICS_WORDS) return voipMetrics(bytes, at + 4, flags);
    flags.add('xr-bad-voip-length');
  }
  if (blockType === 4 && words === 2) {
    return { blockType: 4, ntpSeconds: bytes.readUInt32BE(at + 4), ntpFraction: bytes.readUInt32BE(at + 8) } satisfies ReceiverReferenceTime;
  }
  if (blockType === 5 && words % 3 === 0) {
    const subBlocks: Dlrr['subBlocks'] = [];
    for (let i = 0; i < words / 3; i++) {
      const s = at + 4 + 12 * i;
      subBlocks.push({ ssrc: bytes.readUInt32BE(s), lrr: bytes.readUInt32BE(s + 4), dlrr: bytes.readUInt32BE(s + 8) });
    }
    return { blockType: 5, subBlocks } satisfies Dlrr;
  }
  return { blockType, words };
}

/** RFC 3611 §4.7, 32 bytes after the block header; sentinels and out-of-range values become null. */
function voipMetrics(bytes: Buffer, at: number, flags: Set<ParseFlag>): VoipMetrics {
  const signed = (v: number) => (v > 127 ? v - 256 : v);
  const optional = (v: number) => (v === UNAVAILABLE ? null : v);
  const ranged = (v: number, min: number, max: number) => {
    if (v === UNAVAILABLE) return null;
    if (v < min || v > max) {
      flags.add('xr-out-of-range');
      return null;
    }
    return v;
  };
  const mos = (v: number) => {
    const m = ranged(v, 10, 50);
    return m === null ? null : m / 10;
  };
  const rx = bytes[at + 24]!;
  const nonZero = (v: number) => (v === 0 ? null : v);
  return {
    blockType: 7,
    ssrc: bytes.readUInt32BE(at),
    lossRate: bytes[at + 4]!,
    discardRate: bytes[at + 5]!,
    burstDensity: bytes[at + 6]!,
    gapDensity: bytes[at + 7]!,
    burstDurationMs: bytes.readUInt16BE(at + 8),
    gapDurationMs: bytes.readUInt16BE(at + 10),
    roundTripDelayMs: nonZero(bytes.readUInt16BE(at + 12)),
    endSystemDelayMs: nonZero(bytes.readUInt16BE(at + 14)),
    signalLevelDbm: optional(signed(bytes[at + 16]!)),
    noiseLevelDbm: optional(signed(bytes[at + 17]!)),
    rerlDb: optional(bytes[at + 18]!),
    gmin: bytes[at + 19]!,
    rFactor: ranged(bytes[at + 20]!, 0, 100),
    extRFactor: ranged(bytes[at + 21]!, 0, 100),
    mosLq: mos(bytes[at + 22]!),
    mosCq: mos(bytes[at + 23]!),
    plc: rx >> 6,
    jitterBufferAdaptive: (rx >> 4) & 0x3,
    jitterBufferRate: rx & 0xf,
    jitterBufferNominalMs: bytes.readUInt16BE(at + 26),
    jitterBufferMaxMs: bytes.readUInt16BE(at + 28),
    jitterBufferAbsMaxMs: bytes.readUInt16BE(at + 30),
  };
}
