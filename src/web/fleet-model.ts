import type { NodeInventory } from '../../collectors/snmp/inventory.js';
import type { ApiDeps } from '../api/deps.js';
import type { Alarm } from '../correlation/alarm.js';
import type { Severity } from '../events/severity.js';
import type { FleetNodeRow } from '../fleet/fleet-index.js';
import { licenceNodeView } from '../licence/fleet-view.js';
import { siteStates } from '../resiliency/view.js';
import { locateAlarm } from './fleet-parts.js';
import { worseOf } from './format.js';

/** Open alarms are read up to this many for health colours (worst first, so the colours are right even when capped). */
const OPEN_SCAN = 1000;

export interface Health {
  worst: Severity | null;
  open: number;
}

export interface PartView {
  kind: 'card' | 'module';
  id: string;
  label: string;
  health: Health;
  ports: Array<{ id: string; name: string; health: Health }>;
}

export interface FleetNodeView {
  id: string;
  name: string;
  role: string;
  platform: string | null;
  version: string | null;
  addresses: string[];
  licenceSource: string;
  health: Health;
  licence: { mode: string; licensed: boolean; daysLeft: number | null; severity: string | null } | null;
  resiliency: { state: 'up' | 'down' | 'recovering'; servedBy: Array<{ service: string; by: string }> } | null;
  parts: PartView[];
  inventory: { polledAt: number; sysDescr: string | null; entities: number; phones: number } | null;
}

export interface FleetView {
  customers: Array<{ id: string; name: string; health: Health; sites: Array<{ id: string; name: string; timeZone: string; health: Health; nodes: FleetNodeView[] }> }>;
  /** Open alarms from senders outside the fleet. */
  unknownOpen: number;
  nodeCount: number;
}

type FleetDeps = Pick<ApiDeps, 'store' | 'fleet' | 'inventory' | 'licence' | 'resiliency'>;

/** Health per node from the open alarms, and the open alarms of each node (to place them on its cards and ports). */
function healthIndex(open: readonly Alarm[]): { nodes: Map<string, Health>; alarmsByNode: Map<string, Alarm[]>; unknown: number } {
  const nodes = new Map<string, Health>();
  const alarmsByNode = new Map<string, Alarm[]>();
  let unknown = 0;
  for (const alarm of open) {
    if (alarm.nodeId === null) {
      unknown += 1;
      continue;
    }
    const h = nodes.get(alarm.nodeId) ?? { worst: null, open: 0 };
    nodes.set(alarm.nodeId, { worst: worseOf(h.worst, alarm.severity), open: h.open + 1 });
    const alarms = alarmsByNode.get(alarm.nodeId);
    if (alarms) alarms.push(alarm);
    else alarmsByNode.set(alarm.nodeId, [alarm]);
  }
  return { nodes, alarmsByNode, unknown };
}

export function combine(healths: readonly Health[]): Health {
  return healths.reduce((acc, h) => ({ worst: worseOf(acc.worst, h.worst), open: acc.open + h.open }), { worst: null, open: 0 });
}

/** The configured fleet (customers → sites → nodes → cards/modules → ports) with health, licence, resiliency and polled inventory. */
export function fleetView(deps: FleetDeps, now: number, rows: readonly FleetNodeRow[] = deps.fleet.nodes()): FleetView {
  const health = healthIndex(deps.store.listAlarms({ open: true, limit: OPEN_SCAN }));
  const resiliency = deps.resiliency ? new Map(siteStates(deps.fleet, deps.resiliency.open()).flatMap((site) => site.nodes.map((n) => [n.nodeId, n] as const))) : null;
  const customers = new Map<string, FleetView['customers'][number]>();
  for (const row of rows) {
    const customer = customers.get(row.customer.id) ?? { id: row.customer.id, name: row.customer.name, health: { worst: null, open: 0 }, sites: [] };
    customers.set(row.customer.id, customer);
    let site = customer.sites.find((s) => s.id === row.site.id);
    if (!site) {
      site = { id: row.site.id, name: row.site.name, timeZone: row.site.timeZone, health: { worst: null, open: 0 }, nodes: [] };
      customer.sites.push(site);
    }
    const node = nodeView(deps, row, now, health, resiliency?.get(row.node.id) ?? null);
    site.nodes.push(node);
    site.health = combine([site.health, node.health]);
    customer.health = combine([customer.health, node.health]);
  }
  return { customers: [...customers.values()], unknownOpen: health.unknown, nodeCount: rows.length };
}

function nodeView(
  deps: FleetDeps,
  row: FleetNodeRow,
  now: number,
  health: ReturnType<typeof healthIndex>,
  resiliency: { state: 'up' | 'down' | 'recovering'; servedBy: Array<{ service: string; by: string }> } | null,
): FleetNodeView {
  const { node } = row;
  const none: Health = { worst: null, open: 0 };
  const placed = new Map<string, Health>();
  const add = (key: string, alarm: Alarm) => {
    const h = placed.get(key) ?? none;
    placed.set(key, { worst: worseOf(h.worst, alarm.severity), open: h.open + 1 });
  };
  for (const alarm of health.alarmsByNode.get(node.id) ?? []) {
    const where = locateAlarm(alarm, node);
    if (where) add(where.portId === null ? `part:${where.partId}` : `port:${where.partId}/${where.portId}`, alarm);
  }
  const parts: PartView[] = [
    ...(node.cards ?? []).map((card) => ({ kind: 'card' as const, id: card.id, label: `Slot ${card.slot}: ${card.name ?? card.type}${card.name ? ` (${card.type})` : ''}`, ports: card.ports ?? [] })),
    ...(node.modules ?? []).map((m) => ({ kind: 'module' as const, id: m.id, label: `Expansion ${m.expansionPort}: ${m.name ?? m.type}${m.name ? ` (${m.type})` : ''}`, ports: m.ports ?? [] })),
  ].map((part) => {
    const ports = part.ports.map((port) => ({ id: port.id, name: port.name ?? port.id, health: placed.get(`port:${part.id}/${port.id}`) ?? none }));
    return { kind: part.kind, id: part.id, label: part.label, ports, health: combine([placed.get(`part:${part.id}`) ?? none, ...ports.map((p) => p.health)]) };
  });
  return {
    id: node.id,
    name: node.name,
    role: node.role,
    platform: node.platform ?? null,
    version: node.version ?? null,
    addresses: node.addresses,
    licenceSource: node.licenceSource,
    health: health.nodes.get(node.id) ?? none,
    licence: licenceOf(deps, row, now),
    resiliency,
    parts,
    inventory: inventoryOf(deps.inventory(node.id)),
  };
}

function licenceOf(deps: FleetDeps, row: FleetNodeRow, now: number): FleetNodeView['licence'] {
  if (!deps.licence) return null;
  const track = licenceNodeView(deps.licence, row, now).tracks[0];
  if (!track) return null;
  return { mode: track.mode.name, licensed: track.mode.licensed, daysLeft: track.grace?.daysRemaining ?? null, severity: track.grace?.severity ?? null };
}

/** ApiDeps.inventory is whatever the polling collector keeps; read only the fields shown, defensively. */
export function inventoryOf(raw: object | null): FleetNodeView['inventory'] {
  if (!raw) return null;
  const inv = raw as Partial<NodeInventory>;
  return {
    polledAt: typeof inv.polledAt === 'number' ? inv.polledAt : 0,
    sysDescr: typeof inv.sysDescr === 'string' ? inv.sysDescr : null,
    entities: Array.isArray(inv.entities) ? inv.entities.length : 0,
    phones: Array.isArray(inv.phones) ? inv.phones.length : 0,
  };
}
