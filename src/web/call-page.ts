import type { serialiseQosSample } from '../api/qos-serialise.js';
import type { serialiseAlarm } from '../api/serialise.js';
import { durationText, renderCallRow, type ApiQosCall } from './calls-page.js';
import { plural, severityBadge, timeCell } from './format.js';
import { escapeHtml } from './html.js';
import { fixed, type QosLimits } from './quality.js';

type ApiAlarm = ReturnType<typeof serialiseAlarm>;
type ApiReport = ReturnType<typeof serialiseQosSample>;

/** Reports listed in the page itself (the chart shows them all); enough for a call of several minutes at 5 s. */
const REPORTS_LISTED = 120;

export interface CallPageInput {
  call: ApiQosCall;
  limits: QosLimits;
  /** Records of the same call measured at the other end (SSRCs crossed): the other direction. */
  otherDirections: ApiQosCall[];
  reports: ApiReport[];
  /** Alarms of the call's node open at some moment of the call. */
  alarms: ApiAlarm[];
  siteName?: (siteId: string) => string;
}

/** /calls/:id: who and where, per-direction figures, the chart over time (call-chart.js), and the node's alarms meanwhile. */
export function renderCallBody(input: CallPageInput): string {
  const { call } = input;
  return `<p class="back"><a href="/calls">All calls</a></p>
${renderFacts(call, input.siteName ?? ((id) => id))}
<section aria-labelledby="dir-h"><h2 id="dir-h">Per direction</h2>
<table class="calls directions">
<thead><tr><th scope="col">Started</th><th scope="col">Duration</th><th scope="col">Measured by</th><th scope="col">Far end</th><th scope="col">Node · site</th><th scope="col">Codec</th><th scope="col" class="num">MOS</th><th scope="col" class="num">Jitter ms</th><th scope="col" class="num">Loss %</th><th scope="col" class="num">Round trip ms</th></tr></thead>
<tbody>
${[call, ...input.otherDirections].map((record) => renderCallRow(record, input.limits, input.siteName)).join('\n')}
</tbody>
</table>
${input.otherDirections.length === 0 ? '<p class="note">Only this end reported; the other direction sent no RTCP to the collector.</p>' : ''}
</section>
<section aria-labelledby="chart-h"><h2 id="chart-h">Over time</h2>
${renderChart(call, input.limits, input.reports.length)}
${renderReports(input.reports)}
</section>
<section aria-labelledby="alarms-h"><h2 id="alarms-h">What else was wrong on ${escapeHtml(call.node?.name ?? 'the node')} meanwhile</h2>
${renderAlarms(input.alarms, call)}
</section>`;
}

function renderFacts(call: ApiQosCall, siteName: (siteId: string) => string): string {
  const row = (label: string, value: string) => `<div><dt>${label}</dt><dd>${value}</dd></div>`;
  const text = (value: string | number | null | undefined) => escapeHtml(value ?? '–');
  const node = call.node ? `<a href="/nodes/${encodeURIComponent(call.node.id)}">${escapeHtml(call.node.name)}</a>${call.siteId ? ` · ${escapeHtml(siteName(call.siteId))}` : ''}` : '–';
  const crossed = call.thresholdsCrossed.length > 0 ? call.thresholdsCrossed.join(', ') : 'none';
  const ipo = call.ipoQos
    ? row('IP Office QoS alarm', `${timeCell(call.ipoQos.at)} jitter ${text(call.ipoQos.jitterMs)} ms, round trip ${text(call.ipoQos.roundTripMs)} ms, loss ${text(call.ipoQos.packetLoss)} (unit undocumented)`)
    : '';
  return `<dl class="facts">
${row('Extension', text([call.extension, call.user].filter(Boolean).join(' ') || null))}
${row('Phone', `${text(call.phoneType)} at ${text(call.sourceAddress)}`)}
${row('Far end', text(call.remoteParty))}
${row('Trunk', text(call.trunk))}
${row('Node', node)}
${row('Codec', `${text(call.codec)}${call.clockRate ? ` (${call.clockRate} Hz)` : ''}`)}
${row('Started', timeCell(call.startedAt))}
${row(call.active ? 'Last report' : 'Ended', `${timeCell(call.active ? call.lastReportAt : call.endedAt)}${call.endReason ? ` (${escapeHtml(call.endReason)})` : ''}`)}
${row('Duration', `${durationText(call.durationSeconds)}${call.active ? ' so far' : ''}`)}
${row('Reports', String(call.reports))}
${row('MOS', `${fixed(call.mos, 2)} (min ${fixed(call.mosMin, 2)}${call.mosSource ? `, ${escapeHtml(call.mosSource)}` : ''}${call.mosEstimated ? ', estimated for this codec' : ''})`)}
${row('Thresholds crossed', `<span class="${call.poor ? 'q-bad' : 'q-ok'}">${escapeHtml(crossed)}${call.poor ? ' — poor call' : ''}</span>`)}
${ipo}
</dl>`;
}

