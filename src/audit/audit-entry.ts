import type { Role } from '../api/auth/principal.js';

/** What was done: one verb per kind of change, stable (filters and dashboards use them). */
export const AUDIT_ACTIONS = [
  'alarm.acknowledge',
  'alarm.unacknowledge',
  'silence.create',
  'silence.expire',
  'licence.assert',
  'rules.reload',
  'login.success',
  'login.failure',
  'logout',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One audited action: who (as authenticated), what, on what, from where. */
export interface AuditEntry {
  id: number;
  at: number;
  /** The user or token name; 'system' for the process itself (rule file reloads), 'anonymous' with authentication off. */
  actor: string;
  role: Role | null;
  via: 'session' | 'token' | 'open' | 'system';
  action: AuditAction;
  /** What it was done to, e.g. 'alarm:42', 'silence:7', 'rules', 'user:alice'. */
  target: string | null;
  /** Small JSON-able facts (a note, a result); never a secret. */
  detail: Record<string, unknown>;
  remoteAddress: string | null;
}

export interface AuditQuery {
  actor?: string;
  action?: AuditAction;
  since?: number;
  /** Page backwards: only ids lower than this. */
  beforeId?: number;
  limit: number;
}

/** The audit log's storage: append and read, never update; only retention deletes (whole old rows). */
export interface AuditRepository {
  insertAudit(entry: Omit<AuditEntry, 'id'>): AuditEntry;
  /** Newest first. */
  listAudit(query: AuditQuery): AuditEntry[];
  /** Retention: deletes entries written before `before` (epoch ms); returns how many. */
  deleteAuditBefore(before: number): number;
}
