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
    siteId: incident.siteId,
    open: incident.closedAt === null,
    failed: failedText(fleet, incident),
    takenOver: incident.takeovers.map((t) => ({ service: t.service, by: t.by, byName: nameOf(fleet, t.by) })),
    takenOverText: incident.kind === 'node' ? takenOverText(fleet, incident) : null,
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

/** Per site: which nodes are down, which services run on a backup now. */
export function siteStates(fleet: FleetIndex, open: readonly ResiliencyIncident[]) {
  const sites = new Map<string, { customerId: string; siteId: string; nodes: Array<{ nodeId: string; name: string; state: 'up' | 'down' | 'recovering'; servedBy: Array<{ service: string; by: string }> }> }>();
  for (const { node, site, customer } of fleet.nodes()) {
    const key = `${customer.id}/${site.id}`;
    const entry = sites.get(key) ?? { customerId: customer.id, siteId: site.id, nodes: [] };
    const incident = open.find((i) => i.kind === 'node' && i.nodeId === node.id);
    const state = !incident ? 'up' : incident.down ? 'down' : 'recovering';
    const servedBy = incident && incident.failedOverAt !== null ? incident.takeovers.map((t) => ({ service: t.service, by: t.by })) : [];
    entry.nodes.push({ nodeId: node.id, name: node.name, state, servedBy });
    sites.set(key, entry);
  }
  return [...sites.values()];
}
