import { CodedError } from '../errors.js';
import type { LicenceEngine } from './engine.js';
import type { LicenceState, LicenceTransition } from './state.js';

/**
 * A person records the mode a node is in (e.g. a partner: "this node runs on subscription"). The mode may belong
 * to another licence source than the fleet file says; the node then follows that source until the fleet file's
 * licenceSource changes. The same mode again changes nothing but, if given, the days of grace left.
 */
export function assertion(
  engine: LicenceEngine,
  nodeId: string,
  modeName: string,
  by: { user: string; note: string | null; graceDaysRemaining?: number | undefined },
): { state: LicenceState; transition: LicenceTransition | null } {
  const node = engine.fleet.node(nodeId)?.node;
  if (!node) throw new CodedError('IPO_ERR_NOT_FOUND', `node ${nodeId} is not in the fleet inventory`);
  const mode = engine.catalogue.modeNamed(modeName);
  const known = () => engine.catalogue.catalogue.modes.map((candidate) => `${candidate.id} ("${candidate.name}")`).join(', ');
  if (!mode) throw new CodedError('IPO_ERR_BAD_REQUEST', `mode: no licence mode "${modeName}"; give one of ${known()}`);
  const state = engine.get(nodeId, mode.track);
  if (!state) throw new CodedError('IPO_ERR_BAD_REQUEST', `mode: "${mode.name}" is on the ${mode.track} track, which does not apply to node ${nodeId} (role ${node.role})`);
  const days = by.graceDaysRemaining;
  if (days !== undefined) {
    if (!mode.grace) throw new CodedError('IPO_ERR_BAD_REQUEST', `graceDaysRemaining: "${mode.name}" has no grace period`);
    if (mode.grace.days !== null && days > mode.grace.days) throw new CodedError('IPO_ERR_BAD_REQUEST', `graceDaysRemaining: the grace of "${mode.name}" lasts ${mode.grace.days} days; got ${days}`);
  }
  const now = engine.now();
  if (mode.id === state.mode) {
    return { state: days !== undefined ? engine.adjustGrace(node, state, days, now) : state, transition: null };
  }
  const licenceSource = mode.licenceSources && !mode.licenceSources.includes(state.licenceSource) ? mode.licenceSources[0] : undefined;
  const result = engine.changeMode(node, state, {
    to: mode,
    at: now,
    cause: 'assertion',
    eventIds: [],
    user: by.user,
    note: by.note,
    graceDaysRemaining: days,
    ...(licenceSource && { licenceSource }),
  });
  return { state: result.state, transition: result.transition };
}
