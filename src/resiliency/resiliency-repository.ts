import type { ResiliencyIncident } from './incident.js';

export interface ResiliencyIncidentQuery {
  /** Only open (true) or closed (false) incidents; all when absent. */
  open?: boolean;
  limit: number;
}

/** Where the resiliency engine keeps its incidents, so an open one resumes after a restart (the Store provides it). */
export interface ResiliencyRepository {
  /** Newest opened first. */
  listResiliencyIncidents(query: ResiliencyIncidentQuery): ResiliencyIncident[];
  /** Inserts or replaces the incident with this id. */
  saveResiliencyIncident(incident: ResiliencyIncident): void;
  /** Deletes incidents closed before `closedBefore` (retention); open ones are kept. Returns how many went. */
  deleteClosedResiliencyIncidents(closedBefore: number): number;
}
