import type { PhoneDirectory, PhoneEntry } from '../../collectors/types.js';
import { app, avayaSubtype4, receiverReport, sdes, voipMetricsBlock, xr } from '../../collectors/rtcp/testdata/build-rtcp.js';

/** The Server Edition maximum (Select/Subscription: 3000 concurrent calls, IPOfficeCapacity_12_2), two endpoints reporting per call. */
export const CALLS = 3000;
export const STREAMS = 2 * CALLS;
export const REPORT_INTERVAL_MS = 5000;

/** Phone i: address 10.<i/65536>.<i/256>.<i%256> + 1, extension 2000 + i, on one of 50 nodes. */
export function phoneAddress(i: number): string {
  const n = i + 1;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export function phoneDirectory(count: number, nodeOf: (i: number) => string): PhoneDirectory {
  const byAddress = new Map<string, PhoneEntry>();
  for (let i = 0; i < count; i++) {
    const entry = { nodeId: nodeOf(i), extension: String(2000 + i), user: `User ${i}`, type: '9611', address: phoneAddress(i) };
    byAddress.set(entry.address, entry);
  }
  return { byAddress: (address) => byAddress.get(address) ?? null, byExtension: () => null };
}

/**
 * Stream i's report in round r, as an Avaya phone would send it: RR about the
 * far end (SSRC of stream i^1, its partner) + SDES CNAME; a quarter add XR VoIP
 * Metrics, a quarter the Avaya -AV- APP. 160-220 bytes, like real compounds.
 */
export function report(i: number, round: number): Buffer {
  const ssrc = 0x10000000 + i;
  const partner = 0x10000000 + (i ^ 1);
  const lost = Math.floor(round * (i % 7) * 0.3);
  const parts = [
    receiverReport(ssrc, [{ ssrc: partner, fractionLost: i % 7 === 0 ? 3 : 0, cumulativeLost: lost, extendedHighestSeq: 1000 + 250 * round, jitter: 40 + (i % 50), lsr: 0, dlsr: 0 }]),
    sdes(ssrc, [[1, `ext${2000 + i}@${phoneAddress(i)}`]]),
  ];
  if (i % 4 === 1) parts.push(xr(ssrc, [voipMetricsBlock({ ssrc: partner, lossRate: 2, roundTripDelayMs: 60, endSystemDelayMs: 40, mosLq: 42, mosCq: 41, rFactor: 88, jbNominal: 40, jbMax: 80, jbAbsMax: 200 })]));
  if (i % 4 === 2) parts.push(app(ssrc, 4, '-AV-', avayaSubtype4({ incomingSsrc: partner, receivedPackets: 250 * round, roundTripMs: 60, jitterBufferDelayMs: 40, maxJitter: 5, remoteAddress: phoneAddress(i ^ 1), payloadType: 0 })));
  return Buffer.concat(parts);
}
