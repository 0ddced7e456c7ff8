import { randomBytes } from 'node:crypto';
import type { Principal } from './principal.js';
import type { SessionRepository } from './session-repository.js';
import { sha256Hex } from './token-hash.js';

/** A session's last use is written at most this often: a request is not a database write. */
export const LAST_USE_SAVED_EVERY_MS = 60_000;

/** Where sessions outlive a restart, and who their users are now. */
export interface SessionPersistence {
  repository: SessionRepository;
  /** The configured user of this name as a session principal (the current role), or null when there is none now. */
  userPrincipal: (name: string) => Principal | null;
  /** A save or delete failed: the session still works in memory until a restart. */
  onError?: (error: unknown) => void;
}

interface Session {
  principal: Principal;
  createdAt: number;
  lastUsedAt: number;
  /** lastUsedAt as last written to the repository. */
  savedLastUsedAt: number;
}

/**
 * The signed-in session behind a request, for responses that outlive it (the live stream): they ask whether it is
 * still active (without counting as use) and are told when it is ended (sign-out, replaced, evicted).
 */
export interface SessionHandle {
  isActive(now: number): boolean;
  /** Calls `listener` once when the session is ended; returns a function that stops listening. */
  onEnd(listener: () => void): () => void;
}

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
  /** Bounds memory: past it, the oldest session is ended. */
  maxSessions: number;
}

/**
 * Signed-in sessions, held in memory and, given a repository, saved there so a restart keeps people signed in (a
 * wall display stays up through a configuration change). Keys are the sha256 of the cookie value, so neither the map
 * nor the table holds anything a visitor could replay. Restored sessions take their user's role from the
 * configuration of the new start; a user no longer configured, or an expired session, is not restored.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  /** Per session key, who wants to know when it ends (open live streams). */
  private readonly endListeners = new Map<string, Set<() => void>>();

  constructor(
    private readonly limits: SessionLimits,
    private readonly persistence?: SessionPersistence,
    now?: number,
  ) {
    if (persistence && now !== undefined) this.restore(persistence, now);
  }

  /** A new session; returns the cookie value (32 random bytes, base64url). */
  create(principal: Principal, now: number): string {
    const id = randomBytes(32).toString('base64url');
    this.sweep(now);
    if (this.sessions.size >= this.limits.maxSessions) {
      const oldest = this.sessions.keys().next();
      if (!oldest.done) this.end(oldest.value);
    }
    const key = sha256Hex(id);
    const session: Session = { principal: { ...principal, via: 'session' }, createdAt: now, lastUsedAt: now, savedLastUsedAt: now };
    this.sessions.set(key, session);
    this.save(key, session);
    return id;
  }

  /** The session's principal, refreshing its idle timer; null when unknown or expired. */
  resolve(id: string, now: number): Principal | null {
    const key = sha256Hex(id);
    const session = this.sessions.get(key);
    if (!session) return null;
    if (this.expired(session, now)) {
      this.end(key);
      return null;
    }
    session.lastUsedAt = now;
    if (now - session.savedLastUsedAt >= LAST_USE_SAVED_EVERY_MS) this.save(key, session);
    return session.principal;
  }

  destroy(id: string): void {
    this.end(sha256Hex(id));
  }

  /** Whether the session is known and not expired; unlike resolve(), asking does not keep it alive. */
  isActive(id: string, now: number): boolean {
    const session = this.sessions.get(sha256Hex(id));
    return session !== undefined && !this.expired(session, now);
  }

  /** A handle on one session for a long-lived response (see SessionHandle). */
  handle(id: string): SessionHandle {
    const key = sha256Hex(id);
    return {
      isActive: (now) => this.isActive(id, now),
      onEnd: (listener) => {
        const listeners = this.endListeners.get(key) ?? new Set();
        listeners.add(listener);
        this.endListeners.set(key, listeners);
        return () => {
          listeners.delete(listener);
          if (listeners.size === 0 && this.endListeners.get(key) === listeners) this.endListeners.delete(key);
        };
      },
    };
  }

  get size(): number {
    return this.sessions.size;
  }

  private expired(session: Session, now: number): boolean {
    return now - session.lastUsedAt > this.limits.idleMs || now - session.createdAt > this.limits.absoluteMs;
  }

  private sweep(now: number): void {
    for (const [key, session] of this.sessions) if (this.expired(session, now)) this.end(key);
  }

  /** Sessions saved before the restart that are still valid, with their user's role of now; the rest are deleted. */
  private restore(persistence: SessionPersistence, now: number): void {
    let stored;
    try {
      stored = persistence.repository.listSessions();
    } catch (error) {
      persistence.onError?.(error);
      return;
    }
    for (const saved of stored) {
      const principal = persistence.userPrincipal(saved.name);
      const session: Session = { principal: { ...(principal ?? { name: saved.name, role: saved.role }), via: 'session' }, createdAt: saved.createdAt, lastUsedAt: saved.lastUsedAt, savedLastUsedAt: saved.lastUsedAt };
      if (!principal || this.expired(session, now) || this.sessions.size >= this.limits.maxSessions) this.forget(saved.key);
      else this.sessions.set(saved.key, session);
    }
  }

  private save(key: string, session: Session): void {
    if (!this.persistence) return;
    try {
      this.persistence.repository.saveSession({ key, name: session.principal.name, role: session.principal.role, createdAt: session.createdAt, lastUsedAt: session.lastUsedAt });
      session.savedLastUsedAt = session.lastUsedAt;
    } catch (error) {
      this.persistence.onError?.(error);
    }
  }

  private forget(key: string): void {
    if (!this.persistence) return;
    try {
      this.persistence.repository.deleteSession(key);
    } catch (error) {
      this.persistence.onError?.(error);
    }
  }

  /** Forgets the session and tells whoever listens; a listener that throws does not stop the others. */
  private end(key: string): void {
    if (this.sessions.delete(key)) this.forget(key);
    const listeners = this.endListeners.get(key);
    if (!listeners) return;
    this.endListeners.delete(key);
    for (const listener of listeners) {
      try {
        listener();
      } catch {
        // the stream is gone already
      }
    }
  }
}
