import type { FleetIndex } from '../../fleet/fleet-index.js';
import { UNKNOWN_TAG_VALUE } from './schema.js';

export interface FleetTags {
  customer: string;
  site: string;
  node: string;
}

/** customer/site/node tags of a node id; "unknown" for senders outside the fleet, so "All" filters still match them. */
export function fleetTags(fleet: FleetIndex, nodeId: string | null): FleetTags {
  const row = nodeId === null ? undefined : fleet.node(nodeId);
  if (!row) return { customer: UNKNOWN_TAG_VALUE, site: UNKNOWN_TAG_VALUE, node: nodeId ?? UNKNOWN_TAG_VALUE };
  return { customer: row.customer.id, site: row.site.id, node: row.node.id };
}
