import type { Alarm } from '../correlation/alarm.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import type { ResiliencyIncident } from './incident.js';
import { failedText } from './resiliency-events.js';
import { signalOf } from './signals.js';

/** Alarms that a failed node or line explains on the nodes around it: trunks and lines, phones, QoS, the licence link, applications. */
const SYMPTOM_CATEGORIES: readonly string[] = ['Trunk lines', 'QoS', 'License', 'Phone change', 'Applications'];
const SYMPTOM_CODES = ['poll.node-unreachable', 'snmp.ipo.link', 'snmp.ipo.trunk', 'snmp.ipo.lks', 'snmp.ipo.qos', 'snmp.ipo.phone', 'snmp.ipo.app', 'snmp.ipo.sog', 'snmp.if-link', 'snmp.ipo.if-link', 'syslog.alarm.link', 'syslog.alarm.trunk', 'ssa.link.', 'ssa.trunk.'];

export type HoldableAlarm = Pick<Alarm, 'nodeId' | 'code' | 'category'> & Partial<Pick<Alarm, 'severity' | 'entity' | 'text'>>;

export function isRootCause(alarm: Pick<Alarm, 'code'>): boolean {
  return alarm.code.startsWith('resiliency.');
}

function isSymptom(alarm: Pick<Alarm, 'code' | 'category'>): boolean {
  return SYMPTOM_CATEGORIES.includes(alarm.category) || SYMPTOM_CODES.some((prefix) => alarm.code.startsWith(prefix));
}

/**
 * The open incident an alarm is a symptom of: any alarm of a node while it is down, and the symptom kinds on the
 * failed node, its line peers and its backups while the incident is open. A loss itself (the unreachable poll, the
 * line's Failure, a peer's "unreachable" line) is folded into the incident it opens or joins, even before the engine
 * has seen it: the incident's one notification reports it. Null for the engine's own alarms.
 */
export function holdOf(fleet: FleetIndex, open: Iterable<ResiliencyIncident>, alarm: HoldableAlarm): { incidentId: string; reason: string } | null {
  if (alarm.nodeId === null || isRootCause(alarm)) return null;
  for (const incident of open) {
    const downNode = incident.kind === 'node' && incident.down && alarm.nodeId === incident.nodeId;
    const around = alarm.nodeId === incident.nodeId || alarm.nodeId === incident.peerId || incident.dependents.includes(alarm.nodeId);
    if (downNode || (around && isSymptom(alarm))) {
      return { incidentId: incident.id, reason: `symptom of resiliency incident ${incident.id}: ${failedText(fleet, incident)}` };
    }
  }
  const loss = alarm.severity === undefined ? null : signalOf(fleet, { nodeId: alarm.nodeId, code: alarm.code, severity: alarm.severity, entity: alarm.entity ?? null, text: alarm.text ?? '' });
  if (loss?.kind === 'down') {
    const what = failedText(fleet, loss.peerId === null ? { kind: 'node', nodeId: loss.nodeId, peerId: null, service: null } : { kind: 'link', nodeId: loss.nodeId, peerId: loss.peerId, service: null });
    return { incidentId: loss.peerId === null ? `node:${loss.nodeId}` : `line:${loss.nodeId}:${loss.peerId}`, reason: `folded into the resiliency incident it opens or joins: ${what}` };
  }
  if (loss?.kind === 'service' && loss.phase === 'failover') {
    const what = failedText(fleet, { kind: 'service', nodeId: loss.nodeId, peerId: null, service: loss.service });
    return { incidentId: `service:${loss.nodeId}:${loss.service}`, reason: `folded into the resiliency incident it opens or joins: ${what}` };
  }
  return null;
}
