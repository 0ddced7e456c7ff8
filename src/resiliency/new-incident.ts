import type { FleetIndex } from '../fleet/fleet-index.js';
import type { ResiliencyIncident } from './incident.js';
import { dependentsOf, linePeersOf, SERVICE_NAMES, takeoversOf } from './relations.js';
import { nameOf } from './resiliency-events.js';

export type IncidentSubject = { kind: 'node'; nodeId: string } | { kind: 'link'; nodeId: string; peerId: string } | { kind: 'service'; nodeId: string; service: 'voicemail' | 'oneXPortal' };

/** A freshly opened incident: who takes over what, what is degraded and whose alarms are its symptoms. Pure. */
export function newIncident(fleet: FleetIndex, subject: IncidentSubject, id: string, at: number): ResiliencyIncident {
  const base = {
    id,
    kind: subject.kind,
    nodeId: subject.nodeId,
    peerId: null,
    service: null,
    siteId: fleet.node(subject.nodeId)!.site.id,
    openedAt: at,
    closedAt: null,
    down: true,
    since: at,
    recentLosses: [at],
    flapping: false,
    failedOverAt: null,
    failedBackAt: null,
    downMs: 0,
    timeline: [],
  };
  switch (subject.kind) {
    case 'node':
      return { ...base, takeovers: takeoversOf(fleet, subject.nodeId), degraded: nodeDegraded(fleet, subject.nodeId), dependents: dependentsOf(fleet, subject.nodeId) };
    case 'link':
      return { ...base, peerId: subject.peerId, takeovers: [], degraded: [`calls between ${nameOf(fleet, subject.nodeId)} and ${nameOf(fleet, subject.peerId)} (SCN)`], dependents: [subject.peerId] };
    case 'service': {
      const takeovers = takeoversOf(fleet, subject.nodeId).filter((t) => t.service === subject.service);
      return { ...base, service: subject.service, failedOverAt: at, takeovers, degraded: serviceDegraded(fleet, subject.nodeId, subject.service, takeovers[0]?.by), dependents: takeovers.map((t) => t.by) };
    }
  }
}

function nodeDegraded(fleet: FleetIndex, nodeId: string): string[] {
  const node = fleet.node(nodeId)!.node;
  const backed = new Set(takeoversOf(fleet, nodeId).map((t) => t.service));
  const degraded = [`calls anchored on ${node.name} lose their audio (003:668-669)`];
  const peers = linePeersOf(fleet, nodeId);
  if (peers.length > 0) degraded.push(`IP Office Lines to ${peers.map((p) => nameOf(fleet, p)).join(', ')} down`);
  if (backed.has('phones')) degraded.push('failed-over phones run as guests: basic calls only, user changes lost at failback (003:664-692)');
  if (node.resilience?.voicemailDualActive) degraded.push('Dual Active Voicemail Pro: the peer serves every mailbox at half the channel capacity');
  for (const service of ['phones', 'huntGroups', 'voicemail'] as const) if (!backed.has(service)) degraded.push(`${SERVICE_NAMES[service]}: no backup configured, out of service`);
  return degraded;
}

function serviceDegraded(fleet: FleetIndex, nodeId: string, service: 'voicemail' | 'oneXPortal', by: string | undefined): string[] {
  if (by === undefined) return [`${SERVICE_NAMES[service]} of ${nameOf(fleet, nodeId)}: no backup configured, out of service`];
  if (service === 'oneXPortal') return [`one-X Portal users moved to ${nameOf(fleet, by)}; new users need its URL until failback (001:1307-1311)`];
  const dual = fleet.node(nodeId)?.node.resilience?.voicemailDualActive;
  return [dual ? `Dual Active Voicemail Pro: ${nameOf(fleet, by)} serves every mailbox at half the channel capacity (003:503-509)` : `voicemail served by the Voicemail Pro on ${nameOf(fleet, by)} (003:464-501)`];
}
