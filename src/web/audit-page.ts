import { AUDIT_ACTIONS, type AuditEntry } from '../audit/audit-entry.js';
import type { AuditFilters } from './audit-query.js';
import { queryString, timeCell } from './format.js';
import { escapeHtml } from './html.js';

export interface AuditPageInput {
  filters: AuditFilters;
  entries: readonly AuditEntry[];
  /** The id to page on from (the last entry's), when the page is full. */
  nextBeforeId: number | null;
  /** On a later page: the link back to the newest entries keeps the filters. */
  paged: boolean;
  error: string | null;
}

/** /audit (admin): the filter form and the audit log, newest first, each target linked where the UI has a page for it. */
export function renderAuditBody(input: AuditPageInput): string {
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : '';
  const params = { actor: input.filters.actor, action: input.filters.action, since: input.filters.since };
  const more = input.nextBeforeId !== null ? `<a href="/audit${escapeHtml(queryString({ ...params, beforeId: input.nextBeforeId }))}">Older entries</a>` : '';
  const newest = input.paged ? `<a href="/audit${escapeHtml(queryString(params))}">Newest entries</a>` : '';
  const paging = more || newest ? `<p class="more">${[newest, more].filter(Boolean).join(' · ')}</p>` : '';
  return `${error}${form(input.filters)}
<div id="audit-region">${table(input.entries)}${paging}</div>`;
}

function form(filters: AuditFilters): string {
  const options = AUDIT_ACTIONS.map((action) => `<option value="${action}"${action === filters.action ? ' selected' : ''}>${action}</option>`).join('');
  return `<form class="filters" method="get" action="/audit" role="search" aria-label="Search the audit log">
<label>Who <input name="actor" value="${escapeHtml(filters.actor)}" maxlength="100" placeholder="user, token or system"></label>
<label>Action <select name="action"><option value="">any</option>${options}</select></label>
<label>Since (UTC) <input type="datetime-local" name="since" value="${escapeHtml(filters.since)}"></label>
<button type="submit">Search</button> <a href="/audit">Clear</a>
</form>`;
}

function table(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return '<p class="empty">No audit entries match.</p>';
  const rows = entries.map(
    (e) =>
      `<tr data-audit-id="${e.id}" data-action="${escapeHtml(e.action)}"><td>${timeCell(e.at)}</td><td>${escapeHtml(e.actor)}${e.role ? ` <span class="muted">(${escapeHtml(e.role)})</span>` : ''}</td><td>${escapeHtml(e.via)}</td><td><code>${escapeHtml(e.action)}</code></td><td>${targetCell(e.target)}</td><td class="text">${detailText(e.detail)}</td><td>${escapeHtml(e.remoteAddress ?? '')}</td></tr>`,
  );
  return `<table class="audit"><caption>${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, newest first</caption><thead><tr><th scope="col">At</th><th scope="col">Who</th><th scope="col">Via</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">Detail</th><th scope="col">From</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** alarm:42 and node:x link to their pages; other targets (silence:7, rules, user:anna) are plain text. */
function targetCell(target: string | null): string {
  if (target === null) return '';
  const alarm = /^alarm:(\d+)$/.exec(target);
  if (alarm) return `<a href="/alarms/${alarm[1]}">${escapeHtml(target)}</a>`;
  const node = /^node:(.+)$/.exec(target);
  if (node) return `<a href="/nodes/${encodeURIComponent(node[1]!)}">${escapeHtml(target)}</a>`;
  return escapeHtml(target);
}

/** The detail's facts as `key: value` pairs (objects as JSON), escaped; the note first, as people read it first. */
function detailText(detail: Record<string, unknown>): string {
  const keys = Object.keys(detail).sort((a, b) => (a === 'note' ? -1 : b === 'note' ? 1 : 0));
  return keys
    .map((key) => {
      const value = detail[key];
      const shown = typeof value === 'string' ? value : JSON.stringify(value);
      return `<span class="kv"><span class="muted">${escapeHtml(key)}:</span> ${escapeHtml(shown ?? '')}</span>`;
    })
    .join(' ');
}
