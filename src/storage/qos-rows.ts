import { QOS_THRESHOLDS, type QosCall, type QosDetails, type QosSample, type QosThreshold } from '../qos/qos-call.js';

export interface QosCallRow {
  id: number;
  stream_key: string;
  source_address: string;
  ssrc: number | null;
  remote_ssrc: number | null;
  node_id: string | null;
  site_id: string | null;
  customer_id: string | null;
  extension: string | null;
  user_name: string | null;
  phone_type: string | null;
  remote_party: string | null;
  trunk: string | null;
  codec: string | null;
  clock_rate: number | null;
  started_at: number;
  ended_at: number | null;
  last_report_at: number;
  end_reason: string | null;
  attribution: string;
  reports: number;
  jitter_max_ms: number | null;
  jitter_mean_ms: number | null;
  loss_percent: number | null;
  loss_max_percent: number | null;
  packets_lost: number | null;
  rtt_max_ms: number | null;
  rtt_mean_ms: number | null;
  rtt_source: string | null;
  mos: number | null;
  mos_min: number | null;
  r_factor: number | null;
  mos_source: string | null;
  mos_estimated: number;
  thresholds: string;
  poor: number;
  trap_event_id: number | null;
  trap_call_id: number | null;
  trap_jitter_ms: number | null;
  trap_round_trip_ms: number | null;
  trap_packet_loss: number | null;
  trap_at: number | null;
  details: string;
}

export interface QosSampleRow {
  id: number;
  call_id: number;
  at: number;
  kind: string;
  jitter_ms: number | null;
  loss_percent: number | null;
  cumulative_lost: number | null;
  rtt_ms: number | null;
  mos: number | null;
  r_factor: number | null;
  details: string;
}

/** Thresholds as a comma list in a fixed order, so equal sets are equal strings. */
export function thresholdsToText(thresholds: readonly QosThreshold[]): string {
  return QOS_THRESHOLDS.filter((name) => thresholds.includes(name)).join(',');
}

export function thresholdsFromText(text: string): QosThreshold[] {
  return text === '' ? [] : (text.split(',') as QosThreshold[]);
}

/** Every column but id and the trap columns, from the record (the trap columns are written by attachQosTrap). */
export function qosCallToRow(call: Omit<QosCall, 'id'>): Omit<QosCallRow, 'id'> {
  return {
    stream_key: call.streamKey,
    source_address: call.sourceAddress,
    ssrc: call.ssrc,
    remote_ssrc: call.remoteSsrc,
    node_id: call.nodeId,
    site_id: call.siteId,
    customer_id: call.customerId,
    extension: call.extension,
    user_name: call.user,
    phone_type: call.phoneType,
    remote_party: call.remoteParty,
    trunk: call.trunk,
    codec: call.codec,
    clock_rate: call.clockRate,
    started_at: call.startedAt,
    ended_at: call.endedAt,
    last_report_at: call.lastReportAt,
    end_reason: call.endReason,
    attribution: call.attribution,
    reports: call.reports,
    jitter_max_ms: call.jitterMaxMs,
    jitter_mean_ms: call.jitterMeanMs,
    loss_percent: call.lossPercent,
    loss_max_percent: call.lossMaxPercent,
    packets_lost: call.packetsLost,
    rtt_max_ms: call.rttMaxMs,
    rtt_mean_ms: call.rttMeanMs,
    rtt_source: call.rttSource,
    mos: call.mos,
    mos_min: call.mosMin,
    r_factor: call.rFactor,
    mos_source: call.mosSource,
    mos_estimated: call.mosEstimated ? 1 : 0,
    thresholds: thresholdsToText(call.thresholds),
    poor: call.poor ? 1 : 0,
    trap_event_id: call.trap?.eventId ?? null,
    trap_call_id: call.trap?.callId ?? null,
    trap_jitter_ms: call.trap?.jitterMs ?? null,
    trap_round_trip_ms: call.trap?.roundTripMs ?? null,
    trap_packet_loss: call.trap?.packetLoss ?? null,
    trap_at: call.trap?.at ?? null,
    details: JSON.stringify(call.details),
  };
}

export function qosCallFromRow(row: QosCallRow): QosCall {
  return {
    id: row.id,
    streamKey: row.stream_key,
    sourceAddress: row.source_address,
    ssrc: row.ssrc,
    remoteSsrc: row.remote_ssrc,
    nodeId: row.node_id,
    siteId: row.site_id,
    customerId: row.customer_id,
    extension: row.extension,
    user: row.user_name,
    phoneType: row.phone_type,
    remoteParty: row.remote_party,
    trunk: row.trunk,
    codec: row.codec,
    clockRate: row.clock_rate,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    lastReportAt: row.last_report_at,
    endReason: row.end_reason as QosCall['endReason'],
    attribution: row.attribution as QosCall['attribution'],
    reports: row.reports,
    jitterMaxMs: row.jitter_max_ms,
    jitterMeanMs: row.jitter_mean_ms,
    lossPercent: row.loss_percent,
    lossMaxPercent: row.loss_max_percent,
    packetsLost: row.packets_lost,
    rttMaxMs: row.rtt_max_ms,
    rttMeanMs: row.rtt_mean_ms,
    rttSource: row.rtt_source,
    mos: row.mos,
    mosMin: row.mos_min,
    rFactor: row.r_factor,
    mosSource: row.mos_source as QosCall['mosSource'],
    mosEstimated: row.mos_estimated === 1,
    thresholds: thresholdsFromText(row.thresholds),
    poor: row.poor === 1,
    trap:
      row.trap_event_id === null
        ? null
        : {
            eventId: row.trap_event_id,
            callId: row.trap_call_id,
            jitterMs: row.trap_jitter_ms,
            roundTripMs: row.trap_round_trip_ms,
            packetLoss: row.trap_packet_loss,
            at: row.trap_at ?? row.last_report_at,
          },
    details: JSON.parse(row.details) as QosDetails,
  };
}

export function qosSampleToRow(sample: Omit<QosSample, 'id'>): Omit<QosSampleRow, 'id'> {
  return {
    call_id: sample.callId,
    at: sample.at,
    kind: sample.kind,
    jitter_ms: sample.jitterMs,
    loss_percent: sample.lossPercent,
    cumulative_lost: sample.cumulativeLost,
    rtt_ms: sample.rttMs,
    mos: sample.mos,
    r_factor: sample.rFactor,
    details: JSON.stringify(sample.details),
  };
}

export function qosSampleFromRow(row: QosSampleRow): QosSample {
  return {
    id: row.id,
    callId: row.call_id,
    at: row.at,
    kind: row.kind as QosSample['kind'],
    jitterMs: row.jitter_ms,
    lossPercent: row.loss_percent,
    cumulativeLost: row.cumulative_lost,
    rttMs: row.rtt_ms,
    mos: row.mos,
    rFactor: row.r_factor,
    details: JSON.parse(row.details) as QosDetails,
  };
}
