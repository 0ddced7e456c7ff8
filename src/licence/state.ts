import type { LicenceSource } from '../fleet/node-schema.js';

/** One licence type a shortage alarm names, while it is active. */
export interface LicenceShortage {
  /** The signal that reported it ("licence-insufficient", …): two alarms may name one type. */
  signal: string;
  licenceType: string;
  since: number;
  eventId: number | null;
}

/** The signal that last reached the node's track, moving its mode or not. */
export interface LicenceEvidence {
  signal: string;
  eventId: number | null;
  at: number;
}

/** Where a node stands on one track of the catalogue (`licence`, `select`). Persisted, so countdowns survive restarts. */
export interface LicenceState {
  nodeId: string;
  track: string;
  mode: string;
  since: number;
  /** The licence source the mode belongs to: the fleet's, or what a report or an assertion showed. */
  licenceSource: LicenceSource;
  /** The fleet's licenceSource when this state was set; a different one in the fleet file starts the node afresh. */
  configuredSource: LicenceSource;
  graceStartedAt: number | null;
  /** null in a grace whose length is not documented. */
  graceExpiresAt: number | null;
  /** The last day announced (days remaining, or days in an open-ended grace), so each day is announced once. */
  reminderKey: number | null;
  /** Daily alarms raised in the current grace (modes with dailyAlarm). */
  dailyAlarms: number;
  /** Alarm key of the current grace: each grace is its own alarm, so occurrences count that grace's days. */
  episode: string | null;
  /** Licence-shortage alarms active on the node (licence track only). */
  shortages: LicenceShortage[];
  /** Known-issue rule id when the mode is a documented false state (IPOFFICE-111618). */
  suspect: string | null;
  lastEvidence: LicenceEvidence | null;
  updatedAt: number;
}

/** Why a mode changed. A signal reference ("licence-server-link-down.cleared") or one of these. */
export const TRANSITION_CAUSES = ['configured', 'licence-source-changed', 'catalogue-changed', 'grace-expired', 'mode-report', 'assertion'] as const;

/** A stored change of mode, with the evidence that caused it. */
export interface LicenceTransition {
  id: number;
  nodeId: string;
  track: string;
  at: number;
  fromMode: string | null;
  toMode: string;
  cause: string;
  /** Stored events that caused it: the trigger first, then the active shortage alarms it rests on. */
  eventIds: number[];
  user: string | null;
  note: string | null;
}

export function stateKey(nodeId: string, track: string): string {
  return `${nodeId}\u0000${track}`;
}

/** A state entering `mode` at `at`, with nothing of the previous mode carried over but the shortages. */
export function freshState(base: Pick<LicenceState, 'nodeId' | 'track' | 'licenceSource' | 'configuredSource'>, mode: string, at: number, shortages: LicenceShortage[] = []): LicenceState {
  return {
    ...base,
    mode,
    since: at,
    graceStartedAt: null,
    graceExpiresAt: null,
    reminderKey: null,
    dailyAlarms: 0,
    episode: null,
    shortages,
    suspect: null,
    lastEvidence: null,
    updatedAt: at,
  };
}
