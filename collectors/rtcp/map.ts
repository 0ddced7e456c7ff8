import type { EntityRef, FleetEvent } from '../../src/events/fleet-event.js';
import type { QosMeasures, QosThreshold, QosWindowGroup } from '../../src/qos/qos-call.js';
import type { RtcpThresholds } from './config.js';
import type { RaisedThreshold, StreamState } from './stream-state.js';

const COLLECTOR = 'rtcp';

/** The event code of each threshold: rtcp.threshold.jitter, …round-trip, …loss, …mos. */
export const THRESHOLD_CODES: Record<QosThreshold, string> = {
  jitter: 'rtcp.threshold.jitter',
  roundTrip: 'rtcp.threshold.round-trip',
  loss: 'rtcp.threshold.loss',
  mos: 'rtcp.threshold.mos',
};

export const DEGRADATION_CODES = { site: 'rtcp.degradation.site', trunk: 'rtcp.degradation.trunk' } as const;

const LABELS: Record<QosThreshold, { what: string; unit: string }> = {
  jitter: { what: 'Jitter', unit: ' ms' },
  roundTrip: { what: 'Round trip', unit: ' ms' },
  loss: { what: 'Packet loss', unit: ' %' },
  mos: { what: 'MOS', unit: '' },
};

function valueOf(threshold: QosThreshold, measures: QosMeasures, limits: RtcpThresholds): { value: number | null; limit: number | null } {
  switch (threshold) {
    case 'jitter':
      return { value: measures.jitterMaxMs, limit: limits.jitterMs };
    case 'roundTrip':
      return { value: measures.rttMaxMs, limit: limits.roundTripMs };
    case 'loss':
      return { value: measures.lossMaxPercent, limit: limits.lossPercent };
    case 'mos':
      return { value: measures.mosMin, limit: limits.mosBelow };
  }
}

const round = (n: number | null, digits = 1) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/** Stable per call segment: the record id once stored, else the stream and its start. */
export function callAlarmKey(stream: StreamState): string {
  return stream.callId !== null ? `call-${stream.callId}` : `stream-${stream.key}@${stream.startedAt}`;
}

function extensionEntity(extension: string | null): EntityRef | null {
  return extension ? { kind: 'extension', id: extension, name: `Extension ${extension}` } : null;
}

/** A warning alarm per crossed threshold per call segment (IP Office raises its QoS alarm as a warning too). */
export function thresholdEvent(stream: StreamState, threshold: QosThreshold, measures: QosMeasures, limits: RtcpThresholds, now: number): FleetEvent {
  const { value, limit } = valueOf(threshold, measures, limits);
  const { what, unit } = LABELS[threshold];
  const who = stream.owner.extension ? `extension ${stream.owner.extension}${stream.owner.user ? ` (${stream.owner.user})` : ''}` : stream.sourceAddress;
  const over = threshold === 'mos' ? 'under' : 'over';
  const text = `${what} ${round(value, threshold === 'mos' ? 2 : 1)}${unit} ${over} the ${limit}${unit} threshold on ${who}, call ${stream.callId ?? stream.key}`;
  return {
    receivedAt: now,
    source: 'rtcp',
    collector: COLLECTOR,
    sourceAddress: stream.sourceAddress,
    nodeId: stream.owner.nodeId,
    entity: extensionEntity(stream.owner.extension),
    category: 'QoS',
    severity: 'warning',
    raisesAlarm: true,
    code: THRESHOLD_CODES[threshold],
    alarmKey: callAlarmKey(stream),
    text,
    attributes: {
      callId: stream.callId,
      threshold,
      value: round(value, 3),
      limit,
      extension: stream.owner.extension,
      user: stream.owner.user,
      siteId: stream.owner.siteId,
      ssrc: stream.ssrc,
      jitterMaxMs: round(measures.jitterMaxMs, 3),
      lossMaxPercent: round(measures.lossMaxPercent, 3),
      rttMaxMs: round(measures.rttMaxMs, 3),
      mos: round(measures.mos, 2),
      attribution: stream.owner.attribution,
    },
    // Generated, not received: the text stands for the input (as for polling events).
    raw: { encoding: 'utf8', data: text },
  };
}

/** The segment ended: its threshold alarms clear (same node, entity and key as they were raised with). */
export function thresholdClearEvent(stream: StreamState, threshold: QosThreshold, raised: RaisedThreshold, now: number): FleetEvent {
  const text = `${LABELS[threshold].what} alarm cleared: call ${stream.callId ?? stream.key} ended (${stream.endReason ?? 'ended'})`;
  return {
    receivedAt: now,
    source: 'rtcp',
    collector: COLLECTOR,
    sourceAddress: stream.sourceAddress,
    nodeId: raised.nodeId,
    entity: extensionEntity(raised.extension),
    category: 'QoS',
    severity: 'cleared',
    raisesAlarm: false,
    code: THRESHOLD_CODES[threshold],
    alarmKey: raised.alarmKey,
    text,
    attributes: { callId: stream.callId, threshold, endReason: stream.endReason },
    raw: { encoding: 'utf8', data: text },
  };
}

/** Where a degradation alarm lives: a site's first node (no entity), or the trunk's node with the trunk as entity. */
export interface DegradationTarget {
  nodeId: string;
  sourceAddress: string;
  entity: EntityRef | null;
  label: string;
}

export function degradationEvent(
  group: QosWindowGroup,
  target: DegradationTarget,
  state: 'degraded' | 'recovered',
  settings: { windowMinutes: number; poorPercent: number },
  now: number,
): FleetEvent {
  const percent = group.calls === 0 ? 0 : (group.poorCalls / group.calls) * 100;
  const figures = `${group.poorCalls} of ${group.calls} calls poor (${Math.round(percent)} %) in the last ${settings.windowMinutes} minutes`;
  const text = state === 'degraded' ? `Call quality degraded on ${target.label}: ${figures} (threshold ${settings.poorPercent} %)` : `Call quality recovered on ${target.label}: ${figures}`;
  return {
    receivedAt: now,
    source: 'rtcp',
    collector: COLLECTOR,
    sourceAddress: target.sourceAddress,
    nodeId: target.nodeId,
    entity: target.entity,
    category: 'QoS',
    severity: state === 'degraded' ? 'major' : 'cleared',
    raisesAlarm: state === 'degraded',
    code: DEGRADATION_CODES[group.kind],
    text,
    attributes: {
      kind: group.kind,
      siteId: group.siteId,
      customerId: group.customerId,
      trunk: group.trunk,
      calls: group.calls,
      poorCalls: group.poorCalls,
      poorPercent: Math.round(percent * 10) / 10,
      windowMinutes: settings.windowMinutes,
      thresholdPercent: settings.poorPercent,
    },
    raw: { encoding: 'utf8', data: text },
  };
}
