import { severityRank, type Severity } from '../events/severity.js';
import { escapeHtml } from './html.js';

/**
 * Small HTML pieces every page shares. Severity is always shown as a word as
 * well as a colour (class `sev-<name>` in app.css), so colour is never the only cue.
 */
export function severityBadge(severity: string): string {
  return `<span class="sev sev-${escapeHtml(severity)}">${escapeHtml(severity)}</span>`;
}

/** A health dot plus its word: `ok` when nothing is open, else the worst open severity. */
export function healthBadge(worst: Severity | null): string {
  const name = worst ?? 'ok';
  return `<span class="health health-${escapeHtml(name)}" title="worst open alarm: ${escapeHtml(worst ?? 'none')}">${escapeHtml(name)}</span>`;
}

/** "2026-11-21 04:49:53 UTC": readable on a wall display, exact in the datetime attribute. */
export function timeCell(at: string | number | null | undefined): string {
  if (at === null || at === undefined) return '';
  const iso = typeof at === 'number' ? new Date(at).toISOString() : at;
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(`${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`)}</time>`;
}

/** The worse of two severities (null = nothing). */
export function worseOf(a: Severity | null, b: Severity | null): Severity | null {
  if (a === null) return b;
  if (b === null) return a;
  return severityRank(b) > severityRank(a) ? b : a;
}

/** A query string from the non-empty values, for deep links that keep the current filters. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
