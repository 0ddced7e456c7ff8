import type { ParseFlag, PacketResult } from './parse-result.js';
import type { ReportBlock } from './rtcp-packet.js';

const REPORT_BLOCK_BYTES = 24;
const SENDER_INFO_BYTES = 20;

/** One packet's bytes after its 4-byte header, padding removed, and the 5-bit count field. */
export interface PacketBody {
  bytes: Buffer;
  start: number;
  end: number;
  count: number;
}

/** SR (RFC 3550 §6.4.1): SSRC, sender info, RC report blocks; RC is clamped to what the length holds. */
export function parseSenderReport({ bytes, start, end, count }: PacketBody, flags: Set<ParseFlag>): PacketResult {
  if (end - start < 4 + SENDER_INFO_BYTES) return { skip: 'malformed-sr' };
  const sender = {
    ntpSeconds: bytes.readUInt32BE(start + 4),
    ntpFraction: bytes.readUInt32BE(start + 8),
    rtpTimestamp: bytes.readUInt32BE(start + 12),
    packetCount: bytes.readUInt32BE(start + 16),
    octetCount: bytes.readUInt32BE(start + 20),
  };
  const reports = reportBlocks(bytes, start + 4 + SENDER_INFO_BYTES, end, count, flags);
  return { packet: { type: 'sr', ssrc: bytes.readUInt32BE(start), sender, reports } };
}

/** RR (RFC 3550 §6.4.2): SSRC and RC report blocks (RC 0 is the "empty RR"). */
export function parseReceiverReport({ bytes, start, end, count }: PacketBody, flags: Set<ParseFlag>): PacketResult {
  if (end - start < 4) return { skip: 'malformed-rr' };
  return { packet: { type: 'rr', ssrc: bytes.readUInt32BE(start), reports: reportBlocks(bytes, start + 4, end, count, flags) } };
}

function reportBlocks(bytes: Buffer, from: number, end: number, count: number, flags: Set<ParseFlag>): ReportBlock[] {
  const fits = Math.floor((end - from) / REPORT_BLOCK_BYTES);
  if (count > fits) flags.add('rc-clamped');
  const blocks: ReportBlock[] = [];
  // Bytes after the blocks are a profile-specific extension (RFC 3550 §6.4.1): ignored.
  for (let i = 0, at = from; i < Math.min(count, fits); i++, at += REPORT_BLOCK_BYTES) {
    const lost = bytes.readUIntBE(at + 5, 3);
    blocks.push({
      ssrc: bytes.readUInt32BE(at),
      fractionLost: bytes[at + 4]!,
      cumulativeLost: lost & 0x800000 ? lost - 0x1000000 : lost,
      extendedHighestSeq: bytes.readUInt32BE(at + 8),
      jitter: bytes.readUInt32BE(at + 12),
      lsr: bytes.readUInt32BE(at + 16),
      dlsr: bytes.readUInt32BE(at + 20),
    });
  }
  return blocks;
}

/** SDES (RFC 3550 §6.5): chunks of items; a chunk that runs past the packet keeps what was read. */
export function parseSourceDescription({ bytes, start, end, count }: PacketBody, flags: Set<ParseFlag>): PacketResult {
  const chunks: Array<{ ssrc: number; items: Array<{ type: number; text: string }> }> = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (end - at < 4) {
      flags.add('sdes-truncated');
      break;
    }
    const chunk = { ssrc: bytes.readUInt32BE(at), items: [] as Array<{ type: number; text: string }> };
    chunks.push(chunk);
    at += 4;
    let ended = false;
    while (at < end) {
      const type = bytes[at]!;
      if (type === 0) {
        ended = true;
        at += 1;
        break;
      }
      if (at + 2 > end) break;
      const length = bytes[at + 1]!;
      if (at + 2 + length > end) break;
      chunk.items.push({ type, text: bytes.toString('utf8', at + 2, at + 2 + length) });
      at += 2 + length;
    }
    if (!ended) {
      flags.add('sdes-truncated');
      break;
    }
    at = start + Math.ceil((at - start) / 4) * 4; // chunks start on a 32-bit boundary
  }
  if (chunks.length === 0 && count > 0) return { skip: 'malformed-sdes' };
  return { packet: { type: 'sdes', chunks } };
}

/** BYE (RFC 3550 §6.6): SC SSRCs and an optional reason. */
export function parseGoodbye({ bytes, start, end, count }: PacketBody, flags: Set<ParseFlag>): PacketResult {
  const fits = Math.floor((end - start) / 4);
  if (count > fits) flags.add('sc-clamped');
  const n = Math.min(count, fits);
  if (n === 0 && count > 0) return { skip: 'malformed-bye' };
  const ssrcs: number[] = [];
  for (let i = 0; i < n; i++) ssrcs.push(bytes.readUInt32BE(start + 4 * i));
  let reason: string | null = null;
  const at = start + 4 * n;
  if (at < end) {
    const length = bytes[at]!;
    if (length > 0 && at + 1 + length <= end) reason = bytes.toString('utf8', at + 1, at + 1 + length);
  }
  return { packet: { type: 'bye', ssrcs, reason } };
}

/** RTPFB / PSFB (RFC 4585): sender and media SSRC; the FCI is not needed for quality. */
export function parseFeedback(type: 'rtpfb' | 'psfb', { bytes, start, end, count }: PacketBody): PacketResult {
  if (end - start < 8) return { skip: 'malformed-feedback' };
  return { packet: { type, fmt: count, senderSsrc: bytes.readUInt32BE(start), mediaSsrc: bytes.readUInt32BE(start + 4) } };
}
