import type { RtcpPacket } from './rtcp-packet.js';

/** Why a whole datagram was refused (ipo_collector_refused_total{collector="rtcp",reason}). */
export const REFUSAL_REASONS = ['too-short', 'bad-version', 'not-rtcp', 'srtcp', 'truncated', 'no-usable-packet'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Why one packet inside an accepted datagram was skipped (ipo_rtcp_packets_skipped_total{reason}). */
export const SKIP_REASONS = ['unknown-type', 'bad-padding', 'malformed-sr', 'malformed-rr', 'malformed-sdes', 'malformed-bye', 'malformed-app', 'malformed-xr', 'malformed-feedback', 'truncated'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/**
 * What was odd but kept (ipo_rtcp_datagrams_flagged_total{flag}): lenient on purpose, since
 * real senders break RFC 3550's compound rules (ffmpeg: a lone SR; baresip: a lone APP; RFC 5506).
 */
export const PARSE_FLAGS = [
  'reduced-size',
  'no-cname',
  'padding-not-last',
  'rc-clamped',
  'sc-clamped',
  'trailing-bytes',
  'sdes-truncated',
  'xr-block-overrun',
  'xr-bad-voip-length',
  'xr-out-of-range',
  'srtcp-unencrypted',
] as const;
export type ParseFlag = (typeof PARSE_FLAGS)[number];

export type ParseResult =
  | { ok: true; packets: RtcpPacket[]; skipped: SkipReason[]; flags: ParseFlag[] }
  | { ok: false; reason: RefusalReason };

/** A sub-parser's answer for one packet. */
export type PacketResult = { packet: RtcpPacket } | { skip: SkipReason };
