import type { Alarm } from '../correlation/alarm.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import type { ResiliencyIncident } from './incident.js';
import { failedText } from './resiliency-events.js';

/** Alarms that a failed node or line explains on the nodes around it: trunks and lines, phones, QoS, the licence link, applications. */
const SYMPTOM_CATEGORIES: readonly string[] = ['Trunk lines', 'QoS', 'License', 'Phone change', 'Applications'];
const SYMPTOM_CODES = ['poll.node-unreachable', 'snmp.ipo.link', 'snmp.ipo.trunk', 'snmp.ipo.lks', 'snmp.ipo.qos', 'snmp.ipo.phone', 'snmp.ipo.app', 'snmp.ipo.sog', 'snmp.if-link', 'snmp.ipo.if-link'];

export function isRootCause(alarm: Pick<Alarm, 'code'>): boolean {
  return alarm.code.startsWith('resiliency.');
}

function isSymptom(alarm: Pick<Alarm, 'code' | 'category'>): boolean {
  return SYMPTOM_CATEGORIES.includes(alarm.category) || SYMPTOM_CODES.some((prefix) => alarm.code.startsWith(prefix));
}

/**
 * The open incident an alarm is a symptom of: any alarm of a node while it is down, and the symptom kinds on the
 * failed node, its line peers and its backups while the incident is open. Null for the engine's own alarms.
 */
export function holdOf(fleet: FleetIndex, open: Iterable<ResiliencyIncident>, alarm: Pick<Alarm, 'nodeId' | 'code' | 'category'>): { incidentId: string; reason: string } | null {
  if (alarm.nodeId === null || isRootCause(alarm)) return null;
  for (const incident of open) {
    const downNode = incident.kind === 'node' && incident.down && alarm.nodeId === incident.nodeId;
    const around = alarm.nodeId === incident.nodeId || alarm.nodeId === incident.peerId || incident.dependents.includes(alarm.nodeId);
    if (downNode || (around && isSymptom(alarm))) {
      return { incidentId: incident.id, reason: `symptom of resiliency incident ${incident.id}: ${failedText(fleet, incident)}` };
    }
  }
  return null;
}
