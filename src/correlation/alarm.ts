import type { EventCategory } from '../events/categories.js';
import type { EntityRef } from '../events/fleet-event.js';
import type { EventSource } from '../events/event-sources.js';
import type { Severity } from '../events/severity.js';

export const ALARM_STATES = ['active', 'acknowledged', 'cleared'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

/**
 * One problem on one thing, however many events reported it (OpenNMS's
 * alarm): events with the same reduction key update it instead of adding rows.
 */
export interface Alarm {
  id: number;
  reductionKey: string;
  source: EventSource;
  code: string;
  nodeId: string | null;
  /** Address the first event came from; what identifies an unknown source. */
  sourceAddress: string;
  entity: EntityRef | null;
  category: EventCategory;
  severity: Severity;
  highestSeverity: Severity;
  state: AlarmState;
  text: string;
  occurrences: number;
  firstSeen: number;
  lastSeen: number;
  clearedAt: number | null;
  /** Who acknowledged the open alarm, and when; null when not acknowledged. */
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
  /** Context attached by correlation: known issues and workarounds, flapping, inhibition, licence or resiliency context. */
  annotations: AlarmAnnotation[];
}

export const ANNOTATION_KINDS = ['known-issue', 'flapping', 'inhibited', 'licence', 'resiliency'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** One piece of context on an alarm. Keyed by (kind, key): a later annotation with the same key replaces the earlier. */
export interface AlarmAnnotation {
  kind: AnnotationKind;
  /** Rule id, inhibiting alarm id, …: what makes this annotation unique on the alarm. */
  key: string;
  title: string;
  text: string;
  at: number;
  /** The vendor's id (IPOFFICE-nnnnnn) and the seed lines, for known issues. */
  vendorId?: string;
  references?: string[];
  /** For known issues: annotate, benign (notifications held), raise. */
  effect?: string;
}

export const TRANSITION_KINDS = ['raised', 'severity-changed', 'cleared', 'reopened', 'acknowledged', 'unacknowledged', 'expired'] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

/** A change of an alarm's state or severity, stored as its history. Repeats are not transitions. */
export interface AlarmTransition {
  id: number;
  alarmId: number;
  at: number;
  kind: TransitionKind;
  fromState: AlarmState | null;
  toState: AlarmState;
  severity: Severity;
  eventId: number | null;
  user: string | null;
  note: string | null;
}
