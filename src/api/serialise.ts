import type { Alarm, AlarmTransition } from '../correlation/alarm.js';
import type { Notification } from '../correlation/notification.js';
import type { Silence } from '../correlation/silence.js';
import type { UnmatchedCluster } from '../storage/store.js';
import type { StoredEvent } from '../events/fleet-event.js';
import type { FleetIndex } from '../fleet/fleet-index.js';

/** A time as the API shows it: ISO 8601 UTC, or null when there is none. */
export const iso = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** The node an alarm or event belongs to, as the API shows it (null for unknown sources). */
export function nodeRef(fleet: FleetIndex, nodeId: string | null) {
  if (!nodeId) return null;
  const row = fleet.node(nodeId);
  if (!row) return { id: nodeId, name: nodeId, siteId: null, customerId: null };
  return { id: nodeId, name: row.node.name, siteId: row.site.id, customerId: row.customer.id };
}

export function serialiseAlarm(alarm: Alarm, fleet: FleetIndex) {
  return {
    id: alarm.id,
    reductionKey: alarm.reductionKey,
    state: alarm.state,
    severity: alarm.severity,
    highestSeverity: alarm.highestSeverity,
    category: alarm.category,
    code: alarm.code,
    source: alarm.source,
    text: alarm.text,
    occurrences: alarm.occurrences,
    firstSeen: iso(alarm.firstSeen),
    lastSeen: iso(alarm.lastSeen),
    clearedAt: iso(alarm.clearedAt),
    acknowledgedBy: alarm.acknowledgedBy,
    acknowledgedAt: iso(alarm.acknowledgedAt),
    annotations: alarm.annotations.map((annotation) => ({ ...annotation, at: iso(annotation.at) })),
    node: nodeRef(fleet, alarm.nodeId),
    sourceAddress: alarm.sourceAddress,
    entity: alarm.entity,
    links: { self: `/api/v1/alarms/${alarm.id}`, events: `/api/v1/events?alarmId=${alarm.id}` },
  };
}

export function serialiseTransition(transition: AlarmTransition) {
  return { ...transition, at: iso(transition.at) };
}

export function serialiseEvent(event: StoredEvent, fleet: FleetIndex) {
  return {
    id: event.id,
    receivedAt: iso(event.receivedAt),
    occurredAt: iso(event.occurredAt),
    source: event.source,
    collector: event.collector,
    sourceAddress: event.sourceAddress,
    hostname: event.hostname ?? null,
    node: nodeRef(fleet, event.nodeId),
    unknownSource: event.nodeId === null,
    entity: event.entity,
    category: event.category,
    severity: event.severity,
    code: event.code,
    text: event.text,
    attributes: event.attributes,
    raw: event.raw,
    alarmId: event.alarmId,
  };
}

export function serialiseNotification(notification: Notification) {
  return { ...notification, at: iso(notification.at), updatedAt: iso(notification.updatedAt) };
}

export function serialiseSilence(silence: Silence, now: number) {
  const active = silence.cancelledAt === null && silence.startsAt <= now && now < silence.endsAt;
  return {
    ...silence,
    active,
    startsAt: iso(silence.startsAt),
    endsAt: iso(silence.endsAt),
    createdAt: iso(silence.createdAt),
    cancelledAt: iso(silence.cancelledAt),
  };
}

export function serialiseCluster(cluster: UnmatchedCluster) {
  return { ...cluster, firstSeen: iso(cluster.firstSeen), lastSeen: iso(cluster.lastSeen) };
}
