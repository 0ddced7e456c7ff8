import type { EntityRef } from '../events/fleet-event.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import { BACKED_UP_SERVICES, type BackedUpService } from '../fleet/node-resilience-schema.js';

/** One service of a failed node and the node that takes it over. */
export interface Takeover {
  service: BackedUpService;
  by: string;
}

export const SERVICE_NAMES: Record<BackedUpService, string> = {
  phones: 'phones',
  huntGroups: 'hunt groups',
  voicemail: 'Voicemail Pro',
  oneXPortal: 'one-X Portal',
  accs: 'ACCS',
};

/** What the node's configured backups take over when it fails, in service order. */
export function takeoversOf(fleet: FleetIndex, nodeId: string): Takeover[] {
  const backup = fleet.node(nodeId)?.node.resilience?.backup ?? {};
  return BACKED_UP_SERVICES.flatMap((service) => (backup[service] && fleet.node(backup[service]) ? [{ service, by: backup[service] }] : []));
}

/** Nodes joined to this one by an IP Office Line, from either side's config. */
export function linePeersOf(fleet: FleetIndex, nodeId: string): string[] {
  const peers = new Set(fleet.node(nodeId)?.node.resilience?.lines ?? []);
  for (const { node } of fleet.nodes()) if (node.resilience?.lines?.includes(nodeId)) peers.add(node.id);
  peers.delete(nodeId);
  return [...peers].filter((id) => fleet.node(id));
}

/** Nodes whose alarms are symptoms while this one is down: its line peers and its backups. */
export function dependentsOf(fleet: FleetIndex, nodeId: string): string[] {
  return [...new Set([...linePeersOf(fleet, nodeId), ...takeoversOf(fleet, nodeId).map((t) => t.by)])];
}

/** Whether a text names the node by id, name, host name or address, as a whole word (10.0.0.1 is not in 10.0.0.11). */
export function mentionsNode(fleet: FleetIndex, nodeId: string, text: string): boolean {
  const node = fleet.node(nodeId)?.node;
  if (!node) return false;
  const subject = text.slice(0, 1024).toLowerCase();
  return [node.id, node.name, ...(node.hostnames ?? []), ...node.addresses].some((name) => {
    const n = name.toLowerCase();
    if (n.length === 0) return false;
    for (let at = subject.indexOf(n); at >= 0; at = subject.indexOf(n, at + 1)) {
      if (!/[\w.-]/.test(subject[at - 1] ?? ' ') && !/[\w.-]/.test(subject[at + n.length] ?? ' ')) return true;
    }
    return false;
  });
}

/**
 * The line peer a Link or Trunk alarm of `nodeId` is about: its entity (ipoGTEventData, the line name) or, for
 * syslog and SSA, its text names the peer by id, name, host name or address. Null when it names none of them.
 */
export function linkPeerOf(fleet: FleetIndex, nodeId: string, entity: EntityRef | null, text = ''): string | null {
  const words = [entity?.id ?? '', entity?.name ?? '', text].filter((w) => w.length > 0);
  if (words.length === 0) return null;
  for (const peerId of linePeersOf(fleet, nodeId)) {
    if (words.some((w) => mentionsNode(fleet, peerId, w))) return peerId;
  }
  return null;
}

/** Nodes a node's own alarms may report on: its line peers, the nodes it backs up and the nodes that back it up. */
export function relatedNodesOf(fleet: FleetIndex, nodeId: string): string[] {
  const related = new Set([...linePeersOf(fleet, nodeId), ...takeoversOf(fleet, nodeId).map((t) => t.by)]);
  for (const { node } of fleet.nodes()) if (takeoversOf(fleet, node.id).some((t) => t.by === nodeId)) related.add(node.id);
  related.delete(nodeId);
  return [...related];
}
