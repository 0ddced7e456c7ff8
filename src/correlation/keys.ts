import type { FleetEvent } from '../events/fleet-event.js';

/**
 * The reduction key (OpenNMS's term): events with the same key are the same
 * problem on the same thing, so they update one alarm instead of adding more.
 * Built from the event code, the node (or the source address when the node
 * is unknown, so unknown senders still reduce), the entity and the alarm key.
 */
export function reductionKey(event: FleetEvent): string {
  const where = event.nodeId ?? `addr:${event.sourceAddress}`;
  const entity = event.entity ? `${event.entity.kind}:${event.entity.id}` : '-';
  return [event.code, where, entity, event.alarmKey ?? '-'].join('|');
}
