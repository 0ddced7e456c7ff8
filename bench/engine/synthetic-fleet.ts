import type { FleetConfig } from '../../src/fleet/fleet-schema.js';

/** A fleet of `nodes` nodes: 100 customers, one site each, addresses 10.x.y.z. */
export function syntheticFleet(nodes: number): FleetConfig {
  const customers: FleetConfig['customers'] = [];
  const perCustomer = Math.ceil(nodes / 100);
  for (let c = 0; c < 100 && c * perCustomer < nodes; c += 1) {
    const siteNodes = [];
    for (let n = 0; n < perCustomer && c * perCustomer + n < nodes; n += 1) {
      const index = c * perCustomer + n;
      siteNodes.push({
        id: `node-${index}`,
        name: `Node ${index}`,
        role: index % 10 === 0 ? ('primary' as const) : ('ip500v2' as const),
        addresses: [nodeAddress(index)],
        licenceSource: 'nodal' as const,
      });
    }
    customers.push({ id: `customer-${c}`, name: `Customer ${c}`, sites: [{ id: `site-${c}`, name: `Site ${c}`, timeZone: 'UTC', nodes: siteNodes }] });
  }
  return { customers };
}

export function nodeAddress(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}
