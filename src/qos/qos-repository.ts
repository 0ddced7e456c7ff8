import type { QosCall, QosCallQuery, QosSample, QosSummary, QosTrapMeasures, QosWindowGroup } from './qos-call.js';

/** What the RTCP collector owns in a call record: everything but the trap columns. */
export type QosCallUpdate = Omit<QosCall, 'id' | 'streamKey' | 'sourceAddress' | 'ssrc' | 'startedAt' | 'trap' | 'poor'> & {
  /** Poor by the RTCP measures; the stored flag stays true when a QoS trap merged in. */
  poor: boolean;
};

/** Where a QoS trap may belong: the node's record of this extension (or with this IP Office call id) around `at`. */
export interface QosTrapMatch {
  nodeId: string;
  extension: string | null;
  callId: number | null;
  at: number;
  /** A record that ended up to this long before `at` still matches (IP Office reports at the segment's end). */
  graceMs: number;
}

/**
 * Call records and their samples (QoS). Part of the Store, so they live in
 * the same SQLite file and the same transactions; a narrow view of it is what
 * the RTCP collector and the trap merge get.
 */
export interface QosRepository {
  insertQosCall(call: Omit<QosCall, 'id'>): QosCall;
  /** Writes the RTCP collector's view; keeps trap columns, and keeps stored names where the update has null. */
  updateQosCall(id: number, update: QosCallUpdate): void;
  /** Merges an IP Office QoS notification: trap columns, poor = true, and extension/user/trunk where still unknown. */
  attachQosTrap(id: number, trap: QosTrapMeasures, fill: { extension: string | null; user: string | null; trunk: string | null }): void;
  insertQosSamples(samples: Array<Omit<QosSample, 'id'>>): void;
  getQosCall(id: number): QosCall | null;
  /** Newest first (by start, then id). */
  listQosCalls(query: QosCallQuery): QosCall[];
  /** Oldest first, at most `limit`. */
  listQosSamples(callId: number, limit: number): QosSample[];
  findQosCallForTrap(match: QosTrapMatch): QosCall | null;
  /** Calls overlapping [from, to) grouped by site, trunk and extension; worst (most poor calls) first. */
  summariseQos(query: { nodeIds?: string[]; from: number; to: number; limit: number }): QosSummary;
  /** Calls with RTCP reports in [since, until), by site and by trunk, for sustained-degradation alarms. */
  qosWindow(since: number, until: number): QosWindowGroup[];
  /** Deletes call records last reported before `before` (their samples go with them). */
  applyQosRetention(before: number): number;
}
