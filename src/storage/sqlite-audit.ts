import type BetterSqlite3 from 'better-sqlite3';
import type { AuditEntry, AuditQuery } from '../audit/audit-entry.js';

export interface AuditRow {
  id: number;
  at: number;
  actor: string;
  role: string | null;
  via: string;
  action: string;
  target: string | null;
  detail: string;
  remote_address: string | null;
}

export function auditToRow(entry: Omit<AuditEntry, 'id'>): Omit<AuditRow, 'id'> {
  return {
    at: entry.at,
    actor: entry.actor,
    role: entry.role,
    via: entry.via,
    action: entry.action,
    target: entry.target,
    detail: JSON.stringify(entry.detail),
    remote_address: entry.remoteAddress,
  };
}

export function auditFromRow(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    role: row.role as AuditEntry['role'],
    via: row.via as AuditEntry['via'],
    action: row.action as AuditEntry['action'],
    target: row.target,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    remoteAddress: row.remote_address,
  };
}

/** The audit log (AuditRepository) in SQLite: append-only; filters are optional parameters of one statement. */
export class SqliteAudit {
  private readonly insertStmt;
  private readonly listStmt;
  private readonly deleteStmt;

  constructor(db: BetterSqlite3.Database) {
    this.insertStmt = db.prepare<Omit<AuditRow, 'id'>>(
      `INSERT INTO audit_log (at, actor, role, via, action, target, detail, remote_address)
       VALUES (@at, @actor, @role, @via, @action, @target, @detail, @remote_address)`,
    );
    this.listStmt = db.prepare<{ actor: string | null; action: string | null; since: number | null; before_id: number | null; limit: number }, AuditRow>(
      `SELECT * FROM audit_log
       WHERE (@actor IS NULL OR actor = @actor) AND (@action IS NULL OR action = @action)
         AND (@since IS NULL OR at >= @since) AND (@before_id IS NULL OR id < @before_id)
       ORDER BY id DESC LIMIT @limit`,
    );
    // A few hundred rows a day: one statement, no index on `at` (the table is scanned once an hour).
    this.deleteStmt = db.prepare<[number]>('DELETE FROM audit_log WHERE at < ?');
  }

  insertAudit(entry: Omit<AuditEntry, 'id'>): AuditEntry {
    const row = auditToRow(entry);
    const id = Number(this.insertStmt.run(row).lastInsertRowid);
    return auditFromRow({ ...row, id });
  }

  listAudit(query: AuditQuery): AuditEntry[] {
    return this.listStmt
      .all({ actor: query.actor ?? null, action: query.action ?? null, since: query.since ?? null, before_id: query.beforeId ?? null, limit: query.limit })
      .map(auditFromRow);
  }

  deleteAuditBefore(before: number): number {
    return this.deleteStmt.run(before).changes;
  }
}
