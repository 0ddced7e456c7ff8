import type { StoredSession } from '../api/auth/session-repository.js';
import { sessionFromRow, sessionToRow, type SessionRow } from './sqlite-sessions.js';

/** MemoryStore's auth_sessions: rows by key, in the store's state so rollbacks cover them. */
export type SessionRows = Map<string, SessionRow>;

export function listSessions(rows: SessionRows): StoredSession[] {
  return [...rows.values()].sort((a, b) => a.created_at - b.created_at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(sessionFromRow);
}

export function saveSession(rows: SessionRows, session: StoredSession): void {
  // Through the row mapping, so what comes back is shaped exactly as from SQLite.
  rows.set(session.key, sessionToRow(session));
}
