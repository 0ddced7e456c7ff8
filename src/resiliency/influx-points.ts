import type { FleetIndex } from '../fleet/fleet-index.js';
import { fleetTags } from '../sinks/influxdb/fleet-tags.js';
import type { PointInput } from '../sinks/influxdb/line-protocol.js';
import type { ResiliencyIncident, TimelineEntry } from './incident.js';

/** One ipo_resiliency_incident point per timeline entry (Grafana annotations, dashboards/resiliency.ts). Pure. */
export function resiliencyPoint(fleet: FleetIndex, incident: ResiliencyIncident, entry: TimelineEntry): PointInput<'resiliencyIncident'> {
  return {
    at: entry.at,
    tags: { ...fleetTags(fleet, incident.nodeId), kind: incident.kind, peer: incident.peerId ?? '' },
    fields: { phase: entry.kind, duration_s: (entry.at - incident.openedAt) / 1000, text: entry.text },
  };
}
