import { ntpSeconds } from './ntp.js';
import type { SenderInfo } from './rtcp-packet.js';

/** RTP clock rates in use for audio and video; an inferred rate snaps to one of these. */
const KNOWN_RATES = [8000, 16000, 32000, 44100, 48000, 90000] as const;
const TOLERANCE = 0.05;
const MIN_SPAN_S = 0.5;

/**
 * The sender's RTP clock from two of its SRs: Δ RTP timestamp / Δ NTP time,
 * snapped to a known rate within 5 % (ffmpeg's PCMU gave 8166 Hz over 5 s).
 * Null when the SRs are too close, out of order, or the rate is not a known one.
 */
export function inferClockRate(previous: SenderInfo, latest: SenderInfo): number | null {
  const span = ntpSeconds(latest.ntpSeconds, latest.ntpFraction) - ntpSeconds(previous.ntpSeconds, previous.ntpFraction);
  if (!(span >= MIN_SPAN_S)) return null;
  const ticks = (latest.rtpTimestamp - previous.rtpTimestamp) >>> 0;
  const rate = ticks / span;
  return KNOWN_RATES.find((known) => Math.abs(rate - known) <= known * TOLERANCE) ?? null;
}
