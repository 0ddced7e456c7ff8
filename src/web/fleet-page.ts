import type { FleetNodeView, FleetView, Health, PartView } from './fleet-model.js';
import { healthBadge, plural } from './format.js';
import { escapeHtml } from './html.js';

/** Customers → sites → nodes (one dense table per site), each node with its cards/modules → ports, health, licence, resiliency. */
export function renderFleetBody(view: FleetView): string {
  if (view.nodeCount === 0) return '<p class="empty">No nodes configured (add customers, sites and nodes under fleet: in the configuration).</p>';
  return `<div id="fleet-region" data-live-region>
${tiles(view)}
${view.customers
  .map(
    (customer) => `<section class="customer" id="customer-${escapeHtml(customer.id)}" data-customer="${escapeHtml(customer.id)}" aria-labelledby="c-${escapeHtml(customer.id)}">
<h2 id="c-${escapeHtml(customer.id)}">${escapeHtml(customer.name)} ${healthBadge(customer.health.worst)} <a class="muted" href="/alarms?customer=${encodeURIComponent(customer.id)}">${openText(customer.health)}</a></h2>
${customer.sites.map((site) => siteTable(customer.id, site)).join('\n')}
</section>`,
  )
  .join('\n')}
</div>`;
}

function tiles(view: FleetView): string {
  const nodes = view.customers.flatMap((c) => c.sites.flatMap((s) => s.nodes));
  const count = (worst: string | null) => nodes.filter((n) => n.health.worst === worst).length;
  const tile = (cls: string, n: number, label: string) => `<li class="${cls}"><span class="n">${n}</span>${label}</li>`;
  return `<ul class="tiles" aria-label="Summary">
${tile('', nodes.length, 'nodes')}${tile('critical', count('critical'), 'critical')}${tile('major', count('major'), 'major')}${tile('minor', count('minor'), 'minor')}${tile('warning', count('warning'), 'warning')}${tile('ok', count(null), 'ok')}${view.unknownOpen > 0 ? tile('', view.unknownOpen, `<a href="/collectors#unknown">open from unknown senders</a>`) : ''}
</ul>`;
}

function siteTable(customerId: string, site: FleetView['customers'][number]['sites'][number]): string {
  return `<div class="site" data-site="${escapeHtml(site.id)}">
<h3>${escapeHtml(site.name)} <span class="muted">${escapeHtml(site.timeZone)}</span> ${healthBadge(site.health.worst)} <a class="muted" href="/alarms?customer=${encodeURIComponent(customerId)}&amp;site=${encodeURIComponent(site.id)}">${openText(site.health)}</a></h3>
<div class="table-wrap"><table class="nodes">
<thead><tr><th scope="col">Health</th><th scope="col">Node</th><th scope="col">Role</th><th scope="col">Version</th><th scope="col">Licence</th><th scope="col" class="num">Days left</th><th scope="col">Resiliency</th><th scope="col">Cards, modules, ports</th></tr></thead>
<tbody>
${site.nodes.map(nodeRow).join('\n')}
</tbody>
</table></div>
</div>`;
}

function nodeRow(node: FleetNodeView): string {
  return `<tr data-node-id="${escapeHtml(node.id)}" class="node health-row-${escapeHtml(node.health.worst ?? 'ok')}">
<td>${healthBadge(node.health.worst)}</td>
<td><a href="/nodes/${encodeURIComponent(node.id)}">${escapeHtml(node.name)}</a><br><span class="muted">${escapeHtml(node.addresses.join(', '))}</span>${node.health.open > 0 ? ` <a href="/alarms?node=${encodeURIComponent(node.id)}">${openText(node.health)}</a>` : ''}</td>
<td>${escapeHtml(node.role)}${node.platform ? `<br><span class="muted">${escapeHtml(node.platform)}</span>` : ''}</td>
<td>${escapeHtml(node.version ?? '—')}</td>
<td>${licenceCell(node)}</td>
<td class="num">${daysLeftCell(node)}</td>
<td>${resiliencyCell(node)}</td>
<td>${partsList(node.parts)}</td>
</tr>`;
}

export function licenceCell(node: FleetNodeView): string {
  if (!node.licence) return `<span class="muted">${escapeHtml(node.licenceSource)}</span>`;
  const cls = node.licence.daysLeft !== null ? 'warn' : node.licence.licensed ? 'good' : 'bad';
  return `<span class="tag ${cls}">${escapeHtml(node.licence.mode)}</span><br><span class="muted">${escapeHtml(node.licenceSource)}</span>`;
}

export function daysLeftCell(node: FleetNodeView): string {
  if (!node.licence || node.licence.daysLeft === null) return '<span class="muted">—</span>';
  return `<span class="sev sev-${escapeHtml(node.licence.severity ?? 'warning')}" title="grace days left">${node.licence.daysLeft} d</span>`;
}

export function resiliencyCell(node: FleetNodeView): string {
  if (!node.resiliency) return '<span class="muted">—</span>';
  const { state, servedBy } = node.resiliency;
  const tag = `<span class="tag ${state === 'up' ? 'good' : state === 'down' ? 'bad' : 'warn'}">${escapeHtml(state)}</span>`;
  return servedBy.length > 0 ? `${tag}<br><span class="muted">${servedBy.map((s) => `${escapeHtml(s.service)} on ${escapeHtml(s.by)}`).join(', ')}</span>` : tag;
}

export function partsList(parts: readonly PartView[]): string {
  if (parts.length === 0) return '<span class="muted">none configured</span>';
  return `<ul class="hardware">${parts
    .map(
      (part) =>
        `<li data-part="${escapeHtml(part.id)}">${healthBadge(part.health.worst)} ${escapeHtml(part.label)}${
          part.ports.length > 0
            ? `<span class="ports">${part.ports.map((port) => `<span class="port${port.health.worst ? ' health-bad' : ''}" data-port="${escapeHtml(port.id)}" title="${escapeHtml(port.health.worst ? `${port.health.worst}: ${plural(port.health.open, 'open alarm')}` : 'no open alarm')}">${escapeHtml(port.name)}${port.health.worst ? ` (${escapeHtml(port.health.worst)})` : ''}</span>`).join('')}</span>`
            : ''
        }</li>`,
    )
    .join('')}</ul>`;
}

function openText(health: Health): string {
  return health.open === 0 ? 'no open alarms' : plural(health.open, 'open alarm');
}
