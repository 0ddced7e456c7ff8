import type { Alarm } from '../correlation/alarm.js';
import type { StoredEvent } from '../events/fleet-event.js';
import { severityRank } from '../events/severity.js';
import type { AlarmQuery, EventQuery } from './store.js';

// The in-memory twins of event-query-sql.ts and alarm-query-sql.ts; the store contract checks they agree.

export function matchesEventQuery(event: StoredEvent, query: EventQuery): boolean {
  if (query.nodeId !== undefined && event.nodeId !== query.nodeId) return false;
  if (query.nodeIds !== undefined && (event.nodeId === null || !query.nodeIds.includes(event.nodeId))) return false;
  if (query.source !== undefined && event.source !== query.source) return false;
  if (query.category !== undefined && event.category !== query.category) return false;
  if (query.minSeverity !== undefined && severityRank(event.severity) < severityRank(query.minSeverity)) return false;
  if (query.since !== undefined && event.receivedAt < query.since) return false;
  if (query.until !== undefined && event.receivedAt >= query.until) return false;
  if (query.unknownSource === true && event.nodeId !== null) return false;
  if (query.alarmId !== undefined && event.alarmId !== query.alarmId) return false;
  if (query.beforeId !== undefined && event.id >= query.beforeId) return false;
  return true;
}

export function matchesAlarmQuery(alarm: Alarm, query: AlarmQuery): boolean {
  if (query.state !== undefined) {
    if (alarm.state !== query.state) return false;
  } else if (query.open === true && alarm.state === 'cleared') return false;
  if (query.nodeId !== undefined && alarm.nodeId !== query.nodeId) return false;
  if (query.nodeIds !== undefined && (alarm.nodeId === null || !query.nodeIds.includes(alarm.nodeId))) return false;
  if (query.category !== undefined && alarm.category !== query.category) return false;
  if (query.minSeverity !== undefined && severityRank(alarm.severity) < severityRank(query.minSeverity)) return false;
  if (query.lastSeenBefore !== undefined && alarm.lastSeen >= query.lastSeenBefore) return false;
  return true;
}
