import type { Stage } from '../decision.js';

/**
 * Resolves the event's node against the fleet (address, then device id, then
 * host name). An unknown source keeps nodeId null and is flagged, never dropped.
 */
export const normaliseStage: Stage = (decision, ctx) => {
  const { event } = decision;
  if (event.nodeId) return decision;
  const deviceId = typeof event.attributes['deviceId'] === 'string' ? event.attributes['deviceId'] : undefined;
  const resolved = ctx.fleet.resolve({ sourceAddress: event.sourceAddress, hostname: event.hostname, deviceId });
  if (resolved) return { ...decision, event: { ...event, nodeId: resolved.nodeId } };
  return { ...decision, event: { ...event, attributes: { ...event.attributes, unknownSource: true } } };
};
