import type { ResiliencyIncident } from '../resiliency/incident.js';
import type { ResiliencyIncidentQuery } from '../resiliency/resiliency-repository.js';
import { incidentFromRow, incidentToRow, type IncidentRow } from './sqlite-resiliency.js';

/** MemoryStore's resiliency_incidents: rows by id, in the store's state so rollbacks cover them. */
export type ResiliencyRows = Map<string, IncidentRow>;

export function saveResiliencyIncident(rows: ResiliencyRows, incident: ResiliencyIncident): void {
  // Through the row mapping, so what comes back is shaped exactly as from SQLite.
  rows.set(incident.id, incidentToRow(incident));
}

export function listResiliencyIncidents(rows: ResiliencyRows, query: ResiliencyIncidentQuery): ResiliencyIncident[] {
  return [...rows.values()]
    .filter((row) => query.open === undefined || (row.closed_at === null) === query.open)
    .sort((a, b) => b.opened_at - a.opened_at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, query.limit)
    .map(incidentFromRow);
}

export function deleteClosedResiliencyIncidents(rows: ResiliencyRows, closedBefore: number): number {
  let deleted = 0;
  for (const [id, row] of rows) if (row.closed_at !== null && row.closed_at < closedBefore && rows.delete(id)) deleted++;
  return deleted;
}
