import type { FleetIndex } from '../../src/fleet/fleet-index.js';
import type { NodeLookup } from './resolve-snapshot.js';
import { DEFAULT_SSA_DATE_FORMAT } from './ssa-date.js';

/** A node's site time zone and SSA date format, from the fleet. */
export function fleetLookup(fleet: FleetIndex): NodeLookup {
  return (nodeId) => {
    const row = fleet.node(nodeId);
    return row ? { timeZone: row.site.timeZone, dateFormat: row.node.ssa?.dateFormat ?? DEFAULT_SSA_DATE_FORMAT } : null;
  };
}
