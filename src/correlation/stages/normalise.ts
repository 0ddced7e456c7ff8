import type { Stage } from '../decision.js';

/**
 * Resolves the event's node against the fleet (address, then device id, then
 * host name) and gathers the facts rules may test. An unknown source keeps
 * nodeId null and is flagged, never dropped.
 */
export const normaliseStage: Stage = (decision, ctx) => {
  const { event } = decision;
  const deviceId = typeof event.attributes['deviceId'] === 'string' ? event.attributes['deviceId'] : undefined;
  const resolved = event.nodeId
    ? ctx.fleet.node(event.nodeId)?.node
    : ctx.fleet.resolve({ sourceAddress: event.sourceAddress, hostname: event.hostname, deviceId })?.node;
  if (!resolved) {
    return { ...decision, node: null, event: { ...event, nodeId: null, attributes: { ...event.attributes, unknownSource: true } } };
  }
  const node = { nodeId: resolved.id, role: resolved.role, platform: resolved.platform, version: resolved.version, licenceSource: resolved.licenceSource };
  return { ...decision, node, event: { ...event, nodeId: resolved.id } };
};
