import type { FleetIndex } from '../fleet/fleet-index.js';
import { fleetTags } from '../sinks/influxdb/fleet-tags.js';
import type { PointInput } from '../sinks/influxdb/line-protocol.js';
import type { ResiliencyIncident, TimelineEntry } from './incident.js';

/**
 * One ipo_resiliency_incident point per timeline entry (Grafana annotations, dashboards/resiliency.ts). The entry
 * that opens the incident has phase "start" (the dashboard counts incidents by it); the others their kind. Pure.
 */
export function resiliencyPoint(fleet: FleetIndex, incident: ResiliencyIncident, entry: TimelineEntry): PointInput<'resiliencyIncident'> {
  const opening = entry === incident.timeline[0] && entry.at === incident.openedAt;
  return {
    at: entry.at,
    tags: { ...fleetTags(fleet, incident.nodeId), kind: incident.kind, peer: incident.peerId ?? '' },
    fields: { phase: opening ? 'start' : entry.kind, duration_s: (entry.at - incident.openedAt) / 1000, text: entry.text },
  };
}
