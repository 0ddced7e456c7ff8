/** Seconds from the NTP era (1900) to the Unix epoch (1970). */
const NTP_UNIX_OFFSET_S = 2_208_988_800;

/** The middle 32 bits of the 64-bit NTP time of an epoch-ms instant: LSR's unit, 1/65536 s. */
export function ntpMiddle32(epochMs: number): number {
  const seconds = Math.floor(epochMs / 1000) + NTP_UNIX_OFFSET_S;
  const fraction16 = Math.floor(((epochMs % 1000) / 1000) * 65536);
  return (((seconds & 0xffff) << 16) | fraction16) >>> 0;
}

/** NTP 64-bit time as seconds (floating point; fine for differences within an era). */
export function ntpSeconds(seconds: number, fraction: number): number {
  return seconds + fraction / 0x1_0000_0000;
}

/**
 * Round trip from a report block (RFC 3550 §6.4.1): A − LSR − DLSR in 1/65536 s,
 * with wrap-around arithmetic. A is our receive time, standing in for the SR
 * sender's: right only when its clock is synchronised with ours. Null when
 * the block has no LSR, or the result is negative or beyond `maxMs`.
 */
export function roundTripMs(arrivalEpochMs: number, lsr: number, dlsr: number, maxMs = 10_000): number | null {
  if (lsr === 0) return null;
  const units = (ntpMiddle32(arrivalEpochMs) - lsr - dlsr) | 0; // int32: negative means the clocks disagree
  if (units < 0) return null;
  const ms = (units / 65536) * 1000;
  return ms > maxMs ? null : ms;
}
