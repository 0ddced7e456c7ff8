import { severityRank } from '../../src/events/severity.js';
import type { AlarmItem, DigestInput, MaintenanceSummaryInput, RenderedMessage } from '../message-renderer.js';
import { alarmHtml, alarmLine, alarmText, isResolved, utc } from './alarm-block.js';
import { escapeHtml, link, oneLine, page } from './html.js';

export type { AlarmChange, AlarmItem } from '../message-renderer.js';
export type RenderedEmail = RenderedMessage;

export interface RenderProfile {
  id: string;
  name: string;
  categories: readonly string[];
  minSeverity: string;
}

export interface RenderContext {
  profile: RenderProfile;
  /** Base of the links, e.g. http://127.0.0.1:8080. */
  publicUrl: string;
}

/** Alarms shown in full in one message; the rest get one line each, up to MAX_LINES. */
const MAX_DETAILED = 50;
const MAX_LINES = 500;

const TAG = '[ipo-observer]';

function profileLine(profile: RenderProfile): string {
  return `Profile: ${profile.name} (${profile.id}); categories: ${profile.categories.length > 0 ? profile.categories.join(', ') : 'all'}; minimum severity: ${profile.minSeverity}`;
}

/** Firing first, worst first; resolved last; then by alarm id, so the order never depends on arrival. */
function ordered(items: readonly AlarmItem[]): AlarmItem[] {
  return [...items].sort(
    (a, b) => Number(isResolved(a)) - Number(isResolved(b)) || severityRank(b.alarm.severity) - severityRank(a.alarm.severity) || a.alarm.id - b.alarm.id,
  );
}

function categoriesOf(items: readonly AlarmItem[]): string[] {
  return [...new Set(items.map((i) => i.alarm.category))];
}

function categoryTag(categories: readonly string[]): string {
  return categories.length <= 2 ? categories.join(',') : `${categories[0]},+${categories.length - 1}`;
}

function headers(profile: RenderProfile, kind: string, items: readonly AlarmItem[], severity: string): Record<string, string> {
  return {
    'X-IPO-Observer-Profile': profile.id,
    'X-IPO-Observer-Kind': kind,
    'X-IPO-Observer-Severity': severity,
    'X-IPO-Observer-Category': oneLine(categoriesOf(items).join(', '), 500),
    'X-IPO-Observer-Alarms': items.slice(0, MAX_DETAILED).map((i) => i.alarm.id).join(','),
  };
}

function body(ctx: RenderContext, subject: string, intro: string[], items: readonly AlarmItem[], footer: string[]): { text: string; html: string } {
  const detailed = items.slice(0, MAX_DETAILED);
  const lines = items.slice(MAX_DETAILED, MAX_DETAILED + MAX_LINES);
  const omitted = items.length - detailed.length - lines.length;
  const text = [
    ...intro,
    '',
    ...detailed.flatMap((item) => [alarmText(item, ctx.publicUrl), '']),
    ...(lines.length > 0 ? ['More alarms:', ...lines.map((item) => `  ${alarmLine(item, ctx.publicUrl)}`), ''] : []),
    ...(omitted > 0 ? [`… and ${omitted} more; see the API.`, ''] : []),
    ...footer,
    profileLine(ctx.profile),
    '',
  ].join('\n');
  const html = [
    ...intro.map((line) => `<p style="margin:4px 0">${escapeHtml(line)}</p>`),
    ...detailed.map((item) => alarmHtml(item, ctx.publicUrl)),
    ...(lines.length > 0 ? [`<p><b>More alarms</b></p><ul>${lines.map((item) => `<li>${escapeHtml(alarmLine(item, ctx.publicUrl))}</li>`).join('')}</ul>`] : []),
    ...(omitted > 0 ? [`<p>… and ${omitted} more; see the API.</p>`] : []),
    ...footer.map((line) => `<p style="margin:4px 0">${line.startsWith('http') ? link(line) : escapeHtml(line)}</p>`),
    `<p style="color:#555">${escapeHtml(profileLine(ctx.profile))}</p>`,
  ].join('\n');
  return { text, html: page(subject, html) };
}

