import type { Attributes, FleetEvent } from '../events/fleet-event.js';
import type { Severity } from '../events/severity.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import type { ResiliencyIncident } from './incident.js';
import { SERVICE_NAMES } from './relations.js';

/** The codes of the engine's own events; it ignores them when they come back from the store. */
export const RESILIENCY_CODES = {
  incident: 'resiliency.incident',
  failover: 'resiliency.failover',
  failback: 'resiliency.failback',
  flapping: 'resiliency.flapping',
  accsOnSecondary: 'resiliency.accs-on-secondary',
} as const;

export const RESILIENCY_COLLECTOR = 'resiliency';

export function nameOf(fleet: FleetIndex, nodeId: string): string {
  return fleet.node(nodeId)?.node.name ?? nodeId;
}

/** "phones, hunt groups → HQ Secondary; one-X Portal → DC Secondary". */
export function takenOverText(fleet: FleetIndex, incident: ResiliencyIncident): string {
  if (incident.takeovers.length === 0) return 'no backup configured';
  const byNode = new Map<string, string[]>();
  for (const t of incident.takeovers) byNode.set(t.by, [...(byNode.get(t.by) ?? []), SERVICE_NAMES[t.service]]);
  return [...byNode].map(([by, services]) => `${services.join(', ')} -> ${nameOf(fleet, by)}`).join('; ');
}

/** "HQ Primary is down", "IP Office Line A <-> B is down", "Voicemail Pro on HQ Primary is down". */
export function failedText(fleet: FleetIndex, incident: Pick<ResiliencyIncident, 'kind' | 'nodeId' | 'peerId' | 'service'>): string {
  if (incident.kind === 'service') return `${SERVICE_NAMES[incident.service ?? 'voicemail']} on ${nameOf(fleet, incident.nodeId)} is down`;
  return incident.kind === 'node' ? `${nameOf(fleet, incident.nodeId)} is down` : `IP Office Line ${nameOf(fleet, incident.nodeId)} <-> ${nameOf(fleet, incident.peerId ?? '')} is down`;
}

/** The incident alarm's text: what failed, what took over, what is degraded. */
export function incidentText(fleet: FleetIndex, incident: ResiliencyIncident): string {
  const took = incident.kind !== 'link' ? ` Taken over: ${takenOverText(fleet, incident)}.` : '';
  const degraded = incident.degraded.length > 0 ? ` Degraded: ${incident.degraded.join('; ')}.` : '';
  return `Resiliency: ${failedText(fleet, incident)}.${took}${degraded}`;
}

export function minutes(ms: number): string {
  return `${Math.round(ms / 6000) / 10} min`;
}

export function resiliencyEvent(
  fleet: FleetIndex,
  incident: ResiliencyIncident,
  at: number,
  fields: { code: string; severity: Severity; raisesAlarm: boolean; text: string; attributes?: Attributes; nodeId?: string; alarmKey?: string },
): FleetEvent {
  const nodeId = fields.nodeId ?? incident.nodeId;
  const node = fleet.node(nodeId)?.node;
  return {
    receivedAt: at,
    source: 'internal',
    collector: RESILIENCY_COLLECTOR,
    sourceAddress: node?.addresses[0] ?? '',
    nodeId,
    entity: incident.peerId !== null ? { kind: 'link', id: incident.peerId } : null,
    category: 'Resiliency',
    severity: fields.severity,
    raisesAlarm: fields.raisesAlarm,
    code: fields.code,
    ...(fields.raisesAlarm || fields.severity === 'cleared' ? { alarmKey: fields.alarmKey ?? incident.id } : {}),
    text: fields.text,
    attributes: { incidentId: incident.id, kind: incident.kind, peer: incident.peerId, ...(incident.service !== null && { service: incident.service }), ...fields.attributes },
    raw: { encoding: 'utf8', data: fields.text },
  };
}
