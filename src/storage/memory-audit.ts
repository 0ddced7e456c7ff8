import type { AuditEntry, AuditQuery } from '../audit/audit-entry.js';
import { auditFromRow, auditToRow } from './sqlite-audit.js';

/** The part of MemoryStore's state the audit log lives in (so rollbacks cover it). */
export interface MemoryAuditState {
  audit: AuditEntry[];
  /** Like SQLite's AUTOINCREMENT: an id is never reused, even after retention removed the newest rows. */
  lastAuditId: number;
}

/** MemoryStore's audit log: the twin of SqliteAudit. */
export function insertAudit(state: MemoryAuditState, entry: Omit<AuditEntry, 'id'>): AuditEntry {
  // Through the row mapping, so what comes back is shaped exactly as from SQLite.
  const stored = auditFromRow({ ...auditToRow(entry), id: ++state.lastAuditId });
  state.audit.push(stored);
  return structuredClone(stored);
}

export function listAudit(entries: AuditEntry[], query: AuditQuery): AuditEntry[] {
  const found: AuditEntry[] = [];
  for (let index = entries.length - 1; index >= 0 && found.length < query.limit; index--) {
    const entry = entries[index]!;
    if (query.actor !== undefined && entry.actor !== query.actor) continue;
    if (query.action !== undefined && entry.action !== query.action) continue;
    if (query.since !== undefined && entry.at < query.since) continue;
    if (query.beforeId !== undefined && entry.id >= query.beforeId) continue;
    found.push(structuredClone(entry));
  }
  return found;
}

/** Retention: removes entries written before `before` (epoch ms); returns how many. */
export function deleteAuditBefore(state: MemoryAuditState, before: number): number {
  const kept = state.audit.filter((entry) => entry.at >= before);
  const removed = state.audit.length - kept.length;
  state.audit = kept;
  return removed;
}
