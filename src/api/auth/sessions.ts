import { randomBytes } from 'node:crypto';
import type { Principal } from './principal.js';
import { sha256Hex } from './token-hash.js';

interface Session {
  principal: Principal;
  createdAt: number;
  lastUsedAt: number;
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
 * Signed-in sessions, in memory: a restart signs everyone out, which is acceptable for a NOC console. Keys are the
 * sha256 of the cookie value, so the map itself holds nothing a visitor could replay.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  /** Per session key, who wants to know when it ends (open live streams). */
  private readonly endListeners = new Map<string, Set<() => void>>();

  constructor(private readonly limits: SessionLimits) {}

  /** A new session; returns the cookie value (32 random bytes, base64url). */
  create(principal: Principal, now: number): string {
    const id = randomBytes(32).toString('base64url');
    this.sweep(now);
    if (this.sessions.size >= this.limits.maxSessions) {
      const oldest = this.sessions.keys().next();
      if (!oldest.done) this.end(oldest.value);
    }
    this.sessions.set(sha256Hex(id), { principal: { ...principal, via: 'session' }, createdAt: now, lastUsedAt: now });
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

  /** Forgets the session and tells whoever listens; a listener that throws does not stop the others. */
  private end(key: string): void {
    this.sessions.delete(key);
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
