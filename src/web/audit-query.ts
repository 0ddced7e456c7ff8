import { AUDIT_ACTIONS, type AuditAction, type AuditQuery } from '../audit/audit-entry.js';
import { parseFormTime } from './form-time.js';

/** Entries per page of /audit. */
export const AUDIT_PAGE_SIZE = 100;

/** The /audit filter form's values as typed (since as `YYYY-MM-DDTHH:MM`, UTC), kept for the form and the paging link. */
export interface AuditFilters {
  actor: string;
  action: string;
  since: string;
}

export interface ParsedAuditQuery {
  filters: AuditFilters;
  /** What to ask the store; absent when a filter could not be read (the page says why, lists nothing). */
  query: AuditQuery | null;
  error: string | null;
}

const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.trim().slice(0, max) : '');

/**
 * Reads /audit's query string: actor, action, since (UTC date and time, or ISO 8601 with a zone, or epoch ms),
 * beforeId (paging). An unreadable time or an unknown action is shown on the page rather than silently ignored:
 * an audit search that quietly widens would mislead.
 */
export function parseAuditQuery(raw: Record<string, unknown>): ParsedAuditQuery {
  const filters: AuditFilters = { actor: text(raw['actor'], 100), action: text(raw['action'], 40), since: text(raw['since'], 40) };
  const beforeText = text(raw['beforeId'], 20);
  const beforeId = /^[1-9]\d{0,14}$/.test(beforeText) ? Number(beforeText) : undefined;
  if (filters.action !== '' && !(AUDIT_ACTIONS as readonly string[]).includes(filters.action)) {
    return { filters, query: null, error: `Unknown action “${filters.action}”; pick one from the list.` };
  }
  const since = parseSince(filters.since);
  if (since === null) return { filters, query: null, error: 'The “since” time could not be read; use the date and time field (UTC).' };
  const query: AuditQuery = {
    limit: AUDIT_PAGE_SIZE,
    ...(filters.actor !== '' && { actor: filters.actor }),
    ...(filters.action !== '' && { action: filters.action as AuditAction }),
    ...(since !== undefined && { since }),
    ...(beforeId !== undefined && { beforeId }),
  };
  return { filters, query, error: null };
}

/** Epoch ms, or a form time (parseFormTime: undefined when empty, null when unreadable, UTC without a zone). */
function parseSince(value: string): number | undefined | null {
  return /^\d{1,15}$/.test(value) ? Number(value) : parseFormTime(value);
}
