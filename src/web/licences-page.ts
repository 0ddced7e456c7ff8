import type { LicenceFleetView, LicenceNodeView, TrackView } from '../licence/fleet-view.js';
import { countdownHtml } from './countdown.js';
import { plural, severityBadge, timeCell } from './format.js';
import { escapeHtml } from './html.js';

/** Licence changes raise alarms (live.js refreshes on those); the timer catches the rest. countdown.js ticks in between. */
const LIVE_EVERY_SECONDS = 300;

/**
 * /licences: per customer, each node's licence mode and state, the grace countdown (days and hours left, e.g.
 * the 30 days of a subscription node that lost its COM License Server Link), and what it loses when.
 */
export function renderLicencesBody(view: LicenceFleetView | null, now: number): string {
  if (view === null) return '<p class="empty">The licence engine is not running.</p>';
  const { summary } = view;
  const modes = Object.entries(summary.byMode)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([mode, count]) => `${escapeHtml(mode)}: ${count}`)
    .join(' · ');
  const head = `<p class="summary"><strong>${plural(summary.nodes, 'node')}</strong> · <span class="${summary.inGrace > 0 ? 'q-warn' : ''}">${summary.inGrace} in grace</span> · <span class="${summary.losingFeatures > 0 ? 'q-bad' : ''}">${summary.losingFeatures} losing features</span> · ${summary.suspect} suspect${modes ? ` · ${modes}` : ''}</p>`;
  if (view.customers.length === 0) return `${head}<p class="empty">No nodes in the fleet.</p>`;
  return `<div id="licences-region" data-live-region data-live-every="${LIVE_EVERY_SECONDS}">${head}
${view.customers.map((customer) => renderCustomer(customer, now)).join('\n')}
</div>`;
}

function renderCustomer(customer: LicenceFleetView['customers'][number], now: number): string {
  const id = `customer-${customer.id}`;
  return `<section aria-labelledby="${escapeHtml(id)}"><h2 id="${escapeHtml(id)}">${escapeHtml(customer.name)}</h2>
<table class="licences">
<thead><tr><th scope="col">Node</th><th scope="col">Site</th><th scope="col">Source</th><th scope="col">Track</th><th scope="col">Mode</th><th scope="col">Since</th><th scope="col">Countdown</th><th scope="col">Loses</th></tr></thead>
<tbody>
${customer.nodes.map((node) => renderNode(node, now)).join('\n')}
</tbody>
</table>
</section>`;
}

function renderNode(view: LicenceNodeView, now: number): string {
  const tracks = view.tracks.length > 0 ? view.tracks : [null];
  const source = view.licenceSource.configured === view.licenceSource.effective ? view.licenceSource.configured : `${view.licenceSource.effective} (configured ${view.licenceSource.configured})`;
  const findings = view.findings.map((finding) => `<div class="note">${escapeHtml(finding.message)}</div>`).join('');
  const shortages = view.shortages.length > 0 ? `<div class="q-bad">short: ${escapeHtml(view.shortages.map((s) => s.licenceType).join(', '))}</div>` : '';
  return tracks
    .map((track, index) => {
      const first = index === 0;
      const span = tracks.length > 1 ? ` rowspan="${tracks.length}"` : '';
      const nodeCells = first
        ? `<th scope="row"${span}><a href="/nodes/${encodeURIComponent(view.node.id)}">${escapeHtml(view.node.name)}</a><div class="sub">${escapeHtml(view.node.role)}</div>${findings}</th><td${span}>${escapeHtml(view.node.site.name)}</td><td${span}>${escapeHtml(source)}${shortages}</td>`
        : '';
      const losses = view.losses.filter((loss) => track !== null && loss.track === track.track);
      return `<tr data-node-id="${escapeHtml(view.node.id)}"${track?.grace ? ' class="in-grace"' : ''}>${nodeCells}${track ? renderTrack(track, now) : '<td colspan="4">no licence state yet</td>'}<td>${renderLosses(losses)}</td></tr>`;
    })
    .join('\n');
}

function renderTrack(track: TrackView, now: number): string {
  const licensed = track.mode.licensed ? '' : ' <span class="badge poor">unlicensed</span>';
  const inferred = track.mode.inferred ? ' <span class="badge" title="assumed from the licence source; no signal seen yet">assumed</span>' : '';
  const suspect = track.suspect ? `<div class="note" title="${escapeHtml(track.suspect.workaround)}">suspect: ${escapeHtml(track.suspect.vendorId ?? track.suspect.title)}</div>` : '';
  return `<td>${escapeHtml(track.track)}</td><td>${escapeHtml(track.mode.name)}${licensed}${inferred}${suspect}</td><td>${timeCell(track.mode.since)}</td><td>${renderGrace(track, now)}</td>`;
}

function renderGrace(track: TrackView, now: number): string {
  const grace = track.grace;
  if (grace === null) return '<span class="q-ok">no grace running</span>';
  const then = grace.expiresTo ? `<div class="sub">then ${escapeHtml(grace.expiresTo.name)}</div>` : '';
  if (grace.expiresAt === null) return `${severityBadge(grace.severity)} length unknown${then}`;
  return `${severityBadge(grace.severity)} ${countdownHtml(grace.expiresAt, now, grace.startedAt)}<div class="sub">until ${timeCell(grace.expiresAt)}</div>${then}`;
}

function renderLosses(losses: LicenceNodeView['losses']): string {
  if (losses.length === 0) return '–';
  return losses
    .map((loss) => `<div class="${loss.status === 'lost' ? 'q-bad' : 'q-warn'}">${loss.status === 'lost' ? 'lost' : 'at risk'}: ${escapeHtml(loss.features.join(', '))}</div>`)
    .join('');
}
