import type { Alarm, AlarmState, AlarmTransition, TransitionKind } from '../correlation/alarm.js';
import type { Notification, NotificationStatus } from '../correlation/notification.js';
import type { Silence } from '../correlation/silence.js';
import type { EventCategory } from '../events/categories.js';
import type { EventSource } from '../events/event-sources.js';
import type { FleetEvent, StoredEvent } from '../events/fleet-event.js';
import type { Severity } from '../events/severity.js';
import type { LicenceRepository } from '../licence/licence-repository.js';
import type { ResiliencyRepository } from '../resiliency/resiliency-repository.js';
import type { SessionRepository } from '../api/auth/session-repository.js';
import type { SsaEntryState } from '../../collectors/ssa/entry-state.js';
import type { NotifierOutbox } from '../../notifiers/delivery.js';
import type { QosRepository } from '../qos/qos-repository.js';
import type { AuditRepository } from '../audit/audit-entry.js';

export interface EventQuery {
  nodeId?: string;
  /** Nodes to include (e.g. every node of a site); an empty array matches nothing. */
  nodeIds?: string[];
  source?: EventSource;
  category?: EventCategory;
  /** Minimum severity by rank (see severityRank); `info` includes everything. */
  minSeverity?: Severity;
  since?: number;
  until?: number;
  /** Only events whose source is not in the fleet (nodeId null). */
  unknownSource?: boolean;
  alarmId?: number;
  /** Page backwards: only ids lower than this. */
  beforeId?: number;
  limit: number;
}

export interface AlarmQuery {
  state?: AlarmState;
  /** `open` = active or acknowledged. Ignored when `state` is set. */
  open?: boolean;
  nodeId?: string;
  nodeIds?: string[];
  category?: EventCategory;
  minSeverity?: Severity;
  /** Only alarms last seen before this time (stale-alarm expiry). */
  lastSeenBefore?: number;
  limit: number;
}

export interface NotificationQuery {
  alarmId?: number;
  status?: NotificationStatus;
  limit: number;
}

/** A family of events no rule matched, by message template (numbers, addresses and ids replaced). */
export interface UnmatchedCluster {
  key: string;
  source: string;
  code: string;
  template: string;
  exampleText: string;
  exampleEventId: number | null;
  count: number;
  firstSeen: number;
  lastSeen: number;
}

/** What one SSA snapshot changes in the remembered entries of a node's list. */
export interface SsaEntryChanges {
  upsert: SsaEntryState[];
  /** Alarm keys to forget (scrolled off). */
  remove: string[];
}

export interface RetentionPolicy {
  eventsDays: number;
  clearedAlarmsDays: number;
}

/** What the correlation engine needs to read and write alarms. */
export interface AlarmRepository {
  /** The newest alarm with this reduction key (open or cleared), or null. */
  findLatestByReductionKey(reductionKey: string): Alarm | null;
  insertAlarm(alarm: Omit<Alarm, 'id'>): Alarm;
  updateAlarm(alarm: Alarm): void;
  insertTransition(transition: Omit<AlarmTransition, 'id'>): AlarmTransition;
  /** Any open alarm of the node whose code starts with codePrefix (and has the category, if given), other than excludeId. */
  findOpenAlarm(query: { nodeId: string; codePrefix?: string | undefined; category?: string | undefined; excludeId: number }): Alarm | null;
  /** How many transitions of this kind the alarm had at or after `since` (flap detection). */
  countTransitionsSince(alarmId: number, kind: TransitionKind, since: number): number;
}

/**
 * The embedded store. Synchronous on purpose: better-sqlite3 is synchronous,
 * and the pipeline writes a batch of events in one transaction.
 */
export interface Store extends AlarmRepository, NotifierOutbox, QosRepository, LicenceRepository, AuditRepository, ResiliencyRepository, SessionRepository {
  /** Runs fn in one transaction: all of its writes land, or none. Nested calls join the outer one. */
  transaction<T>(fn: () => T): T;
  insertEvent(event: FleetEvent, alarmId: number | null): StoredEvent;
  getAlarm(id: number): Alarm | null;
  listAlarms(query: AlarmQuery): Alarm[];
  /** Oldest first. */
  alarmTransitions(alarmId: number): AlarmTransition[];
  /** Newest first. */
  listEvents(query: EventQuery): StoredEvent[];
  getEvent(id: number): StoredEvent | null;
  countAlarmsByState(): Record<AlarmState, number>;
  insertNotification(notification: Omit<Notification, 'id'>): Notification;
  /** Newest first. */
  listNotifications(query: NotificationQuery): Notification[];
  insertSilence(silence: Omit<Silence, 'id'>): Silence;
  /** Every silence not cancelled and not ended before `endedAfter` (all when omitted); newest first. */
  listSilences(query?: { endedAfter?: number }): Silence[];
  /** Returns the cancelled silence, or null when it does not exist or was already cancelled. */
  cancelSilence(id: number, by: string, at: number): Silence | null;
  /** Counts one more event in its cluster (creating the cluster on first sight). */
  recordUnmatched(cluster: { key: string; source: string; code: string; template: string; exampleText: string; exampleEventId: number | null; at: number }): void;
  /** Biggest clusters first. */
  listUnmatched(limit: number): UnmatchedCluster[];
  /** Deletes events older than eventsDays and alarms cleared longer than clearedAlarmsDays (with their transitions). */
  applyRetention(policy: RetentionPolicy, now: number): { events: number; alarms: number };
  /** The remembered SSA entries of a node's alarm list (collectors/ssa), in no order. */
  listSsaEntries(nodeId: string, list: string): SsaEntryState[];
  /** Upserts and forgets SSA entries of one node's list; atomic (joins an outer transaction). */
  saveSsaEntries(nodeId: string, list: string, changes: SsaEntryChanges, at: number): void;
  close(): void;
}
