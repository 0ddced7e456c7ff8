import { parseApp } from './parse-app.js';
import { parseFeedback, parseGoodbye, parseReceiverReport, parseSenderReport, parseSourceDescription, type PacketBody } from './parse-reports.js';
import type { PacketResult, ParseFlag, ParseResult, SkipReason } from './parse-result.js';
import { parseExtendedReport } from './parse-xr.js';
import { PT, type RtcpPacket } from './rtcp-packet.js';

/** RFC 5761 §4: on a shared port, a second octet of 192…223 is RTCP; anything else is RTP, STUN or DTLS. */
const RTCP_PT_MIN = 192;
const RTCP_PT_MAX = 223;
/** RFC 3711 §3.4 trailer: E flag + 31-bit index, then the authentication tag (80 or 32 bits; no MKI assumed). */
const SRTCP_TAG_BYTES = [10, 4] as const;
const SDES_CNAME = 1;

interface Frame {
  pt: number;
  count: number;
  start: number;
  /** End of the packet including padding. */
  end: number;
  padded: boolean;
}

/**
 * Bytes of one UDP datagram → the RTCP packets in it, or a coded refusal. Pure;
 * never throws. The headers are walked first, so encrypted SRTCP is recognised
 * before any of its ciphertext is read as measurements.
 */
export function parseRtcp(datagram: Uint8Array): ParseResult {
  const bytes = Buffer.isBuffer(datagram) ? datagram : Buffer.from(datagram.buffer, datagram.byteOffset, datagram.byteLength);
  if (bytes.length < 8) return { ok: false, reason: 'too-short' };
  if (bytes[0]! >> 6 !== 2) return { ok: false, reason: 'bad-version' };
  if (bytes[1]! < RTCP_PT_MIN || bytes[1]! > RTCP_PT_MAX) return { ok: false, reason: 'not-rtcp' };

  const flags = new Set<ParseFlag>();
  const skipped: SkipReason[] = [];
  const { frames, walkedTo, broken } = walkHeaders(bytes);
  if (walkedTo < bytes.length) {
    const srtcp = srtcpTrailer(bytes, walkedTo);
    if (srtcp === 'encrypted') return { ok: false, reason: 'srtcp' };
    if (srtcp === 'clear' && !broken) flags.add('srtcp-unencrypted');
    else if (broken) {
      if (frames.length === 0) return { ok: false, reason: 'truncated' };
      skipped.push('truncated');
    } else flags.add('trailing-bytes');
  }

  const packets: RtcpPacket[] = [];
  frames.forEach((frame, i) => {
    if (frame.padded && i < frames.length - 1) flags.add('padding-not-last');
    const result = parseFrame(bytes, frame, flags);
    if ('packet' in result) packets.push(result.packet);
    else skipped.push(result.skip);
  });
  if (packets.length === 0) return { ok: false, reason: 'no-usable-packet' };

  const first = packets[0]!.type;
  if (first !== 'sr' && first !== 'rr') flags.add('reduced-size');
  else if (!packets.some((p) => p.type === 'sdes' && p.chunks.some((c) => c.items.some((item) => item.type === SDES_CNAME)))) flags.add('no-cname');
  return { ok: true, packets, skipped, flags: [...flags] };
}

/** Follows the length fields; stops at a header that is not RTCP or a packet that runs past the datagram. */
function walkHeaders(bytes: Buffer): { frames: Frame[]; walkedTo: number; broken: boolean } {
  const frames: Frame[] = [];
  let at = 0;
  while (bytes.length - at >= 4) {
    const pt = bytes[at + 1]!;
    if (bytes[at]! >> 6 !== 2 || pt < RTCP_PT_MIN || pt > RTCP_PT_MAX) return { frames, walkedTo: at, broken: false };
    const end = at + 4 * (bytes.readUInt16BE(at + 2) + 1);
    if (end > bytes.length) return { frames, walkedTo: at, broken: true };
    frames.push({ pt, count: bytes[at]! & 0x1f, start: at, end, padded: (bytes[at]! & 0x20) !== 0 });
    at = end;
  }
  return { frames, walkedTo: at, broken: false };
}

/**
 * SRTCP ends with E|index and a tag. E set: the packets after the first 8 bytes are
 * ciphertext. An index below 2^24 (it counts packets from 0) keeps random trailing
 * bytes from passing for a trailer.
 */
function srtcpTrailer(bytes: Buffer, walkedTo: number): 'encrypted' | 'clear' | null {
  for (const tag of SRTCP_TAG_BYTES) {
    const at = bytes.length - tag - 4;
    // The trailer follows the last packet read in clear (for encrypted SRTCP: the first header and SSRC).
    if (at < Math.max(8, walkedTo)) continue;
    if (bytes[at] === 0x80) return 'encrypted';
    if (bytes[at] === 0x00 && at === walkedTo) return 'clear';
  }
  return null;
}

function parseFrame(bytes: Buffer, frame: Frame, flags: Set<ParseFlag>): PacketResult {
  let end = frame.end;
  if (frame.padded) {
    const pad = bytes[end - 1]!;
    if (pad === 0 || pad > end - frame.start - 4) return { skip: 'bad-padding' };
    end -= pad;
  }
  const body: PacketBody = { bytes, start: frame.start + 4, end, count: frame.count };
  switch (frame.pt) {
    case PT.SR:
      return parseSenderReport(body, flags);
    case PT.RR:
      return parseReceiverReport(body, flags);
    case PT.SDES:
      return parseSourceDescription(body, flags);
    case PT.BYE:
      return parseGoodbye(body, flags);
    case PT.APP:
      return parseApp(body);
    case PT.XR:
      return parseExtendedReport(body, flags);
    case PT.RTPFB:
      return parseFeedback('rtpfb', body);
    case PT.PSFB:
      return parseFeedback('psfb', body);
    default:
      return { skip: 'unknown-type' };
  }
}
