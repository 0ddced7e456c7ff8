import type { Alarm, AlarmState, AlarmTransition } from '../correlation/alarm.js';
import type { EventCategory } from '../events/categories.js';
import type { EventSource } from '../events/event-sources.js';
import type { FleetEvent, StoredEvent } from '../events/fleet-event.js';
import type { Severity } from '../events/severity.js';

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
  limit: number;
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
}

/**
 * The embedded store. Synchronous on purpose: better-sqlite3 is synchronous,
 * and the pipeline writes a batch of events in one transaction.
 */
export interface Store extends AlarmRepository {
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
  /** Deletes events older than eventsDays and alarms cleared longer than clearedAlarmsDays (with their transitions). */
  applyRetention(policy: RetentionPolicy, now: number): { events: number; alarms: number };
  close(): void;
}
