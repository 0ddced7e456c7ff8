import type { Alarm, AlarmAnnotation } from '../../src/correlation/alarm.js';
import { formatLocal } from '../../src/time/zoned-time.js';
import { isResolved, type AlarmItem } from '../message-renderer.js';

export { isResolved };
import type { Place } from '../place.js';
import { escapeHtml, link, SEVERITY_COLOURS } from './html.js';

export const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
const when = (ms: number, place: Place) => (place.timeZone === 'UTC' ? utc(ms) : `${utc(ms)} (${formatLocal(ms, place.timeZone).slice(11)} ${place.timeZone})`);

export function alarmUrl(publicUrl: string, alarmId: number): string {
  return `${publicUrl.replace(/\/+$/, '')}/alarms/${alarmId}`;
}

/** The call record's and the incident's pages, like the alarm page's deep links (src/correlation/alarm-links.ts). */
function linkRows(item: AlarmItem, publicUrl: string): Array<[string, string]> {
  const base = publicUrl.replace(/\/+$/, '');
  const links = item.links;
  if (!links) return [];
  const incident = links.incidentId ?? links.symptomOf[0] ?? null;
  return [
    ...(links.callId !== null ? [['Call', `${base}/calls/${links.callId}`] as [string, string]] : []),
    ...(incident !== null ? [['Incident', `${base}/resiliency/${encodeURIComponent(incident)}`] as [string, string]] : []),
  ];
}

/** Rows whose value is a URL: an anchor in HTML. */
const URL_ROWS = new Set(['Link', 'Call', 'Incident']);

function where(item: AlarmItem): string {
  const { alarm, place } = item;
  const path = [place.customerName, place.siteName, place.nodeName].filter((p): p is string => p !== null).join(' > ');
  const entity = alarm.entity ? ` > ${alarm.entity.kind} ${alarm.entity.name ?? alarm.entity.id}` : '';
  const ids = [place.customerId, place.siteId, place.nodeId].filter((p): p is string => p !== null).join('/');
  return `${path}${entity} (${ids ? `${ids}, ` : ''}sender ${alarm.sourceAddress})`;
}

function state(alarm: Alarm, place: Place): string {
  if (alarm.state === 'cleared') return `cleared${alarm.clearedAt !== null ? ` at ${when(alarm.clearedAt, place)}` : ''}`;
  if (alarm.state === 'acknowledged') return `acknowledged by ${alarm.acknowledgedBy ?? '?'}${alarm.acknowledgedAt !== null ? ` at ${when(alarm.acknowledgedAt, place)}` : ''}`;
  return 'active';
}

function changes(item: AlarmItem): string {
  return item.changes.map((c) => `${c.kind} ${when(c.at, item.place)}${c.kind === 'cleared' ? '' : ` (${c.severity})`}`).join('; ');
}

const ANNOTATION_LABELS: Record<AlarmAnnotation['kind'], string> = {
  'known-issue': 'Known issue',
  licence: 'Licence',
  resiliency: 'Resiliency',
  inhibited: 'Inhibited',
  flapping: 'Flapping',
};

function annotationLines(annotation: AlarmAnnotation): string[] {
  if (annotation.kind === 'known-issue') {
    return [
      `Known issue ${annotation.vendorId ?? annotation.key}: ${annotation.title}`,
      `  Workaround: ${annotation.text}`,
      ...(annotation.references?.length ? [`  References: ${annotation.references.join(', ')}`] : []),
    ];
  }
  return [`${ANNOTATION_LABELS[annotation.kind]}: ${annotation.title}${annotation.text ? ` - ${annotation.text}` : ''}`];
}

function headline(item: AlarmItem): string {
  const { alarm } = item;
  const severity = isResolved(item) ? 'RESOLVED' : alarm.severity.toUpperCase();
  return `${severity} | ${alarm.category} | ${alarm.text}`;
}

function rows(item: AlarmItem, publicUrl: string): Array<[string, string]> {
  const { alarm, place } = item;
  return [
    ['What', alarm.text],
    ['Where', where(item)],
    ['Since', when(alarm.firstSeen, place)],
    ['Occurrences', `${alarm.occurrences}, last seen ${when(alarm.lastSeen, place)}`],
    ['State', state(alarm, place)],
    ...(item.changes.length > 0 ? [['Changes', changes(item)] as [string, string]] : []),
    ['Code', `${alarm.code} (alarm ${alarm.id}, highest severity ${alarm.highestSeverity})`],
    ['Link', alarmUrl(publicUrl, alarm.id)],
    ...linkRows(item, publicUrl),
  ];
}

export function alarmText(item: AlarmItem, publicUrl: string): string {
  const lines = [headline(item)];
  for (const [label, value] of rows(item, publicUrl)) lines.push(`  ${`${label}:`.padEnd(13)}${value}`);
  for (const annotation of item.alarm.annotations) for (const line of annotationLines(annotation)) lines.push(`  ${line}`);
  return lines.join('\n');
}

export function alarmHtml(item: AlarmItem, publicUrl: string): string {
  const colour = isResolved(item) ? SEVERITY_COLOURS['cleared'] : (SEVERITY_COLOURS[item.alarm.severity] ?? '#222');
  const cell = (label: string, value: string) =>
    `<tr><th style="text-align:left;vertical-align:top;padding:2px 8px 2px 0;color:#555">${escapeHtml(label)}</th><td style="padding:2px 0">${URL_ROWS.has(label) ? link(value) : escapeHtml(value)}</td></tr>`;
  const notes = item.alarm.annotations.map((a) => {
    const [first, ...rest] = annotationLines(a);
    return `<p style="margin:4px 0;padding:4px 8px;background:#fff8e1"><b>${escapeHtml(first ?? '')}</b>${rest.map((l) => `<br>${escapeHtml(l.trim())}`).join('')}</p>`;
  });
  return [
    `<div style="border-left:4px solid ${colour};padding:4px 12px;margin:12px 0">`,
    `<p style="margin:0 0 4px 0;font-weight:bold;color:${colour}">${escapeHtml(headline(item))}</p>`,
    `<table style="border-collapse:collapse">${rows(item, publicUrl).map(([l, v]) => cell(l, v)).join('')}</table>`,
    ...notes,
    '</div>',
  ].join('\n');
}

/** One line per alarm, for digests and long lists. */
export function alarmLine(item: AlarmItem, publicUrl: string): string {
  const { alarm, place } = item;
  const severity = isResolved(item) ? 'RESOLVED' : alarm.severity.toUpperCase();
  return `${severity} ${alarm.category} | ${[place.customerName, place.siteName, place.nodeName].filter(Boolean).join(' / ')} | ${alarm.text} | ${alarmUrl(publicUrl, alarm.id)}`;
}
