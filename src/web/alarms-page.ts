import type { serialiseAlarm } from '../api/serialise.js';
import { EVENT_CATEGORIES } from '../events/categories.js';
import { PROBLEM_SEVERITIES } from '../events/severity.js';
import { ALARM_SORTS, STATE_FILTERS, type AlarmListQuery } from './alarm-list-query.js';
import { queryString, severityBadge, timeCell } from './format.js';
import { escapeHtml } from './html.js';

export type ApiAlarm = ReturnType<typeof serialiseAlarm>;

export interface AlarmsPageInput {
  alarms: ApiAlarm[];
  query: AlarmListQuery;
  /** Alarms matching every filter (before paging). */
  total: number;
  page: number;
  pages: number;
  /** True when the store scan hit its cap, so older matches are not shown. */
  truncated: boolean;
  /** Open alarms at a glance (tiles above the table); absent: no tiles. */
  summary?: { bySeverity: Partial<Record<string, number>>; acknowledged: number; unknownSenders: number };
  /** Choices for the place filters. */
  places: { customers: Array<{ id: string; name: string }>; sites: Array<{ id: string; name: string }>; nodes: Array<{ id: string; name: string }> };
}

const SORT_LABELS: Record<(typeof ALARM_SORTS)[number], string> = { severity: 'Severity', lastSeen: 'Last seen', firstSeen: 'First seen', count: 'Count' };
const STATE_LABELS: Record<(typeof STATE_FILTERS)[number], string> = { open: 'Open (active or acknowledged)', active: 'Active', acknowledged: 'Acknowledged', cleared: 'Cleared', all: 'All' };

/** The alarms list: filters (a plain GET form, so it works without JavaScript), the table, paging. */
export function renderAlarmsBody(input: AlarmsPageInput): string {
  return `${filtersForm(input)}
<div id="alarm-region" data-live-region>
${input.summary ? tiles(input.summary, input.query) : ''}${alarmsTable(input)}
</div>`;
}

/** Counts of open alarms by severity; each tile opens the list from that severity up. */
function tiles(summary: NonNullable<AlarmsPageInput['summary']>, query: AlarmListQuery): string {
  const wall = query.wall ? '1' : undefined;
  const tile = (cls: string, count: number, label: string, href: string) =>
    `<li class="${cls}"><a href="${escapeHtml(href)}"><span class="n">${count}</span>${escapeHtml(label)}</a></li>`;
  const severities = ['critical', 'major', 'minor', 'warning'] as const;
  return `<ul class="tiles" aria-label="Open alarms by severity">${severities
    .map((sev) => tile(sev, summary.bySeverity[sev] ?? 0, sev, `/alarms${queryString({ severity: sev, wall })}`))
    .join('')}${tile('', summary.acknowledged, 'acknowledged', `/alarms${queryString({ state: 'acknowledged', wall })}`)}${summary.unknownSenders > 0 ? tile('', summary.unknownSenders, 'from unknown senders', '/collectors#unknown') : ''}</ul>
`;
}

