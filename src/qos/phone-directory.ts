import type { PhoneDirectory, PhoneEntry } from '../../collectors/types.js';
import type { Clock } from '../clock.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import { normaliseAddress } from '../fleet/normalise-address.js';

/** How stale the index may be: a phone polled a moment ago is found within this long. */
const REFRESH_MS = 5000;

/** The phone table rows an inventory carries (collectors/snmp NodeInventory), read structurally. */
interface PhoneRowLike {
  extension?: unknown;
  userLong?: unknown;
  userShort?: unknown;
  type?: unknown;
  ipAddress?: unknown;
}

/**
 * Phones by address and by extension, from the inventories collectors learn
 * (SNMP polling of IPO-PHONES-MIB), read without depending on the SNMP
 * collector's types. Rebuilt at most every 5 s, and only when a node's
 * inventory was polled again, so a lookup per RTCP stream is a map get.
 */
export function createPhoneDirectory(fleet: FleetIndex, inventory: (nodeId: string) => object | null, clock: Clock): PhoneDirectory {
  let builtAt = Number.NEGATIVE_INFINITY;
  const polledAt = new Map<string, unknown>();
  let byAddress = new Map<string, PhoneEntry>();
  let byExtension = new Map<string, PhoneEntry>();

  const refresh = () => {
    const now = clock.now();
    if (now - builtAt < REFRESH_MS) return;
    builtAt = now;
    const inventories = fleet.nodes().map(({ node }) => [node.id, inventory(node.id)] as const);
    if (inventories.every(([id, inv]) => polledAt.get(id) === polledAtOf(inv))) return;
    const addresses = new Map<string, PhoneEntry>();
    const extensions = new Map<string, PhoneEntry>();
    for (const [nodeId, inv] of inventories) {
      polledAt.set(nodeId, polledAtOf(inv));
      for (const row of phonesOf(inv)) {
        const entry: PhoneEntry = {
          nodeId,
          extension: typeof row.extension === 'string' ? row.extension : null,
          user: typeof row.userLong === 'string' && row.userLong ? row.userLong : typeof row.userShort === 'string' ? row.userShort : null,
          type: typeof row.type === 'string' ? row.type : null,
          address: typeof row.ipAddress === 'string' ? normaliseAddress(row.ipAddress) : '',
        };
        if (entry.address && entry.address !== '0.0.0.0' && !addresses.has(entry.address)) addresses.set(entry.address, entry);
        if (entry.extension) extensions.set(`${nodeId}\u0000${entry.extension}`, entry);
      }
    }
    byAddress = addresses;
    byExtension = extensions;
  };

  return {
    byAddress(address) {
      refresh();
      return byAddress.get(normaliseAddress(address)) ?? null;
    },
    byExtension(nodeId, extension) {
      refresh();
      return byExtension.get(`${nodeId}\u0000${extension}`) ?? null;
    },
  };
}

function polledAtOf(inventory: object | null): unknown {
  return inventory && 'polledAt' in inventory ? inventory.polledAt : null;
}

function phonesOf(inventory: object | null): PhoneRowLike[] {
  if (!inventory || !('phones' in inventory) || !Array.isArray(inventory.phones)) return [];
  return inventory.phones.filter((row): row is PhoneRowLike => typeof row === 'object' && row !== null);
}
