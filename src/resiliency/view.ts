import type { FleetIndex } from '../fleet/fleet-index.js';
import type { ResiliencyIncident } from './incident.js';
import { failedText, nameOf, takenOverText } from './resiliency-events.js';

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** An incident as the API shows it: what failed, what took over, what is degraded, durations and the timeline. */
export function incidentView(fleet: FleetIndex, incident: ResiliencyIncident, now: number) {
  const end = incident.closedAt ?? now;
  return {
    id: incident.id,
    kind: incident.kind,
    nodeId: incident.nodeId,
    peerId: incident.peerId,
    service: incident.service,
    siteId: incident.siteId,
    open: incident.closedAt === null,
    /** A line incident closed into the incident of a node found down after it: that incident's id. */
    foldedInto: incident.foldedInto ?? null,
    failed: failedText(fleet, incident),
    takenOver: incident.takeovers.map((t) => ({ service: t.service, by: t.by, byName: nameOf(fleet, t.by) })),
    takenOverText: incident.kind !== 'link' ? takenOverText(fleet, incident) : null,
    down: incident.down && incident.closedAt === null,
    degraded: incident.degraded,
    flapping: incident.flapping,
    openedAt: iso(incident.openedAt),
    failedOverAt: iso(incident.failedOverAt),
    failedBackAt: iso(incident.failedBackAt),
    closedAt: iso(incident.closedAt),
    durations: {
      openSeconds: (end - incident.openedAt) / 1000,
      downSeconds: (incident.downMs + (incident.down && incident.closedAt === null ? now - incident.since : 0)) / 1000,
      failedOverSeconds: incident.failedOverAt === null ? null : ((incident.failedBackAt ?? end) - incident.failedOverAt) / 1000,
    },
    timeline: incident.timeline.map((e) => ({ at: iso(e.at), kind: e.kind, text: e.text, eventId: e.eventId })),
  };
}

/**
 * Per site: which nodes are down, which services run on a backup now (a node's after its failover, or one
 * application's), and the IP Office Lines that are down between nodes that are up.
 */
export function siteStates(fleet: FleetIndex, open: readonly ResiliencyIncident[]) {
  type NodeState = { nodeId: string; name: string; state: 'up' | 'down' | 'recovering'; servedBy: Array<{ service: string; by: string }>; incidentIds: string[] };
  const sites = new Map<string, { customerId: string; siteId: string; nodes: NodeState[]; linesDown: Array<{ nodeId: string; peerId: string; incidentId: string; flapping: boolean }> }>();
  for (const { node, site, customer } of fleet.nodes()) {
    const key = `${customer.id}/${site.id}`;
    const entry = sites.get(key) ?? { customerId: customer.id, siteId: site.id, nodes: [], linesDown: [] };
    const incident = open.find((i) => i.kind === 'node' && i.nodeId === node.id);
    const state = !incident ? 'up' : incident.down ? 'down' : 'recovering';
    const services = open.filter((i) => i.kind === 'service' && i.nodeId === node.id);
    const servedBy = [...(incident && incident.failedOverAt !== null ? incident.takeovers : []), ...services.flatMap((i) => i.takeovers)].map((t) => ({ service: t.service, by: t.by }));
    const incidentIds = open.filter((i) => i.nodeId === node.id).map((i) => i.id);
    entry.nodes.push({ nodeId: node.id, name: node.name, state, servedBy, incidentIds });
    for (const line of open.filter((i) => i.kind === 'link' && i.down && i.nodeId === node.id)) entry.linesDown.push({ nodeId: line.nodeId, peerId: line.peerId!, incidentId: line.id, flapping: line.flapping });
    sites.set(key, entry);
  }
  return [...sites.values()];
}
