import type BetterSqlite3 from 'better-sqlite3';
import type { ResiliencyIncident } from '../resiliency/incident.js';
import type { ResiliencyIncidentQuery, ResiliencyRepository } from '../resiliency/resiliency-repository.js';

/** One row of resiliency_incidents: the columns queries need, the rest of the incident as JSON. */
export interface IncidentRow {
  id: string;
  kind: string;
  node_id: string;
  site_id: string;
  opened_at: number;
  closed_at: number | null;
  body: string;
}

export function incidentToRow(incident: ResiliencyIncident): IncidentRow {
  return { id: incident.id, kind: incident.kind, node_id: incident.nodeId, site_id: incident.siteId, opened_at: incident.openedAt, closed_at: incident.closedAt, body: JSON.stringify(incident) };
}

export function incidentFromRow(row: IncidentRow): ResiliencyIncident {
  const incident = JSON.parse(row.body) as ResiliencyIncident;
  // Incidents written before a field existed read with its empty value.
  return { ...incident, service: incident.service ?? null, closedAt: row.closed_at };
}

/** The resiliency_incidents table: the SQLite half of ResiliencyRepository. */
export class SqliteResiliency implements ResiliencyRepository {
  private readonly upsertStmt;
  private readonly listStmt;
  private readonly deleteClosedStmt;

  constructor(db: BetterSqlite3.Database) {
    this.upsertStmt = db.prepare<IncidentRow>(
      `INSERT OR REPLACE INTO resiliency_incidents (id, kind, node_id, site_id, opened_at, closed_at, body)
       VALUES (@id, @kind, @node_id, @site_id, @opened_at, @closed_at, @body)`,
    );
    this.listStmt = db.prepare<{ open: number | null; limit: number }, IncidentRow>(
      `SELECT * FROM resiliency_incidents
       WHERE @open IS NULL OR (closed_at IS NULL) = @open
       ORDER BY opened_at DESC, id DESC LIMIT @limit`,
    );
    this.deleteClosedStmt = db.prepare<[number]>('DELETE FROM resiliency_incidents WHERE closed_at IS NOT NULL AND closed_at < ?');
  }

  listResiliencyIncidents(query: ResiliencyIncidentQuery): ResiliencyIncident[] {
    return this.listStmt.all({ open: query.open === undefined ? null : Number(query.open), limit: query.limit }).map(incidentFromRow);
  }

  saveResiliencyIncident(incident: ResiliencyIncident): void {
    this.upsertStmt.run(incidentToRow(incident));
  }

  deleteClosedResiliencyIncidents(closedBefore: number): number {
    return this.deleteClosedStmt.run(closedBefore).changes;
  }
}
