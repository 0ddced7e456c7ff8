import type { NodeInventory } from '../../collectors/snmp/inventory.js';
import type { serialiseEvent } from '../api/serialise.js';
import type { FleetNodeRow } from '../fleet/fleet-index.js';
import type { LicenceNodeView } from '../licence/fleet-view.js';
import type { KnownIssueExposure } from '../../rules/known-issues-for-node.js';
import { alarmRow, type ApiAlarm } from './alarms-page.js';
import { daysLeftCell, licenceCell, partsList, resiliencyCell } from './fleet-page.js';
import type { FleetNodeView } from './fleet-model.js';
import { healthBadge, plural, severityBadge, timeCell } from './format.js';
import { escapeHtml } from './html.js';

const ENTITIES_SHOWN = 60;

export interface NodePageInput {
  row: FleetNodeRow;
  view: FleetNodeView;
  licence: LicenceNodeView | null;
  openAlarms: ApiAlarm[];
  knownIssues: KnownIssueExposure[];
  recentEvents: Array<ReturnType<typeof serialiseEvent>>;
  inventory: object | null;
}

/** One node: facts, hardware with health, licence, resiliency, open alarms, known issues it is exposed to, recent events. */
export function renderNodeBody(input: NodePageInput): string {
  const { row, view } = input;
  const facts: Array<[string, string]> = [
    ['Health', healthBadge(view.health.worst)],
    ['Customer / site', `${escapeHtml(row.customer.name)} / ${escapeHtml(row.site.name)} <span class="muted">${escapeHtml(row.site.timeZone)}</span>`],
    ['Role', escapeHtml(row.node.role)],
    ['Platform', escapeHtml(row.node.platform ?? '—')],
    ['Version', escapeHtml(row.node.version ?? '—')],
    ['Addresses', escapeHtml(row.node.addresses.join(', '))],
    ['Host names', escapeHtml((row.node.hostnames ?? []).join(', ') || '—')],
    ['Device id', escapeHtml(row.node.deviceId ?? '—')],
    ['Licence', `${licenceCell(view)}${view.licence?.daysLeft != null ? ` ${daysLeftCell(view)}` : ''}`],
    ['Resiliency', resiliencyCell(view)],
    ['API', `<a href="/api/v1/nodes/${encodeURIComponent(row.node.id)}/known-issues">known issues</a> · <a href="/api/v1/events?node=${encodeURIComponent(row.node.id)}">events</a>`],
  ];
  return `<div id="node-region" data-live-region data-node-id="${escapeHtml(row.node.id)}">
<div class="columns">
<section class="panel" aria-labelledby="facts-h"><h2 id="facts-h">Facts</h2><dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></section>
<section class="panel" aria-labelledby="hw-h"><h2 id="hw-h">Cards, modules and ports</h2>${partsList(view.parts)}${inventoryPanel(input.inventory)}</section>
</div>
<section class="panel" aria-labelledby="alarms-h"><h2 id="alarms-h">Open alarms</h2>${openAlarms(input)}</section>
${licencePanel(input.licence)}
<section class="panel" aria-labelledby="ki-h"><h2 id="ki-h">Known issues this node is exposed to</h2>${knownIssues(input.knownIssues)}</section>
<section class="panel" aria-labelledby="ev-h"><h2 id="ev-h">Recent events</h2>${events(input.recentEvents)}</section>
</div>`;
}

function openAlarms({ openAlarms, row }: NodePageInput): string {
  if (openAlarms.length === 0) return '<p class="empty">No open alarms.</p>';
  return `<table class="alarms"><caption>${plural(openAlarms.length, 'open alarm')} · <a href="/alarms?node=${encodeURIComponent(row.node.id)}">in the alarms list</a></caption>
<thead><tr><th scope="col">Severity</th><th scope="col">Node</th><th scope="col">Category</th><th scope="col">Alarm</th><th scope="col" class="num">Count</th><th scope="col">First seen</th><th scope="col">Last seen</th><th scope="col">State</th></tr></thead>
<tbody>${openAlarms.map(alarmRow).join('\n')}</tbody></table>`;
}