/** The canvas is drawn by call-chart.js from the call's JSON; without scripts the report table below carries the data. */
function renderChart(call: ApiQosCall, limits: QosLimits, reports: number): string {
  if (reports === 0) return '<p class="empty">No reports over time for this call.</p>';
  return `<figure class="chart">
<div id="call-chart" class="chart-area" data-src="/api/v1/qos/calls/${call.id}" data-jitter-limit="${limits.jitterMs}" data-loss-limit="${limits.lossPercent}" data-rtt-limit="${limits.roundTripMs}" data-mos-below="${limits.mosBelow ?? ''}" data-active="${call.active}" role="img" aria-label="MOS, jitter, loss and round trip of call ${call.id} over time"></div>
<figcaption>MOS (left axis), jitter and round trip in ms, loss in % (right axis), one point per report; dashed lines are the site's limits.</figcaption>
</figure>`;
}

function renderReports(reports: ApiReport[]): string {
  if (reports.length === 0) return '';
  const shown = reports.slice(-REPORTS_LISTED);
  const rows = shown
    .map((r) => `<tr><td>${timeCell(r.at)}</td><td>${escapeHtml(r.kind)}</td><td class="num">${fixed(r.mos, 2)}</td><td class="num">${fixed(r.jitterMs, 1)}</td><td class="num">${fixed(r.lossPercent, 2)}</td><td class="num">${fixed(r.roundTripMs, 0)}</td></tr>`)
    .join('\n');
  const note = shown.length < reports.length ? `, the last ${shown.length}` : '';
  return `<details class="reports"><summary>${plural(reports.length, 'report')}${note} as a table</summary>
<table><thead><tr><th scope="col">At</th><th scope="col">Kind</th><th scope="col" class="num">MOS</th><th scope="col" class="num">Jitter ms</th><th scope="col" class="num">Loss %</th><th scope="col" class="num">Round trip ms</th></tr></thead>
<tbody>
${rows}
</tbody></table></details>`;
}

function renderAlarms(alarms: ApiAlarm[], call: ApiQosCall): string {
  if (!call.node) return '<p class="empty">The call is not attributed to a node.</p>';
  if (alarms.length === 0) return '<p class="empty">No alarms on the node during the call.</p>';
  const rows = alarms
    .map((alarm) => `<tr><td>${severityBadge(alarm.severity)}</td><td><a href="/alarms/${alarm.id}">${escapeHtml(alarm.text)}</a></td><td>${escapeHtml(alarm.category)}</td><td>${timeCell(alarm.firstSeen)}</td><td>${alarm.clearedAt ? timeCell(alarm.clearedAt) : escapeHtml(alarm.state)}</td></tr>`)
    .join('\n');
  return `<table class="alarms"><thead><tr><th scope="col">Severity</th><th scope="col">Alarm</th><th scope="col">Category</th><th scope="col">First seen</th><th scope="col">Cleared</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}
