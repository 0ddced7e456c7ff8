import type { QosAttribution, QosDetails, QosEndReason, QosSample, QosThreshold } from '../../src/qos/qos-call.js';
import type { CodecEntry } from './codec-table.js';
import type { AvayaSubtype4, ReportBlock, SenderInfo, VoipMetrics } from './rtcp-packet.js';

/** Who the stream belongs to (attribution.ts). */
export interface StreamOwner {
  attribution: QosAttribution;
  nodeId: string | null;
  siteId: string | null;
  customerId: string | null;
  extension: string | null;
  user: string | null;
  phoneType: string | null;
}

/** A report as it will be stored, once the call record has an id. */
export type PendingSample = Omit<QosSample, 'id' | 'callId'>;

/** The event that raised a threshold alarm, kept so the clear uses the same node, entity and key. */
export interface RaisedThreshold {
  nodeId: string | null;
  extension: string | null;
  alarmKey: string;
}

/**
 * One RTCP stream: one endpoint (source address, SSRC) reporting on what it
 * receives. Mutable, owned by the StreamTable; updated by applyReport.
 */
export interface StreamState {
  key: string;
  sourceAddress: string;
  ssrc: number;
  startedAt: number;
  lastReportAt: number;
  endedAt: number | null;
  endReason: QosEndReason | null;
  owner: StreamOwner;
  /** The call record's id once stored. */
  callId: number | null;
  dirty: boolean;
  pending: PendingSample[];
  samplesStored: number;
  samplesDropped: number;

  remoteSsrc: number | null;
  remoteAddress: string | null;
  cname: string | null;
  codec: CodecEntry;
  codecSource: 'payload-type' | 'clock-rate' | 'default';
  clockRate: number;
  clockRateSource: 'payload-type' | 'peer-sr' | 'own-sr' | 'codec';
  /** Our own SRs: the last one, and the clock rate two of them gave. */
  lastSr: SenderInfo | null;
  ownClockRate: number | null;

  reports: number;
  jitterSumMs: number;
  jitterCount: number;
  jitterMaxMs: number | null;
  /** Loss baseline: the first report block about the current remote SSRC, and the latest. */
  firstBlock: ReportBlock | null;
  lastBlock: ReportBlock | null;
  lossMaxPercent: number | null;
  rttSumMs: number;
  rttCount: number;
  rttMaxMs: number | null;
  rttLastMs: number | null;
  rttSource: string | null;
  /** Per-report MOS (XR or E-model). */
  mosMin: number | null;
  xrMosSum: number;
  xrMosCount: number;
  xrRSum: number;
  lastXr: VoipMetrics | null;
  lastAvaya: AvayaSubtype4 | null;
  remoteChanges: number;

  thresholds: Set<QosThreshold>;
  raised: Map<QosThreshold, RaisedThreshold>;
  details: QosDetails;
}

export function streamKey(address: string, ssrc: number): string {
  return `${address}/${ssrc.toString(16).padStart(8, '0')}`;
}

export function createStream(address: string, ssrc: number, now: number, codec: CodecEntry, owner: StreamOwner): StreamState {
  return {
    key: streamKey(address, ssrc),
    sourceAddress: address,
    ssrc,
    startedAt: now,
    lastReportAt: now,
    endedAt: null,
    endReason: null,
    owner,
    callId: null,
    dirty: true,
    pending: [],
    samplesStored: 0,
    samplesDropped: 0,
    remoteSsrc: null,
    remoteAddress: null,
    cname: null,
    codec,
    codecSource: 'default',
    clockRate: codec.clockRate,
    clockRateSource: 'codec',
    lastSr: null,
    ownClockRate: null,
    reports: 0,
    jitterSumMs: 0,
    jitterCount: 0,
    jitterMaxMs: null,
    firstBlock: null,
    lastBlock: null,
    lossMaxPercent: null,
    rttSumMs: 0,
    rttCount: 0,
    rttMaxMs: null,
    rttLastMs: null,
    rttSource: null,
    mosMin: null,
    xrMosSum: 0,
    xrMosCount: 0,
    xrRSum: 0,
    lastXr: null,
    lastAvaya: null,
    remoteChanges: 0,
    thresholds: new Set(),
    raised: new Map(),
    details: {},
  };
}