function licencePanel(licence: LicenceNodeView | null): string {
  if (!licence) return '';
  const tracks = licence.tracks.map(
    (t) => `<tr><td>${escapeHtml(t.track)}</td><td>${escapeHtml(t.mode.name)}${t.mode.inferred ? ' <span class="muted">(inferred)</span>' : ''}</td><td>${timeCell(t.mode.since)}</td><td>${t.grace ? `${t.grace.daysRemaining ?? '?'} days left, until ${timeCell(t.grace.expiresAt)}` : '—'}</td><td>${t.suspect ? escapeHtml(t.suspect.title) : ''}</td></tr>`,
  );
  const losses = licence.losses.map((l) => `<li><span class="tag ${l.status === 'lost' ? 'bad' : 'warn'}">${escapeHtml(l.status)}</span> ${escapeHtml(l.features.join(', '))} <span class="muted">(${escapeHtml(l.because)})</span></li>`);
  return `<section class="panel" aria-labelledby="lic-h"><h2 id="lic-h">Licence</h2>
<table><thead><tr><th scope="col">Track</th><th scope="col">Mode</th><th scope="col">Since</th><th scope="col">Grace</th><th scope="col">Suspect</th></tr></thead><tbody>${tracks.join('') || '<tr><td colspan="5" class="empty">No mode known yet.</td></tr>'}</tbody></table>
${losses.length > 0 ? `<ul>${losses.join('')}</ul>` : ''}<p><a href="/licences">All licences</a></p></section>`;
}

function knownIssues(exposures: readonly KnownIssueExposure[]): string {
  if (exposures.length === 0) return '<p class="empty">None matches this node’s release, role, platform and licence source.</p>';
  return exposures
    .map(
      (k) => `<div class="workaround"><h3>${escapeHtml(k.vendorId ?? k.ruleId)}: ${escapeHtml(k.title)} <span class="tag ${k.certainty === 'exposed' ? 'bad' : 'warn'}">${escapeHtml(k.certainty)}</span></h3>
<p><strong>Workaround:</strong> ${escapeHtml(k.workaround || 'none documented')}</p><p class="muted">Releases ${escapeHtml(k.releases.join('; ') || 'any')} · references ${escapeHtml(k.references.join(', '))}</p></div>`,
    )
    .join('\n');
}

function inventoryPanel(raw: object | null): string {
  if (!raw) return '<p class="muted">No inventory polled (enable SNMP polling for this node to see its entity and phone tables).</p>';
  const inv = raw as Partial<NodeInventory>;
  const entities = Array.isArray(inv.entities) ? inv.entities : [];
  const rows = entities
    .slice(0, ENTITIES_SHOWN)
    .map((e) => `<tr><td>${escapeHtml(e.class)}</td><td>${escapeHtml(e.name)}</td><td>${escapeHtml(e.model ?? '')}</td><td>${escapeHtml(e.serial ?? '')}</td><td>${escapeHtml(e.softwareRev ?? e.firmwareRev ?? '')}</td></tr>`);
  return `<h3>Polled inventory ${typeof inv.polledAt === 'number' ? timeCell(inv.polledAt) : ''}</h3>
<p class="muted">${escapeHtml(inv.sysDescr ?? '')} · ${plural(Array.isArray(inv.phones) ? inv.phones.length : 0, 'phone')}${Array.isArray(inv.walkErrors) && inv.walkErrors.length > 0 ? ` · walk errors: ${escapeHtml(inv.walkErrors.join('; '))}` : ''}</p>
${rows.length > 0 ? `<table><thead><tr><th scope="col">Class</th><th scope="col">Name</th><th scope="col">Model</th><th scope="col">Serial</th><th scope="col">Software</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : ''}`;
}

function events(recent: NodePageInput['recentEvents']): string {
  if (recent.length === 0) return '<p class="empty">No stored events.</p>';
  const rows = recent.map(
    (e) => `<tr><td>${timeCell(e.receivedAt)}</td><td>${severityBadge(e.severity)}</td><td>${escapeHtml(e.category)}</td><td class="text">${escapeHtml(e.text)}</td><td>${e.alarmId !== null ? `<a href="/alarms/${e.alarmId}">alarm ${e.alarmId}</a>` : ''}</td></tr>`,
  );
  return `<table class="events"><caption>${plural(recent.length, 'event')}, newest first</caption><thead><tr><th scope="col">Received</th><th scope="col">Severity</th><th scope="col">Category</th><th scope="col">Text</th><th scope="col">Alarm</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
