import type { FleetEvent } from '../../src/events/fleet-event.js';
import type { NodeConfig } from '../../src/fleet/node-schema.js';
import { normaliseAddress } from '../../src/fleet/normalise-address.js';

export const ADDRESS_CHANGED_CODE = 'snmp.node-address-changed';

/**
 * Notices a node that starts sending from an address it is not configured
 * with (found by its device id or engine id: NAT, a proxy, a renumbering).
 * The first notification from a new address raises a warning alarm
 * (code snmp.node-address-changed, one per node); the next one from a
 * configured address clears it. In memory: a restart forgets what it saw.
 */
export class AddressWatch {
  private readonly unexpected = new Map<string, string>();

  observe(nodeId: string, node: NodeConfig, address: string, receivedAt: number): FleetEvent | null {
    const configured = node.addresses.some((a) => normaliseAddress(a) === normaliseAddress(address));
    const flagged = this.unexpected.get(nodeId);
    if (configured) {
      if (flagged === undefined) return null;
      this.unexpected.delete(nodeId);
      return event(nodeId, node, address, receivedAt, 'cleared', `${node.name} sends SNMP from a configured address again (${address})`);
    }
    if (flagged === address) return null;
    this.unexpected.set(nodeId, address);
    return event(nodeId, node, address, receivedAt, 'warning', `${node.name} sends SNMP from ${address}, which is not one of its configured addresses (${node.addresses.join(', ')}); add it to the fleet if the move is expected`);
  }
}

function event(nodeId: string, node: NodeConfig, address: string, receivedAt: number, severity: 'warning' | 'cleared', text: string): FleetEvent {
  return {
    receivedAt,
    source: 'snmp',
    collector: 'snmp',
    sourceAddress: address,
    nodeId,
    entity: null,
    category: 'Generic',
    severity,
    raisesAlarm: true,
    code: ADDRESS_CHANGED_CODE,
    text,
    attributes: { address, configuredAddresses: node.addresses.join(',') },
    raw: { encoding: 'utf8', data: text },
  };
}
