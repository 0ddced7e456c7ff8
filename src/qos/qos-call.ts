/**
 * The QoS model shared by the RTCP collector (writes), the IP Office QoS trap
 * merge (writes), the store and the API (reads). A call record is one call
 * segment as one endpoint measured it: one RTP stream's reception quality,
 * keyed by (source address, SSRC); a QoS trap from IP Office merges into it.
 */

export const QOS_THRESHOLDS = ['jitter', 'roundTrip', 'loss', 'mos'] as const;
export type QosThreshold = (typeof QOS_THRESHOLDS)[number];

/** How the record found its phone, node and site (README "Attribution"). */
export const QOS_ATTRIBUTIONS = ['phone', 'node', 'source-map', 'cname', 'trap', 'unknown'] as const;
export type QosAttribution = (typeof QOS_ATTRIBUTIONS)[number];

export const QOS_END_REASONS = ['bye', 'timeout', 'shutdown', 'trap'] as const;
export type QosEndReason = (typeof QOS_END_REASONS)[number];

export type QosDetails = Record<string, string | number | boolean | null>;

/** What the RTCP collector measured for one call segment. */
export interface QosMeasures {
  reports: number;
  jitterMaxMs: number | null;
  jitterMeanMs: number | null;
  /** Loss over the segment, percent (Δcumulative lost / Δexpected, or the one report's fraction lost). */
  lossPercent: number | null;
  /** Worst single report interval, percent (IP Office alarms on the segment's maximum). */
  lossMaxPercent: number | null;
  /** Cumulative packets lost, as the last report says (since the stream started). */
  packetsLost: number | null;
  rttMaxMs: number | null;
  rttMeanMs: number | null;
  /** Where the round trip came from: xr, avaya-app, lsr-dlsr (estimated with our clock), or null. */
  rttSource: string | null;
  mos: number | null;
  mosMin: number | null;
  rFactor: number | null;
  /** xr (the endpoint's own MOS) or e-model (ours, ITU-T G.107). */
  mosSource: 'xr' | 'e-model' | null;
  /** True when the codec has no agreed E-model values (G.722, Opus): a ranking, not a measurement. */
  mosEstimated: boolean;
  /** Thresholds the RTCP measures crossed (IP Office semantics: the segment's maximum against the limit). */
  thresholds: QosThreshold[];
}

/** What the IP Office QoS notification (IPO-MIB …2.0.36) said about the segment. */
export interface QosTrapMeasures {
  eventId: number;
  callId: number | null;
  jitterMs: number | null;
  roundTripMs: number | null;
  packetLoss: number | null;
  at: number;
}

export interface QosCall extends QosMeasures {
  id: number;
  /** `<source address>/<SSRC hex>` for RTCP streams; `trap/<node>/<extension or line>/<call id>` for trap-only records. */
  streamKey: string;
  sourceAddress: string;
  ssrc: number | null;
  /** The SSRC this endpoint reports on (the far end's stream). */
  remoteSsrc: number | null;
  nodeId: string | null;
  siteId: string | null;
  customerId: string | null;
  extension: string | null;
  user: string | null;
  phoneType: string | null;
  /** The far end: "ext 202", a trunk, or an address, when known. */
  remoteParty: string | null;
  trunk: string | null;
  codec: string | null;
  clockRate: number | null;
  startedAt: number;
  endedAt: number | null;
  lastReportAt: number;
  endReason: QosEndReason | null;
  attribution: QosAttribution;
  /** Any threshold crossed, by RTCP measures or by an IP Office QoS notification. */
  poor: boolean;
  trap: QosTrapMeasures | null;
  details: QosDetails;
}

/** One report (one compound RTCP datagram) about a call segment, or one QoS notification. */
export interface QosSample {
  id: number;
  callId: number;
  at: number;
  kind: 'rtcp' | 'trap';
  jitterMs: number | null;
  /** This report interval's loss, percent (fraction lost / 256). */
  lossPercent: number | null;
  cumulativeLost: number | null;
  rttMs: number | null;
  mos: number | null;
  rFactor: number | null;
  details: QosDetails;
}

export interface QosCallQuery {
  extension?: string;
  /** The trunk as the record names it (exact). */
  trunk?: string;
  nodeIds?: string[];
  /** Calls overlapping [from, to): started before `to` and last reported at or after `from`. */
  from?: number;
  to?: number;
  poor?: boolean;
  /** Page backwards (newest first): only calls that sort after this one, i.e. started earlier, or at the same time with a lower id. */
  before?: { startedAt: number; id: number };
  limit: number;
}

/** One row of the QoS summary: calls of a site, trunk or extension in a time range. */
export interface QosSummaryRow {
  nodeId: string | null;
  siteId: string | null;
  customerId: string | null;
  key: string;
  calls: number;
  poorCalls: number;
  mosMean: number | null;
  mosMin: number | null;
  jitterMaxMs: number | null;
  lossMeanPercent: number | null;
  rttMaxMs: number | null;
}

export interface QosSummary {
  sites: QosSummaryRow[];
  trunks: QosSummaryRow[];
  extensions: QosSummaryRow[];
}

/** Calls and poor calls of one site or trunk in a window (sustained degradation). */
export interface QosWindowGroup {
  kind: 'site' | 'trunk';
  customerId: string | null;
  siteId: string | null;
  nodeId: string | null;
  trunk: string | null;
  calls: number;
  poorCalls: number;
}
