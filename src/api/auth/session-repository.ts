import type { Role } from './principal.js';

/** A signed-in session as stored: the sha256 of its cookie value (never the value), who, and its two clocks. */
export interface StoredSession {
  key: string;
  name: string;
  /** The role at sign-in; a restart takes the user's role from the configuration again. */
  role: Role;
  createdAt: number;
  lastUsedAt: number;
}

/** Where sessions outlive a restart (the auth_sessions table; MemoryStore's twin in unit tests). */
export interface SessionRepository {
  listSessions(): StoredSession[];
  /** Inserts or replaces the session with this key. */
  saveSession(session: StoredSession): void;
  deleteSession(key: string): void;
}
