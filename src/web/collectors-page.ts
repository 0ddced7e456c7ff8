import type { HealthSnapshot } from '../api/deps.js';
import type { CollectorSnapshot, Rates } from './collector-stats.js';
import { plural, timeCell } from './format.js';
import { escapeHtml } from './html.js';

export interface UnknownSender {
  address: string;
  hostname: string | null;
  events: number;
  lastSeen: string | null;
  exampleText: string;
}

export interface CollectorsPageInput {
  snapshot: CollectorSnapshot;
  rates: Rates | null;
  endpoints: HealthSnapshot['collectors'];
  unknownSenders: UnknownSender[];
  /** How many recent unknown-source events the sender table was built from. */
  unknownScanned: number;
  /** The rate history for the chart (collectors.js draws it with uPlot); embedded as JSON, not as a script. */
  history: { collectors: string[]; times: number[]; series: number[][] };
}

const fmtRate = (value: number | undefined) => (value === undefined ? '—' : value >= 10 ? value.toFixed(0) : value.toFixed(2));

/** Per collector: where it listens, totals and per-second rates; refusals and drops by reason; kernel drops; unknown senders. */
export function renderCollectorsBody(input: CollectorsPageInput): string {
  const { snapshot, rates } = input;
  const rateNote = rates ? `rates per second over the last ${Math.round(rates.overSeconds)} s` : 'rates appear once two samples are a second or more apart (reload)';
  const rows = snapshot.collectors.map((c) => {
    const r = rates?.perCollector.get(c.collector);
    const where = input.endpoints.find((e) => e.type === c.collector)?.endpoints.map((e) => `${e.transport} ${e.address}:${e.port}`).join(', ') ?? '';
    return `<tr data-collector="${escapeHtml(c.collector)}"><th scope="row">${escapeHtml(c.collector)}</th><td>${escapeHtml(where)}</td><td class="num">${c.received}</td><td class="num">${fmtRate(r?.received)}</td><td class="num">${c.accepted}</td><td class="num">${fmtRate(r?.accepted)}</td><td class="num">${c.refused}</td><td class="num">${fmtRate(r?.refused)}</td><td class="num">${c.dropped}</td><td class="num">${fmtRate(r?.dropped)}</td></tr>`;
  });
  return `<div id="collectors-region" data-live-region data-live-every="10">
<ul class="tiles" aria-label="Summary">
<li><span class="n">${snapshot.collectors.length}</span>collectors</li>
<li class="${snapshot.collectors.some((c) => c.refused > 0) ? 'minor' : 'ok'}"><span class="n">${snapshot.collectors.reduce((n, c) => n + c.refused, 0)}</span>refused</li>
<li class="${snapshot.collectors.some((c) => c.dropped > 0) ? 'major' : 'ok'}"><span class="n">${snapshot.collectors.reduce((n, c) => n + c.dropped, 0)}</span>dropped</li>
<li class="${snapshot.kernelDrops?.some((k) => k.count > 0) ? 'warning' : 'ok'}"><span class="n">${snapshot.kernelDrops ? snapshot.kernelDrops.reduce((n, k) => n + k.count, 0) : '—'}</span>kernel UDP drops</li>
<li class="${snapshot.unknownSourceEvents > 0 ? 'warning' : 'ok'}"><span class="n">${snapshot.unknownSourceEvents}</span>events from unknown senders</li>
${snapshot.queue ? `<li><span class="n">${snapshot.queue.depth}/${snapshot.queue.capacity}</span>pipeline queue</li>` : ''}
</ul>
<div class="table-wrap"><table class="collectors">
<caption>Totals since start; ${escapeHtml(rateNote)}</caption>
<thead><tr><th scope="col">Collector</th><th scope="col">Listening</th><th scope="col" class="num">Received</th><th scope="col" class="num">/s</th><th scope="col" class="num">Accepted</th><th scope="col" class="num">/s</th><th scope="col" class="num">Refused</th><th scope="col" class="num">/s</th><th scope="col" class="num">Dropped</th><th scope="col" class="num">/s</th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td colspan="10" class="empty">No collector is configured.</td></tr>'}</tbody>
</table></div>
<h2>Accepted events per second</h2>
<div class="chart" id="rate-chart" role="img" aria-label="Accepted events per second per collector, last 10 minutes">${input.history.times.length < 2 ? '<p class="empty">Collecting samples (every 10 s)…</p>' : ''}</div>
<script type="application/json" id="rate-data">${jsonForHtml(input.history)}</script>
<div class="columns">
<section aria-labelledby="refused-h"><h2 id="refused-h">Refused, by reason</h2>${reasonTable(snapshot.refusedByReason, 'Nothing refused.')}</section>
<section aria-labelledby="dropped-h"><h2 id="dropped-h">Dropped, by reason</h2>${reasonTable(snapshot.droppedByReason, 'Nothing dropped.')}
<h3>Kernel drops</h3>${kernel(snapshot, rates)}</section>
</div>
<section id="unknown" aria-labelledby="unknown-h"><h2 id="unknown-h">Unknown senders</h2>${unknown(input)}</section>
</div>`;
}

function reasonTable(rows: CollectorSnapshot['refusedByReason'], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${empty}</p>`;
  return `<table class="reasons"><thead><tr><th scope="col">Collector</th><th scope="col">Reason</th><th scope="col" class="num">Count</th></tr></thead><tbody>${rows
    .map((r) => `<tr data-reason="${escapeHtml(r.reason)}"><td>${escapeHtml(r.collector)}</td><td><code>${escapeHtml(r.reason)}</code></td><td class="num">${r.count}</td></tr>`)
    .join('')}</tbody></table>`;
}

function kernel(snapshot: CollectorSnapshot, rates: Rates | null): string {
  if (!snapshot.kernelDrops) return '<p class="muted">Not available (no /proc/net/snmp, or no UDP collector running).</p>';
  return `<p>${snapshot.kernelDrops.map((k) => `IPv${escapeHtml(k.ip)}: <strong>${k.count}</strong>`).join(' · ')}${rates?.kernelDrops != null ? ` · ${fmtRate(rates.kernelDrops)}/s` : ''}</p>
<p class="muted">UDP datagrams the kernel dropped because a receive buffer was full: host-wide, every UDP socket (RcvbufErrors). A rising count means datagrams were lost before any collector saw them; raise the socket buffer (net.core.rmem_max).</p>`;
}

function unknown(input: CollectorsPageInput): string {
  if (input.unknownSenders.length === 0) return '<p class="empty">No recent events from senders outside the fleet.</p>';
  return `<table class="unknown-senders"><caption>From the newest ${plural(input.unknownScanned, 'event')} of unknown senders · <a href="/api/v1/events?unknownSource=true">JSON</a></caption>
<thead><tr><th scope="col">Sender</th><th scope="col">Host name</th><th scope="col" class="num">Events</th><th scope="col">Last seen</th><th scope="col">Example</th></tr></thead>
<tbody>${input.unknownSenders
    .map((s) => `<tr data-sender="${escapeHtml(s.address)}"><td>${escapeHtml(s.address)}</td><td>${escapeHtml(s.hostname ?? '')}</td><td class="num">${s.events}</td><td>${timeCell(s.lastSeen)}</td><td class="text">${escapeHtml(s.exampleText)}</td></tr>`)
    .join('')}</tbody></table>
<p class="muted">Add a sender to fleet: (its address, host name or device id) if it belongs to a customer.</p>`;
}

/** JSON inside a non-executed script element: `<` escaped so no text can close the element. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
