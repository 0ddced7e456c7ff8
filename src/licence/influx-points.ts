import type { FleetIndex } from '../fleet/fleet-index.js';
import { fleetTags } from '../sinks/influxdb/fleet-tags.js';
import type { PointInput } from '../sinks/influxdb/line-protocol.js';
import type { CompiledLicenceCatalogue } from './catalogue.js';
import { daysRemaining } from './escalation.js';
import { LICENCE_TRACK } from './engine.js';
import type { LicenceState } from './state.js';

/**
 * ipo_licence points (src/sinks/influxdb/schema.ts) for the licence track of each state: the mode, the days of
 * grace left (absent outside a grace or in one of unknown length) and `licensed`: fully licensed — the mode's
 * features work on real licences (not in a grace) and no licence alarm is active — what the licences dashboard's
 * "not fully licensed" counts. Pure.
 */
export function licencePoints(states: readonly LicenceState[], fleet: FleetIndex, catalogue: CompiledLicenceCatalogue, at: number): Array<PointInput<'licence'>> {
  return states
    .filter((state) => state.track === LICENCE_TRACK && fleet.node(state.nodeId) !== undefined)
    .map((state) => ({
      at,
      tags: { ...fleetTags(fleet, state.nodeId), licence_source: state.licenceSource },
      fields: {
        mode: state.mode,
        days_remaining: state.graceExpiresAt !== null ? daysRemaining(state.graceExpiresAt, at) : null,
        licensed: fullyLicensed(catalogue, state),
      },
    }));
}

function fullyLicensed(catalogue: CompiledLicenceCatalogue, state: LicenceState): boolean | null {
  const mode = catalogue.mode(state.mode);
  return mode ? mode.licensed && mode.grace === undefined && state.shortages.length === 0 : null;
}