/**
 * A group's message: what changed since the last one (kind "alarms"), or,
 * for "reminder", what is still firing after repeatIntervalHours. The subject
 * starts with tags a NOC can filter on: profile, severity (or RESOLVED), category.
 */
export function renderAlarms(ctx: RenderContext, kind: 'alarms' | 'reminder', groupLabel: string, items: readonly AlarmItem[]): RenderedEmail {
  const sorted = ordered(items);
  const firing = sorted.filter((i) => !isResolved(i));
  const worst = firing[0]?.alarm.severity;
  const status = worst ? worst.toUpperCase() : 'RESOLVED';
  const first = sorted[0]!;
  const more = sorted.length > 1 ? ` (+${sorted.length - 1} more${firing.length < sorted.length && firing.length > 0 ? `, ${sorted.length - firing.length} resolved` : ''})` : '';
  const reminder = kind === 'reminder' ? '[REMINDER]' : '';
  const subject = oneLine(`${TAG}[${ctx.profile.id}]${reminder}[${status}][${categoryTag(categoriesOf(sorted))}] ${groupLabel}: ${first.alarm.text}${more}`);
  const intro =
    kind === 'reminder'
      ? [`${firing.length} alarm${firing.length === 1 ? '' : 's'} still active in ${groupLabel} (a reminder: nothing changed since the last email).`]
      : [`${groupLabel}: ${firing.length} firing, ${sorted.length - firing.length} resolved.`];
  return { subject, ...body(ctx, subject, intro, sorted, []), headers: headers(ctx.profile, kind, sorted, worst ?? 'cleared') };
}

/** The one mail a profile gets for everything its storm brake held back. */
export function renderDigest(ctx: RenderContext, input: DigestInput): RenderedEmail {
  const sorted = ordered(input.items);
  const counts = new Map<string, number>();
  for (const item of sorted) {
    const key = `${item.place.customerName ?? 'outside the fleet'} / ${item.place.siteName ?? '-'} | ${item.alarm.category}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const table = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 50).map(([key, n]) => `  ${String(n).padStart(5)}  ${key}`);
  const subject = oneLine(`${TAG}[${ctx.profile.id}][DIGEST] ${input.changeCount} alarm changes on ${sorted.length} alarms held back by the storm brake since ${utc(input.heldSince)}`);
  const intro = [
    `The storm brake (${input.brake}) held back ${input.changeCount} changes on ${sorted.length} alarms since ${utc(input.heldSince)}. None is lost: they are listed below, worst first.`,
    'Alarms by customer / site and category:',
    ...table,
  ];
  const worst = sorted.find((i) => !isResolved(i))?.alarm.severity ?? 'cleared';
  return { subject, ...body(ctx, subject, intro, sorted, ['All of them:', input.listUrl]), headers: headers(ctx.profile, 'digest', sorted, worst) };
}

/** Sent when a maintenance window ends and matching alarms are still open (held while it lasted). */
export function renderMaintenanceSummary(ctx: RenderContext, input: MaintenanceSummaryInput): RenderedEmail {
  const sorted = ordered(input.items);
  const n = sorted.length;
  const subject = oneLine(`${TAG}[${ctx.profile.id}][MAINTENANCE-END] ${input.windowId} ended: ${n} alarm${n === 1 ? '' : 's'} still open`);
  const intro = [`Maintenance window ${input.windowId} (${input.windowLabel}) ended at ${utc(input.endedAt)}. These alarms are still open; their notifications were held while it lasted.`];
  const worst = sorted[0]?.alarm.severity ?? 'cleared';
  return { subject, ...body(ctx, subject, intro, sorted, []), headers: headers(ctx.profile, 'maintenance-summary', sorted, worst) };
}
