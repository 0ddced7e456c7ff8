import { fleetSchema } from '../../src/fleet/fleet-schema.js';
import { FleetIndex } from '../../src/fleet/fleet-index.js';

/** A FleetIndex over a fleet written as in config.yaml: parsed by the real schema, so its defaults apply. */
export function fleetIndexOf(fleet: unknown): FleetIndex {
  return new FleetIndex(fleetSchema.parse(fleet));
}

/**
 * The customer most tests use: Acme Dental, its site "hq" (HQ, Europe/London) with `hqNodes`, then `otherSites`.
 * Nodes and sites are written as in config.yaml.
 */
export function acmeFleet(hqNodes: unknown[], otherSites: unknown[] = []): FleetIndex {
  return fleetIndexOf({
    customers: [{ id: 'acme', name: 'Acme Dental', sites: [{ id: 'hq', name: 'HQ', timeZone: 'Europe/London', nodes: hqNodes }, ...otherSites] }],
  });
}

/** One customer, one site, a Primary at 10.0.0.10: enough fleet for unit tests. */
export function smallFleet(): FleetIndex {
  return acmeFleet([{ id: 'hq-primary', name: 'HQ Primary', role: 'primary', addresses: ['10.0.0.10'] }]);
}
