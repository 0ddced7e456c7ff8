import type { incidentView, siteStates } from '../resiliency/view.js';
import { durationText } from './calls-page.js';
import { plural, timeCell } from './format.js';
import { escapeHtml } from './html.js';

export type ApiIncident = ReturnType<typeof incidentView>;
export type ApiSiteState = ReturnType<typeof siteStates>[number];

export interface ResiliencyPageInput {
  incidents: ApiIncident[];
  sites: ApiSiteState[];
  now: number;
  siteName: (customerId: string, siteId: string) => string;
  nodeName: (nodeId: string) => string;
}

/** Incidents open and close with alarms (live.js refreshes on those); failover and failback are timed, so a timer too. */
const LIVE_EVERY_SECONDS = 30;

/** After an entry of this kind the failed thing is down (red), running on a backup (amber) or back (green). */
const PHASE_OF: Record<string, 'down' | 'backup' | 'up'> = {
  'node-down': 'down',
  'link-down': 'down',
  flapping: 'down',
  failover: 'backup',
  'accs-stays': 'backup',
  'service-failover': 'backup',
  'entity-failure': 'down',
  'node-up': 'up',
  'link-up': 'up',
  restart: 'up',
  failback: 'up',
  'service-failback': 'up',
  'entity-ok': 'up',
  closed: 'up',
};

/** Kinds the engine may add later read by their suffix: "<x>-down" is down, anything else counts as back. */
function phaseOf(kind: string): 'down' | 'backup' | 'up' {
  return PHASE_OF[kind] ?? (kind.endsWith('-down') ? 'down' : 'up');
}

/** /resiliency: each site's state now, then incidents (open first) with what failed, took over, is degraded, and a timeline. */
export function renderResiliencyBody(input: ResiliencyPageInput): string {
  const open = input.incidents.filter((incident) => incident.open).length;
  return `<div id="resiliency-region" data-live-region data-live-every="${LIVE_EVERY_SECONDS}"><section aria-labelledby="sites-h"><h2 id="sites-h">Sites now</h2>
${renderSites(input)}
</section>
<section aria-labelledby="incidents-h"><h2 id="incidents-h">Incidents <span class="sub">${plural(input.incidents.length, 'incident')}, ${open} open</span></h2>
${input.incidents.length === 0 ? '<p class="empty">No resiliency incidents.</p>' : input.incidents.map((incident) => renderIncident(incident, input.now)).join('\n')}
</section></div>`;
}

