import { bye, receiverReport, sdes, voipMetricsBlock, xr } from '../../collectors/rtcp/testdata/build-rtcp.js';

/** Network impairment of one call, as the endpoints measure it. */
export interface Impairment {
  lossPercent: number;
  jitterMs: number;
  roundTripMs: number;
}

export const CLEAN: Impairment = { lossPercent: 0, jitterMs: 3, roundTripMs: 40 };
export const POOR: Impairment = { lossPercent: 4, jitterMs: 45, roundTripMs: 420 };

/** One end of a call: a phone (or a VCM channel of the system, for a trunk call) that sends RTCP. */
export interface CallEnd {
  address: string;
  cname: string;
}

export interface SimCall {
  id: number;
  a: CallEnd;
  b: CallEnd;
  impairment: Impairment;
  /** Add an RTCP XR VoIP Metrics block (RFC 3611) with round trip and loss, as Avaya phones can. */
  xr: boolean;
}

const PACKETS_PER_SECOND = 50;
const CLOCK_RATE = 8000;

/**
 * Round `round` of a call's RTCP: each end sends a compound RR about the other end + SDES CNAME (+ XR), as an
 * IP phone does every report interval; `last` adds BYE. Sequence and loss counters grow with the round, as on the
 * wire. Pure.
 */
export function callReports(call: SimCall, round: number, intervalSeconds: number, last = false): Array<{ from: string; payload: Buffer }> {
  const ssrcA = ssrcOf(call.id, 0);
  const ssrcB = ssrcOf(call.id, 1);
  return [
    { from: call.a.address, payload: endReport(call, ssrcA, ssrcB, call.a.cname, round, intervalSeconds, last) },
    { from: call.b.address, payload: endReport(call, ssrcB, ssrcA, call.b.cname, round, intervalSeconds, last) },
  ];
}

function endReport(call: SimCall, ssrc: number, peer: number, cname: string, round: number, intervalSeconds: number, last: boolean): Buffer {
  const { lossPercent, jitterMs, roundTripMs } = call.impairment;
  const packets = Math.round(PACKETS_PER_SECOND * intervalSeconds);
  const lostPerRound = Math.round((packets * lossPercent) / 100);
  const parts = [
    receiverReport(ssrc, [
      {
        ssrc: peer,
        fractionLost: Math.min(255, Math.round((lossPercent / 100) * 256)),
        cumulativeLost: lostPerRound * (round + 1),
        extendedHighestSeq: 1000 + packets * (round + 1),
        jitter: Math.round((jitterMs * CLOCK_RATE) / 1000),
        lsr: 0,
        dlsr: 0,
      },
    ]),
    sdes(ssrc, [[1, cname]]),
  ];
  if (call.xr) {
    parts.push(xr(ssrc, [voipMetricsBlock({ ssrc: peer, lossRate: Math.min(255, Math.round((lossPercent / 100) * 256)), roundTripDelayMs: roundTripMs, endSystemDelayMs: 40, jbNominal: 40, jbMax: 80, jbAbsMax: 200 })]));
  }
  if (last) parts.push(bye([ssrc]));
  return Buffer.concat(parts);
}

function ssrcOf(callId: number, side: 0 | 1): number {
  return (0x5e000000 + callId * 2 + side) >>> 0;
}