function filtersForm({ query, places }: AlarmsPageInput): string {
  const option = (value: string, label: string, selected: string | undefined) => `<option value="${escapeHtml(value)}"${value === (selected ?? '') ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const select = (name: string, label: string, options: string) => `<label>${escapeHtml(label)}<select name="${name}">${options}</select></label>`;
  const any = (selected: string | undefined) => option('', 'any', selected);
  return `<form class="filters" method="get" action="/alarms" role="search" aria-label="Filter alarms">
${select('state', 'State', STATE_FILTERS.map((s) => option(s, STATE_LABELS[s], query.state)).join(''))}
${select('severity', 'Severity or worse', any(query.severity) + [...PROBLEM_SEVERITIES].reverse().map((s) => option(s, s, query.severity)).join(''))}
${select('category', 'Category', any(query.category) + EVENT_CATEGORIES.map((c) => option(c, c, query.category)).join(''))}
${select('customer', 'Customer', any(query.customer) + places.customers.map((c) => option(c.id, c.name, query.customer)).join(''))}
${select('site', 'Site', any(query.site) + places.sites.map((s) => option(s.id, s.name, query.site)).join(''))}
${select('node', 'Node', any(query.node) + places.nodes.map((n) => option(n.id, n.name, query.node)).join(''))}
<label>Text<input type="search" name="q" value="${escapeHtml(query.q ?? '')}" placeholder="text, code, node, sender"></label>
${select('sort', 'Sort by', ALARM_SORTS.map((s) => option(s, SORT_LABELS[s], query.sort)).join(''))}
${query.wall ? '<input type="hidden" name="wall" value="1">' : ''}<button type="submit">Apply</button> <a class="button secondary" href="/alarms">Reset</a>
</form>`;
}

function alarmsTable(input: AlarmsPageInput): string {
  const { query } = input;
  const what = query.state === 'open' ? 'open alarm' : query.state === 'all' ? 'alarm' : `${query.state} alarm`;
  if (input.total === 0) return `<p class="empty">No ${what}s${hasFilters(query) ? ' match these filters' : ''}.</p>`;
  const sortLink = (sort: (typeof ALARM_SORTS)[number], label: string) =>
    query.sort === sort ? `${label} <span aria-hidden="true">▼</span>` : `<a href="/alarms${escapeHtml(queryString({ ...linkParams(query), sort, page: undefined }))}">${label}</a>`;
  const ariaSort = (sort: (typeof ALARM_SORTS)[number]) => (query.sort === sort ? ' aria-sort="descending"' : '');
  return `<div class="table-wrap"><table class="alarms">
<caption>${input.total} ${what}${input.total === 1 ? '' : 's'}${input.pages > 1 ? `, page ${input.page} of ${input.pages}` : ''}${input.truncated ? ' (the newest 1000 scanned; narrow the filters to see older ones)' : ''}</caption>
<thead><tr><th scope="col"${ariaSort('severity')}>${sortLink('severity', 'Severity')}</th><th scope="col">Node</th><th scope="col">Category</th><th scope="col">Alarm</th><th scope="col" class="num"${ariaSort('count')}>${sortLink('count', 'Count')}</th><th scope="col"${ariaSort('firstSeen')}>${sortLink('firstSeen', 'First seen')}</th><th scope="col"${ariaSort('lastSeen')}>${sortLink('lastSeen', 'Last seen')}</th><th scope="col">State</th></tr></thead>
<tbody>
${input.alarms.map(alarmRow).join('\n')}
</tbody>
</table></div>
${pager(input)}`;
}

export function alarmRow(alarm: ApiAlarm): string {
  const node = alarm.node
    ? `<a href="/nodes/${encodeURIComponent(alarm.node.id)}">${escapeHtml(alarm.node.name)}</a>`
    : `<span class="unknown" title="not in the fleet inventory">unknown ${escapeHtml(alarm.sourceAddress)}</span>`;
  const state = `<span class="state-${escapeHtml(alarm.state)}">${escapeHtml(alarm.state)}${alarm.acknowledgedBy ? ` by ${escapeHtml(alarm.acknowledgedBy)}` : ''}</span>`;
  return `<tr data-alarm-id="${alarm.id}" data-severity="${escapeHtml(alarm.severity)}">
<td>${severityBadge(alarm.severity)}</td>
<td>${node}</td>
<td>${escapeHtml(alarm.category)}</td>
<td class="text"><a href="/alarms/${alarm.id}">${escapeHtml(alarm.text)}</a>${annotationBadges(alarm)}</td>
<td class="num">${alarm.occurrences}</td>
<td>${timeCell(alarm.firstSeen)}</td>
<td>${timeCell(alarm.lastSeen)}</td>
<td>${state}</td>
</tr>`;
}

/** Known issues, flapping and inhibition at a glance; the title attribute carries the workaround. */
export function annotationBadges(alarm: Pick<ApiAlarm, 'annotations'>): string {
  return alarm.annotations
    .map((annotation) => {
      const label = annotation.kind === 'known-issue' ? `${annotation.vendorId ?? 'known issue'}${annotation.effect === 'benign' ? ' (benign)' : ''}` : annotation.kind;
      return `<span class="note ${escapeHtml(annotation.kind)}" title="${escapeHtml(`${annotation.title}: ${annotation.text}`)}">${escapeHtml(label)}</span>`;
    })
    .join('');
}

function pager(input: AlarmsPageInput): string {
  if (input.pages <= 1) return '';
  const link = (page: number, label: string, rel: string) => `<a rel="${rel}" href="/alarms${escapeHtml(queryString({ ...linkParams(input.query), page: page > 1 ? page : undefined }))}">${label}</a>`;
  return `<nav class="pager" aria-label="Pages">${input.page > 1 ? link(input.page - 1, '← Previous', 'prev') : ''}<span>Page ${input.page} of ${input.pages}</span>${input.page < input.pages ? link(input.page + 1, 'Next →', 'next') : ''}</nav>`;
}

function linkParams(q: AlarmListQuery): Record<string, string | number | undefined> {
  return { state: q.state === 'open' ? undefined : q.state, severity: q.severity, category: q.category, customer: q.customer, site: q.site, node: q.node, q: q.q, sort: q.sort === 'severity' ? undefined : q.sort, page: q.page > 1 ? q.page : undefined, wall: q.wall ? '1' : undefined };
}

function hasFilters(q: AlarmListQuery): boolean {
  return Boolean(q.severity || q.category || q.customer || q.site || q.node || q.q);
}
