import type { Alarm, AlarmAnnotation, AlarmState, AlarmTransition, TransitionKind } from '../correlation/alarm.js';
import type { EventCategory } from '../events/categories.js';
import type { EventSource } from '../events/event-sources.js';
import type { Attributes, EntityRef, FleetEvent, RawInput, StoredEvent } from '../events/fleet-event.js';
import { severityRank, type Severity } from '../events/severity.js';

/** Column names and types as SQLite returns them (see migrations.ts). */
interface EntityColumns {
  entity_kind: string | null;
  entity_id: string | null;
  entity_name: string | null;
}

export interface EventRow extends EntityColumns {
  id: number;
  received_at: number;
  occurred_at: number | null;
  source: string;
  collector: string;
  source_address: string;
  hostname: string | null;
  node_id: string | null;
  category: string;
  severity: string;
  severity_rank: number;
  code: string;
  alarm_key: string | null;
  raises_alarm: number;
  text: string;
  attributes: string;
  raw_encoding: string;
  raw_data: string;
  alarm_id: number | null;
}

export interface AlarmRow extends EntityColumns {
  id: number;
  reduction_key: string;
  source: string;
  code: string;
  node_id: string | null;
  source_address: string;
  category: string;
  severity: string;
  severity_rank: number;
  highest_severity: string;
  state: string;
  text: string;
  occurrences: number;
  first_seen: number;
  last_seen: number;
  cleared_at: number | null;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
  annotations: string;
}

export interface TransitionRow {
  id: number;
  alarm_id: number;
  at: number;
  kind: string;
  from_state: string | null;
  to_state: string;
  severity: string;
  event_id: number | null;
  user: string | null;
  note: string | null;
}

// Values in the database were validated on the way in, so reading them back is a cast, not a parse.

function entityColumns(entity: EntityRef | null): EntityColumns {
  return { entity_kind: entity?.kind ?? null, entity_id: entity?.id ?? null, entity_name: entity?.name ?? null };
}

function entityOf(row: EntityColumns): EntityRef | null {
  if (row.entity_kind === null || row.entity_id === null) return null;
  const entity: EntityRef = { kind: row.entity_kind as EntityRef['kind'], id: row.entity_id };
  if (row.entity_name !== null) entity.name = row.entity_name;
  return entity;
}

/** Parameters for the events INSERT; `id` is assigned by SQLite. */
export function eventToRow(event: FleetEvent, alarmId: number | null): Omit<EventRow, 'id'> {
  return {
    received_at: event.receivedAt,
    occurred_at: event.occurredAt ?? null,
    source: event.source,
    collector: event.collector,
    source_address: event.sourceAddress,
    hostname: event.hostname ?? null,
    node_id: event.nodeId,
    ...entityColumns(event.entity),
    category: event.category,
    severity: event.severity,
    severity_rank: severityRank(event.severity),
    code: event.code,
    alarm_key: event.alarmKey ?? null,
    raises_alarm: event.raisesAlarm ? 1 : 0,
    text: event.text,
    attributes: JSON.stringify(event.attributes),
    raw_encoding: event.raw.encoding,
    raw_data: event.raw.data,
    alarm_id: alarmId,
  };
}

/** Optional fields come back absent, not undefined, so a stored event deep-equals what was inserted. */
export function eventFromRow(row: EventRow): StoredEvent {
  const event: StoredEvent = {
    id: row.id,
    receivedAt: row.received_at,
    source: row.source as EventSource,
    collector: row.collector,
    sourceAddress: row.source_address,
    nodeId: row.node_id,
    entity: entityOf(row),
    category: row.category as EventCategory,
    severity: row.severity as Severity,
    raisesAlarm: row.raises_alarm === 1,
    code: row.code,
    text: row.text,
    attributes: JSON.parse(row.attributes) as Attributes,
    raw: { encoding: row.raw_encoding as RawInput['encoding'], data: row.raw_data },
    alarmId: row.alarm_id,
  };
  if (row.occurred_at !== null) event.occurredAt = row.occurred_at;
  if (row.hostname !== null) event.hostname = row.hostname;
  if (row.alarm_key !== null) event.alarmKey = row.alarm_key;
  return event;
}

/** Parameters for the alarms INSERT (no id) and UPDATE (with id). */
export function alarmToRow(alarm: Omit<Alarm, 'id'>): Omit<AlarmRow, 'id'> {
  return {
    reduction_key: alarm.reductionKey,
    source: alarm.source,
    code: alarm.code,
    node_id: alarm.nodeId,
    source_address: alarm.sourceAddress,
    ...entityColumns(alarm.entity),
    category: alarm.category,
    severity: alarm.severity,
    severity_rank: severityRank(alarm.severity),
    highest_severity: alarm.highestSeverity,
    state: alarm.state,
    text: alarm.text,
    occurrences: alarm.occurrences,
    first_seen: alarm.firstSeen,
    last_seen: alarm.lastSeen,
    cleared_at: alarm.clearedAt,
    acknowledged_by: alarm.acknowledgedBy,
    acknowledged_at: alarm.acknowledgedAt,
    annotations: JSON.stringify(alarm.annotations),
  };
}

export function alarmFromRow(row: AlarmRow): Alarm {
  return {
    id: row.id,
    reductionKey: row.reduction_key,
    source: row.source as EventSource,
    code: row.code,
    nodeId: row.node_id,
    sourceAddress: row.source_address,
    entity: entityOf(row),
    category: row.category as EventCategory,
    severity: row.severity as Severity,
    highestSeverity: row.highest_severity as Severity,
    state: row.state as AlarmState,
    text: row.text,
    occurrences: row.occurrences,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    clearedAt: row.cleared_at,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
    annotations: JSON.parse(row.annotations) as AlarmAnnotation[],
  };
}

export function transitionToRow(transition: Omit<AlarmTransition, 'id'>): Omit<TransitionRow, 'id'> {
  return {
    alarm_id: transition.alarmId,
    at: transition.at,
    kind: transition.kind,
    from_state: transition.fromState,
    to_state: transition.toState,
    severity: transition.severity,
    event_id: transition.eventId,
    user: transition.user,
    note: transition.note,
  };
}

export function transitionFromRow(row: TransitionRow): AlarmTransition {
  return {
    id: row.id,
    alarmId: row.alarm_id,
    at: row.at,
    kind: row.kind as TransitionKind,
    fromState: row.from_state as AlarmState | null,
    toState: row.to_state as AlarmState,
    severity: row.severity as Severity,
    eventId: row.event_id,
    user: row.user,
    note: row.note,
  };
}
