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

/**
 * The line peer a Link or Trunk trap of `nodeId` is about: its entity (ipoGTEventData, the line name) names the
 * peer by id, name, host name or address. Null when it names none of them.
 */
export function linkPeerOf(fleet: FleetIndex, nodeId: string, entity: EntityRef | null): string | null {
  if (!entity) return null;
  const words = [entity.id, entity.name ?? ''].map((w) => w.toLowerCase()).filter((w) => w.length > 0);
  for (const peerId of linePeersOf(fleet, nodeId)) {
    const peer = fleet.node(peerId)!.node;
    const names = [peer.id, peer.name, ...(peer.hostnames ?? []), ...peer.addresses].map((n) => n.toLowerCase());
    if (words.some((w) => names.some((n) => w === n || w.includes(n)))) return peerId;
  }
  return null;
}
