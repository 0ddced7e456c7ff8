import type { serialiseAlarm } from '../api/serialise.js';
import { escapeHtml } from './html.js';

type ApiAlarm = ReturnType<typeof serialiseAlarm>;

const REFRESH_SECONDS = 15;

/** Colours follow the usual NOC convention, with text labels too so colour is never the only cue. */
const SEVERITY_COLOURS: Record<string, string> = {
  critical: '#b00020',
  major: '#d9480f',
  minor: '#e8a200',
  warning: '#1c7ed6',
  indeterminate: '#868e96',
  cleared: '#2b8a3e',
  info: '#495057',
};

export function renderAlarmsPage(input: { alarms: ApiAlarm[]; version: string; generatedAt: number }): string {
  const rows = input.alarms.map(renderRow).join('\n');
  const body =
    input.alarms.length === 0
      ? '<p class="empty">No open alarms.</p>'
      : `<table>
  <caption>${input.alarms.length} open alarm${input.alarms.length === 1 ? '' : 's'}</caption>
  <thead><tr><th scope="col">Severity</th><th scope="col">Node</th><th scope="col">Category</th><th scope="col">Alarm</th><th scope="col">Count</th><th scope="col">First seen</th><th scope="col">Last seen</th><th scope="col">State</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${REFRESH_SECONDS}">
<title>Open alarms · ipo-observer</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 1rem 1.5rem; color: #212529; background: #f8f9fa; }
  h1 { font-size: 1.3rem; margin: 0 0 .75rem; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  caption { text-align: left; padding: .25rem 0; color: #495057; }
  th, td { padding: .35rem .5rem; border-bottom: 1px solid #dee2e6; text-align: left; vertical-align: top; }
  th { background: #e9ecef; }
  .sev { font-weight: 600; color: #fff; border-radius: 3px; padding: 0 .4rem; white-space: nowrap; }
  .unknown { color: #862e9c; }
  .note { display: inline-block; margin-left: .4rem; padding: 0 .35rem; border: 1px solid #adb5bd; border-radius: 3px; font-size: .8rem; color: #343a40; }
  footer { margin-top: 1rem; color: #6c757d; font-size: .85rem; }
  a:focus { outline: 2px solid #1c7ed6; }
</style>
</head>
<body>
<h1>Open alarms</h1>
${body}
<footer>ipo-observer ${escapeHtml(input.version)} · generated ${escapeHtml(new Date(input.generatedAt).toISOString())} · refreshes every ${REFRESH_SECONDS} s · <a href="/api/v1/alarms?state=open">JSON</a></footer>
</body>
</html>
`;
}

function renderRow(alarm: ApiAlarm): string {
  const colour = SEVERITY_COLOURS[alarm.severity] ?? '#495057';
  const node = alarm.node
    ? escapeHtml(alarm.node.name)
    : `<span class="unknown" title="not in the fleet inventory">unknown ${escapeHtml(alarm.sourceAddress)}</span>`;
  return `    <tr data-alarm-id="${alarm.id}">
      <td><span class="sev" style="background:${colour}">${escapeHtml(alarm.severity)}</span></td>
      <td>${node}</td>
      <td>${escapeHtml(alarm.category)}</td>
      <td><a href="${escapeHtml(alarm.links.self)}">${escapeHtml(alarm.text)}</a>${annotationBadges(alarm)}</td>
      <td>${alarm.occurrences}</td>
      <td>${timeCell(alarm.firstSeen)}</td>
      <td>${timeCell(alarm.lastSeen)}</td>
      <td>${escapeHtml(alarm.state)}${alarm.acknowledgedBy ? ` by ${escapeHtml(alarm.acknowledgedBy)}` : ''}</td>
    </tr>`;
}

/** "2026-11-21 04:49:53 UTC": readable on a wall display, exact in the datetime attribute. */
function timeCell(isoTime: string | null): string {
  if (!isoTime) return '';
  const readable = `${isoTime.slice(0, 10)} ${isoTime.slice(11, 19)} UTC`;
  return `<time datetime="${escapeHtml(isoTime)}">${escapeHtml(readable)}</time>`;
}

/** Known issues, flapping and inhibition at a glance; the title attribute carries the workaround. */
function annotationBadges(alarm: ApiAlarm): string {
  return alarm.annotations
    .map((annotation) => {
      const label = annotation.kind === 'known-issue' ? `${annotation.vendorId ?? 'known issue'}${annotation.effect === 'benign' ? ' (benign)' : ''}` : annotation.kind;
      return `<span class="note" title="${escapeHtml(`${annotation.title}: ${annotation.text}`)}">${escapeHtml(label)}</span>`;
    })
    .join('');
}
