import { isIP } from 'node:net';
import { claim, type Report } from './claim.js';
import { checkHardware } from './hardware-checks.js';
import { normaliseAddress } from './normalise-address.js';
import { normaliseHostname } from './normalise-hostname.js';
import { checkResilience } from './resilience-checks.js';
import { itemsOf, stringOf, stringsOf } from './parsed-items.js';

/**
 * Uniqueness rules a per-field schema cannot express. Customer ids are unique
 * in the fleet and site ids within their customer; node ids, addresses, host
 * names and device ids are unique across the whole fleet, because events are
 * matched to a node by them. Paths are relative to the `fleet:` section.
 */
export function checkFleet(fleet: unknown, report: Report): void {
  const customerIds = new Map<string, string>();
  const nodeIds = new Map<string, string>();
  const addresses = new Map<string, string>();
  const hostnames = new Map<string, string>();
  const deviceIds = new Map<string, string>();

  for (const [ci, customer] of itemsOf(fleet, 'customers')) {
    const customerId = stringOf(customer, 'id') ?? `customers[${ci}]`;
    const customerPath = ['customers', ci];
    if (stringOf(customer, 'id') !== undefined) {
      claim(customerIds, customerId, stringOf(customer, 'name') ?? customerId, (owner) =>
        report([...customerPath, 'id'], `customer id "${customerId}" is already used by customer "${owner}"`),
      );
    }

    const siteIds = new Map<string, string>();
    for (const [si, site] of itemsOf(customer, 'sites')) {
      const siteId = stringOf(site, 'id') ?? `sites[${si}]`;
      const sitePath = [...customerPath, 'sites', si];
      if (stringOf(site, 'id') !== undefined) {
        claim(siteIds, siteId, stringOf(site, 'name') ?? siteId, (owner) =>
          report([...sitePath, 'id'], `site id "${siteId}" is already used by site "${owner}" of this customer`),
        );
      }

      for (const [ni, node] of itemsOf(site, 'nodes')) {
        const nodePath = [...sitePath, 'nodes', ni];
        const nodeId = stringOf(node, 'id');
        const owner = nodeId ?? `${customerId}/${siteId}/nodes[${ni}]`;
        const at: Report = (path, message) => report([...nodePath, ...path], message);
        const usedBy = (what: string, first: string) => (first === owner ? `${what} is listed twice on this node` : `${what} is already used by node "${first}"`);

        if (nodeId !== undefined) {
          claim(nodeIds, nodeId, `customer "${customerId}", site "${siteId}"`, (where) => at(['id'], `node id "${nodeId}" is already used by a node of ${where}`));
        }
        for (const [ai, address] of stringsOf(node, 'addresses')) {
          if (isIP(address) === 0) continue; // the schema reports it
          const normalised = normaliseAddress(address);
          const shown = normalised === address ? address : `${address} (${normalised})`;
          claim(addresses, normalised, owner, (first) => at(['addresses', ai], usedBy(`address ${shown}`, first)));
        }
        for (const [hi, hostname] of stringsOf(node, 'hostnames')) {
          claim(hostnames, normaliseHostname(hostname), owner, (first) => at(['hostnames', hi], usedBy(`hostname "${hostname}"`, first)));
        }
        const deviceId = stringOf(node, 'deviceId');
        if (deviceId !== undefined) claim(deviceIds, deviceId, owner, (first) => at(['deviceId'], usedBy(`deviceId "${deviceId}"`, first)));

        checkHardware(node, at);
      }
    }
  }
  checkResilience(fleet, report);
}
