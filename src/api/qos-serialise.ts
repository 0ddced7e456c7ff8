import type { FleetIndex } from '../fleet/fleet-index.js';
import type { QosCall, QosSample, QosSummaryRow } from '../qos/qos-call.js';
import { iso, nodeRef } from './serialise.js';

const round = (n: number | null, digits = 2): number | null => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/** A call record as the API shows it: times in ISO 8601, figures rounded, the node with its site and customer. */
export function serialiseQosCall(call: QosCall, fleet: FleetIndex) {
  const end = call.endedAt ?? call.lastReportAt;
  return {
    id: call.id,
    startedAt: iso(call.startedAt),
    endedAt: iso(call.endedAt),
    lastReportAt: iso(call.lastReportAt),
    durationSeconds: Math.round((end - call.startedAt) / 1000),
    active: call.endedAt === null,
    endReason: call.endReason,
    node: nodeRef(fleet, call.nodeId),
    siteId: call.siteId,
    customerId: call.customerId,
    extension: call.extension,
    user: call.user,
    phoneType: call.phoneType,
    remoteParty: call.remoteParty,
    trunk: call.trunk,
    codec: call.codec,
    clockRate: call.clockRate,
    sourceAddress: call.sourceAddress,
    ssrc: call.ssrc === null ? null : `0x${call.ssrc.toString(16).padStart(8, '0')}`,
    remoteSsrc: call.remoteSsrc === null ? null : `0x${call.remoteSsrc.toString(16).padStart(8, '0')}`,
    attribution: call.attribution,
    reports: call.reports,
    jitterMaxMs: round(call.jitterMaxMs),
    jitterMeanMs: round(call.jitterMeanMs),
    lossPercent: round(call.lossPercent, 3),
    lossMaxPercent: round(call.lossMaxPercent, 3),
    packetsLost: call.packetsLost,
    roundTripMaxMs: round(call.rttMaxMs),
    roundTripMeanMs: round(call.rttMeanMs),
    roundTripSource: call.rttSource,
    mos: round(call.mos),
    mosMin: round(call.mosMin),
    rFactor: round(call.rFactor, 1),
    mosSource: call.mosSource,
    mosEstimated: call.mosEstimated,
    thresholdsCrossed: call.thresholds,
    poor: call.poor,
    ipoQos: call.trap && { ...call.trap, at: iso(call.trap.at) },
    details: call.details,
    links: { self: `/api/v1/qos/calls/${call.id}` },
  };
}

export function serialiseQosSample(sample: QosSample) {
  return {
    at: iso(sample.at),
    kind: sample.kind,
    jitterMs: round(sample.jitterMs),
    lossPercent: round(sample.lossPercent, 3),
    cumulativeLost: sample.cumulativeLost,
    roundTripMs: round(sample.rttMs),
    mos: round(sample.mos),
    rFactor: round(sample.rFactor, 1),
    details: sample.details,
  };
}

export function serialiseQosSummaryRow(row: QosSummaryRow) {
  return {
    key: row.key,
    nodeId: row.nodeId,
    siteId: row.siteId,
    customerId: row.customerId,
    calls: row.calls,
    poorCalls: row.poorCalls,
    poorPercent: row.calls === 0 ? 0 : round((row.poorCalls / row.calls) * 100, 1),
    mosMean: round(row.mosMean),
    mosMin: round(row.mosMin),
    jitterMaxMs: round(row.jitterMaxMs),
    lossMeanPercent: round(row.lossMeanPercent, 3),
    roundTripMaxMs: round(row.rttMaxMs),
  };
}
