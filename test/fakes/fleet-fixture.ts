import { fleetSchema } from '../../src/fleet/fleet-schema.js';
import { FleetIndex } from '../../src/fleet/fleet-index.js';

/** One customer, one site, a Primary at 10.0.0.10: enough fleet for unit tests. */
export function smallFleet(): FleetIndex {
  return new FleetIndex(
    fleetSchema.parse({
      customers: [
        {
          id: 'acme',
          name: 'Acme Dental',
          sites: [{ id: 'hq', name: 'HQ', timeZone: 'Europe/London', nodes: [{ id: 'hq-primary', name: 'HQ Primary', role: 'primary', addresses: ['10.0.0.10'] }] }],
        },
      ],
    }),
  );
}
