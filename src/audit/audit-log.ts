import type { Logger } from 'pino';
import type { Role } from '../api/auth/principal.js';
import type { AuditAction, AuditEntry, AuditRepository } from './audit-entry.js';

/** The process itself (rule catalogue reloads on SIGHUP or a file change). */
export const SYSTEM_ACTOR: AuditActor = Object.freeze({ name: 'system', role: null, via: 'system' });

/** A Principal, the system, or someone who failed to sign in (role null). */
export interface AuditActor {
  name: string;
  role: Role | null;
  via: AuditEntry['via'];
}

export interface AuditRecord {
  actor: AuditActor;
  action: AuditAction;
  target?: string | null;
  detail?: Record<string, unknown>;
  remoteAddress?: string | null;
}

/**
 * Writes audit entries. Called inside the transaction of the change it records where there is one (acknowledge),
 * so the change and its entry land together; elsewhere a failed write is logged, never thrown at the caller.
 */
export class AuditLog {
  constructor(
    private readonly repository: AuditRepository,
    private readonly now: () => number,
    private readonly log?: Logger,
  ) {}

  /** Records an entry; throws if the store does (use inside a transaction that must not commit without it). */
  record(record: AuditRecord): AuditEntry {
    return this.repository.insertAudit({
      at: this.now(),
      actor: record.actor.name,
      role: record.actor.role,
      via: record.actor.via,
      action: record.action,
      target: record.target ?? null,
      detail: record.detail ?? {},
      remoteAddress: record.remoteAddress ?? null,
    });
  }

  /** Records an entry for something already done (sign-in, a reload): a store failure is logged, not thrown. */
  recordQuietly(record: AuditRecord): void {
    try {
      this.record(record);
    } catch (error) {
      this.log?.error({ err: error, action: record.action }, 'cannot write the audit log');
    }
  }
}
