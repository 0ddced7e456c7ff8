import type { serialiseQosCall } from '../api/qos-serialise.js';
import { plural, queryString, timeCell } from './format.js';
import { escapeHtml } from './html.js';
import { figureCell, fixed, levelAbove, mosLevel, type QosLimits } from './quality.js';

export type ApiQosCall = ReturnType<typeof serialiseQosCall>;

/** Calls end and start without an alarm changing, so the list also refreshes on a timer (live.js). */
const LIVE_EVERY_SECONDS = 15;

/** The search form's values as typed (times as `YYYY-MM-DDTHH:MM`, UTC). */
export interface CallFilters {
  extension?: string;
  site?: string;
  trunk?: string;
  from?: string;
  to?: string;
  poor?: boolean;
}

export interface CallsPageInput {
  calls: ApiQosCall[];
  filters: CallFilters;
  sites: Array<{ id: string; name: string; customerName: string }>;
  limitsOf: (call: ApiQosCall) => QosLimits;
  /** The cursor of the next (older) page, when there is one. */
  nextBefore: string | null;
  /** A refused filter, shown above the form. */
  error?: string;
}

/** /calls: the search form and the matching call records, newest first, each linking to /calls/:id. */
export function renderCallsBody(input: CallsPageInput): string {
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : '';
  return `${error}${renderSearchForm(input.filters, input.sites)}
<div id="calls-region" data-live-region data-live-every="${LIVE_EVERY_SECONDS}">
${input.calls.length === 0 ? '<p class="empty">No calls match.</p>' : renderCallTable(input)}
</div>`;
}

function renderSearchForm(filters: CallFilters, sites: CallsPageInput['sites']): string {
  const options = sites
    .map((site) => `<option value="${escapeHtml(site.id)}"${site.id === filters.site ? ' selected' : ''}>${escapeHtml(`${site.customerName} · ${site.name}`)}</option>`)
    .join('');
  const text = (name: keyof CallFilters, label: string, extra = '') =>
    `<label>${label} <input name="${name}" value="${escapeHtml(filters[name] ?? '')}"${extra}></label>`;
  return `<form class="filters" method="get" action="/calls" role="search" aria-label="Search calls">
${text('extension', 'Extension', ' inputmode="numeric" size="8"')}
<label>Site <select name="site"><option value="">any</option>${options}</select></label>
${text('trunk', 'Trunk', ' size="12"')}
${text('from', 'From (UTC)', ' type="datetime-local"')}
${text('to', 'To (UTC)', ' type="datetime-local"')}
<label class="check"><input type="checkbox" name="poor" value="true"${filters.poor ? ' checked' : ''}> only poor calls</label>
<button type="submit">Search</button> <a href="/calls">Reset</a>
</form>`;
}

function renderCallTable(input: CallsPageInput): string {
  const names = new Map(input.sites.map((site) => [site.id, site.name]));
  const rows = input.calls.map((call) => renderCallRow(call, input.limitsOf(call), (id) => names.get(id) ?? id)).join('\n');
  const next = input.nextBefore ? `<p class="more"><a href="/calls${escapeHtml(queryString({ ...formParams(input.filters), before: input.nextBefore }))}">Older calls</a></p>` : '';
  return `<table class="calls">
<caption>${plural(input.calls.length, 'call')}, newest first · figures beyond a limit are marked !</caption>
<thead><tr><th scope="col">Started</th><th scope="col">Duration</th><th scope="col">Extension</th><th scope="col">Far end</th><th scope="col">Node · site</th><th scope="col">Codec</th><th scope="col" class="num">MOS</th><th scope="col" class="num">Jitter ms</th><th scope="col" class="num">Loss %</th><th scope="col" class="num">Round trip ms</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>${next}`;
}

export function renderCallRow(call: ApiQosCall, limits: QosLimits, siteName: (siteId: string) => string = (id) => id): string {
  const who = [call.extension, call.user].filter(Boolean).join(' ');
  const far = [call.remoteParty, call.trunk ? `trunk ${call.trunk}` : null].filter(Boolean).join(' · ');
  const node = call.node ? `${call.node.name}${call.siteId ? ` · ${siteName(call.siteId)}` : ''}` : call.sourceAddress;
  const state = call.active ? ' <span class="badge live">active</span>' : '';
  const poor = call.poor ? ' <span class="badge poor">poor</span>' : '';
  return `<tr data-call-id="${call.id}"${call.poor ? ' class="poor"' : ''}>
<td><a href="/calls/${call.id}">${timeCell(call.startedAt)}</a>${state}${poor}</td>
<td class="num">${durationText(call.durationSeconds)}</td>
<td>${escapeHtml(who || '–')}</td>
<td>${escapeHtml(far || '–')}</td>
<td>${escapeHtml(node)}</td>
<td>${escapeHtml(call.codec ?? '–')}</td>
${figureCell(call.mos === null ? '–' : `${fixed(call.mos, 2)}${call.mosEstimated ? '~' : ''}`, crossed(call, 'mos') ? 'bad' : mosLevel(call.mos, limits.mosBelow), limits.mosBelow === null ? null : `below ${limits.mosBelow}`)}
${figureCell(fixed(call.jitterMaxMs, 1), crossed(call, 'jitter') ? 'bad' : levelAbove(call.jitterMaxMs, limits.jitterMs), `${limits.jitterMs} ms`)}
${figureCell(fixed(call.lossPercent, 2), crossed(call, 'loss') ? 'bad' : levelAbove(call.lossMaxPercent ?? call.lossPercent, limits.lossPercent), `${limits.lossPercent} %`)}
${figureCell(fixed(call.roundTripMaxMs, 0), crossed(call, 'roundTrip') ? 'bad' : levelAbove(call.roundTripMaxMs, limits.roundTripMs), `${limits.roundTripMs} ms`)}
</tr>`;
}

/** The record's own verdict (site thresholds, IP Office's notification) wins over our colouring. */
function crossed(call: ApiQosCall, threshold: string): boolean {
  return call.thresholdsCrossed.includes(threshold as never);
}

export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

function formParams(filters: CallFilters): Record<string, string | undefined> {
  return { extension: filters.extension, site: filters.site, trunk: filters.trunk, from: filters.from, to: filters.to, poor: filters.poor ? 'true' : undefined };
}