function renderSites(input: ResiliencyPageInput): string {
  if (input.sites.length === 0) return '<p class="empty">No sites in the fleet.</p>';
  const rows = input.sites.map((site) => {
    const nodes = site.nodes
      .map((node) => {
        const served = node.servedBy.length > 0 ? ` <span class="sub">served by ${escapeHtml([...new Set(node.servedBy.map((s) => input.nodeName(s.by)))].join(', '))}</span>` : '';
        return `<li><span class="state state-${node.state}">${node.state}</span> <a href="/nodes/${encodeURIComponent(node.nodeId)}">${escapeHtml(node.name)}</a>${served}</li>`;
      })
      .join('');
    const ids = new Set(site.nodes.map((n) => n.nodeId));
    const lines = input.incidents.filter((i) => i.open && i.kind === 'link' && (ids.has(i.nodeId) || (i.peerId !== null && ids.has(i.peerId))));
    const worst = site.nodes.some((n) => n.state === 'down') ? 'down' : site.nodes.some((n) => n.state === 'recovering') ? 'recovering' : lines.length > 0 ? 'degraded' : 'up';
    const lineNotes = lines.map((i) => `<li><a href="/resiliency/${encodeURIComponent(i.id)}">${escapeHtml(i.failed)}</a></li>`).join('');
    return `<tr data-site-id="${escapeHtml(site.siteId)}"><th scope="row">${escapeHtml(input.siteName(site.customerId, site.siteId))}</th><td><span class="state state-${worst}">${worst}</span></td><td><ul class="nodes">${nodes}</ul>${lineNotes ? `<ul class="lines">${lineNotes}</ul>` : ''}</td></tr>`;
  });
  return `<table class="sites"><thead><tr><th scope="col">Site</th><th scope="col">State</th><th scope="col">Nodes</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}

export function renderIncident(incident: ApiIncident, now: number): string {
  const id = `incident-${incident.id}`;
  const state = incident.open ? '<span class="state state-down">open</span>' : incident.foldedInto ? '<span class="state state-recovering">folded</span>' : '<span class="state state-up">closed</span>';
  const folded = incident.foldedInto ? `<div><dt>Followed in</dt><dd><a href="/resiliency/${encodeURIComponent(incident.foldedInto)}">incident ${escapeHtml(incident.foldedInto)}</a> (a node at one end went down)</dd></div>\n` : '';
  const flapping = incident.flapping ? ' <span class="badge poor">flapping</span>' : '';
  const took = incident.takenOver.length > 0 ? incident.takenOver.map((t) => `${escapeHtml(t.service)} → ${escapeHtml(t.byName)}`).join(', ') : escapeHtml(incident.takenOverText ?? (incident.kind === 'link' ? 'nothing (a line: both nodes stay up)' : 'nothing'));
  const degraded = incident.degraded.length > 0 ? `<ul>${incident.degraded.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : 'nothing';
  const d = incident.durations;
  return `<article class="incident${incident.open ? ' open' : ''}" id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-h">
<h3 id="${escapeHtml(id)}-h">${state}${flapping} <a href="/resiliency/${encodeURIComponent(incident.id)}">${escapeHtml(incident.failed)}</a></h3>
<dl class="facts">
<div><dt>Failed</dt><dd>${escapeHtml(incident.failed)} (${escapeHtml(incident.kind)})</dd></div>
<div><dt>Taken over</dt><dd>${took}</dd></div>
<div><dt>Degraded</dt><dd>${degraded}</dd></div>
${folded}<div><dt>Opened</dt><dd>${timeCell(incident.openedAt)}</dd></div>
<div><dt>${incident.open ? 'Open for' : 'Lasted'}</dt><dd>${durationText(d.openSeconds)}; down ${durationText(d.downSeconds)}${d.failedOverSeconds !== null ? `; on backups ${durationText(d.failedOverSeconds)}` : ''}</dd></div>
</dl>
${renderTimeline(incident, now)}
</article>`;
}

/** Entries in order with their time and how long each phase lasted; a bar above shows the phases to scale. */
function renderTimeline(incident: ApiIncident, now: number): string {
  const entries = incident.timeline.map((entry) => ({ ...entry, ms: Date.parse(entry.at ?? '') }));
  if (entries.length === 0) return '';
  const start = entries[0]!.ms;
  const end = incident.closedAt ? Date.parse(incident.closedAt) : Math.max(now, entries.at(-1)!.ms);
  const total = Math.max(1, end - start);
  const segments = entries.map((entry, index) => {
    const until = entries[index + 1]?.ms ?? end;
    return { entry, seconds: (until - entry.ms) / 1000, share: (until - entry.ms) / total };
  });
  const bar = segments
    .filter((s) => s.share > 0)
    .map((s) => `<span class="phase phase-${phaseOf(s.entry.kind)}" style="flex-grow:${s.share.toFixed(4)}" title="${escapeHtml(`${s.entry.kind}: ${durationText(s.seconds)}`)}"></span>`)
    .join('');
  const items = segments
    .map(({ entry, seconds }, index) => {
      const last = index === segments.length - 1;
      const lasted = last && !incident.open ? '' : ` <span class="sub">${last ? 'for' : 'then'} ${durationText(seconds)}${last ? ' so far' : ''}</span>`;
      const offset = index === 0 ? '' : ` <span class="sub">(+${durationText((entry.ms - start) / 1000)})</span>`;
      return `<li class="tl-${phaseOf(entry.kind)}">${timeCell(entry.at)}${offset} <strong>${escapeHtml(entry.kind)}</strong> ${escapeHtml(entry.text)}${lasted}</li>`;
    })
    .join('\n');
  return `<div class="phases" aria-hidden="true">${bar}</div>
<ol class="timeline" aria-label="Timeline">
${items}
</ol>`;
}
