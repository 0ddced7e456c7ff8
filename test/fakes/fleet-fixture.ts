import { fleetSchema } from '../../src/fleet/fleet-schema.js';
import { FleetIndex } from '../../src/fleet/fleet-index.js';

/** A FleetIndex over a fleet written as in config.yaml: parsed by the real schema, so its defaults apply. */
export function fleetIndexOf(fleet: unknown): FleetIndex {
  return new FleetIndex(fleetSchema.parse(fleet));
}

/** One customer, one site, a Primary at 10.0.0.10: enough fleet for unit tests. */
export function smallFleet(): FleetIndex {
  return fleetIndexOf({
    customers: [
      {
        id: 'acme',
        name: 'Acme Dental',
        sites: [{ id: 'hq', name: 'HQ', timeZone: 'Europe/London', nodes: [{ id: 'hq-primary', name: 'HQ Primary', role: 'primary', addresses: ['10.0.0.10'] }] }],
      },
    ],
  });
}
