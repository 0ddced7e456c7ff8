import type { BackedUpService } from '../fleet/node-resilience-schema.js';
import type { Takeover } from './relations.js';

export const TIMELINE_KINDS = [
  'node-down',
  'node-up',
  'restart',
  'link-down',
  'link-up',
  'failover',
  'failback',
  'flapping',
  'accs-stays',
  'service-failover',
  'service-failback',
  'entity-failure',
  'entity-ok',
  'folded',
  'closed',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  at: number;
  kind: TimelineKind;
  text: string;
  eventId: number | null;
}

/**
 * One failure and what followed, until failback: a node down (its services move to the backups), an IP Office
 * Line down between two nodes that are up, or one application (Voicemail Pro, one-X Portal) of a node that is up
 * failed over to its backup. While open, the symptoms on the node and its dependents are held.
 */
export interface ResiliencyIncident {
  id: string;
  kind: 'node' | 'link' | 'service';
  nodeId: string;
  /** For a link incident: the node at the other end. */
  peerId: string | null;
  /** For a service incident: the application that failed over. */
  service: BackedUpService | null;
  siteId: string;
  openedAt: number;
  closedAt: number | null;
  /** Whether the failed node or link is down now, and since when it has been in that condition. */
  down: boolean;
  since: number;
  /** Every loss in the flap window, for flap detection. */
  recentLosses: number[];
  flapping: boolean;
  failedOverAt: number | null;
  failedBackAt: number | null;
  takeovers: Takeover[];
  degraded: string[];
  dependents: string[];
  /** Total time the node or link was down, counting every loss, in ms (updated at each recovery). */
  downMs: number;
  /**
   * A line incident closed because one of its nodes was then found down: the id of that node's incident, which
   * carries the line from then on. Absent otherwise (and in incidents saved before folding existed).
   */
  foldedInto?: string;
  timeline: TimelineEntry[];
}

/** Timeline entries kept per incident: a flapping link must not grow it without bound. */
export const MAX_TIMELINE = 200;

export function withEntry(incident: ResiliencyIncident, entry: TimelineEntry): ResiliencyIncident {
  const timeline = [...incident.timeline, entry];
  return { ...incident, timeline: timeline.length > MAX_TIMELINE ? timeline.slice(timeline.length - MAX_TIMELINE) : timeline };
}
