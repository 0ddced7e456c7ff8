import type BetterSqlite3 from 'better-sqlite3';
import type { SessionRepository, StoredSession } from '../api/auth/session-repository.js';
import type { Role } from '../api/auth/principal.js';

/** One row of auth_sessions. */
export interface SessionRow {
  key: string;
  name: string;
  role: string;
  created_at: number;
  last_used_at: number;
}

export function sessionToRow(session: StoredSession): SessionRow {
  return { key: session.key, name: session.name, role: session.role, created_at: session.createdAt, last_used_at: session.lastUsedAt };
}

export function sessionFromRow(row: SessionRow): StoredSession {
  return { key: row.key, name: row.name, role: row.role as Role, createdAt: row.created_at, lastUsedAt: row.last_used_at };
}

/** The auth_sessions table: the SQLite half of SessionRepository. */
export class SqliteSessions implements SessionRepository {
  private readonly upsertStmt;
  private readonly listStmt;
  private readonly deleteStmt;

  constructor(db: BetterSqlite3.Database) {
    this.upsertStmt = db.prepare<SessionRow>(
      'INSERT OR REPLACE INTO auth_sessions (key, name, role, created_at, last_used_at) VALUES (@key, @name, @role, @created_at, @last_used_at)',
    );
    this.listStmt = db.prepare<[], SessionRow>('SELECT * FROM auth_sessions ORDER BY created_at, key');
    this.deleteStmt = db.prepare<[string]>('DELETE FROM auth_sessions WHERE key = ?');
  }

  listSessions(): StoredSession[] {
    return this.listStmt.all().map(sessionFromRow);
  }

  saveSession(session: StoredSession): void {
    this.upsertStmt.run(sessionToRow(session));
  }

  deleteSession(key: string): void {
    this.deleteStmt.run(key);
  }
}
