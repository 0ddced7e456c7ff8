import type { QosMeasures, QosThreshold } from '../../src/qos/qos-call.js';
import { oneWayDelayMs } from './apply-report.js';
import type { RtcpThresholds } from './config.js';
import { emodel } from './emodel.js';
import type { StreamState } from './stream-state.js';

/**
 * The call record's figures from what the stream has seen. Loss over the
 * segment is Δ cumulative lost / Δ extended highest sequence between the first
 * and last report (the first interval is not counted: its base sequence is
 * unknown); with one report, that report's fraction lost. MOS is the
 * endpoint's own (XR MOS-CQ, else MOS-LQ) when it sends any, else ours (E-model).
 */
export function measuresOf(stream: StreamState, thresholds: RtcpThresholds): QosMeasures {
  const jitterMeanMs = stream.jitterCount > 0 ? stream.jitterSumMs / stream.jitterCount : null;
  const rttMeanMs = stream.rttCount > 0 ? stream.rttSumMs / stream.rttCount : null;
  const lossPercent = segmentLoss(stream);

  let mos: number | null = null;
  let rFactor: number | null = null;
  let mosSource: QosMeasures['mosSource'] = null;
  if (stream.xrMosCount > 0) {
    mos = stream.xrMosSum / stream.xrMosCount;
    rFactor = stream.xrRSum > 0 ? stream.xrRSum / stream.xrMosCount : null;
    mosSource = 'xr';
  } else if (lossPercent !== null) {
    const discard = stream.lastXr ? (stream.lastXr.discardRate / 256) * 100 : 0;
    const scored = emodel({ ie: stream.codec.ie, bpl: stream.codec.bpl, lossPercent: lossPercent + discard, oneWayDelayMs: oneWayDelayMs(stream, jitterMeanMs, rttMeanMs) });
    mos = scored.mos;
    rFactor = scored.r;
    mosSource = 'e-model';
  }
  const mosMin = mos === null ? stream.mosMin : Math.min(stream.mosMin ?? mos, mos);
  const measures: QosMeasures = {
    reports: stream.reports,
    jitterMaxMs: stream.jitterMaxMs,
    jitterMeanMs,
    lossPercent,
    lossMaxPercent: stream.lossMaxPercent ?? (stream.lastXr ? (stream.lastXr.lossRate / 256) * 100 : null),
    packetsLost: stream.lastBlock ? Math.max(0, stream.lastBlock.cumulativeLost) : null,
    rttMaxMs: stream.rttMaxMs,
    rttMeanMs,
    rttSource: stream.rttSource,
    mos,
    mosMin,
    rFactor,
    mosSource,
    mosEstimated: mosSource === 'e-model' && stream.codec.estimated,
    thresholds: [],
  };
  measures.thresholds = crossed(measures, thresholds);
  return measures;
}

/** IP Office's rule: the segment's maximum of each measure against its threshold. */
export function crossed(measures: QosMeasures, limits: RtcpThresholds): QosThreshold[] {
  const over: QosThreshold[] = [];
  if (measures.jitterMaxMs !== null && measures.jitterMaxMs > limits.jitterMs) over.push('jitter');
  if (measures.rttMaxMs !== null && measures.rttMaxMs > limits.roundTripMs) over.push('roundTrip');
  if (measures.lossMaxPercent !== null && measures.lossMaxPercent > limits.lossPercent) over.push('loss');
  if (limits.mosBelow !== null && measures.mosMin !== null && measures.mosMin < limits.mosBelow) over.push('mos');
  return over;
}

function segmentLoss(stream: StreamState): number | null {
  const { firstBlock: first, lastBlock: last } = stream;
  if (first && last && first !== last) {
    const expected = (last.extendedHighestSeq - first.extendedHighestSeq) >>> 0;
    if (expected > 0 && expected < 0x8000_0000) return (Math.max(0, last.cumulativeLost - first.cumulativeLost) / expected) * 100;
  }
  if (last) return (last.fractionLost / 256) * 100;
  if (stream.lastXr) return (stream.lastXr.lossRate / 256) * 100;
  return null;
}
