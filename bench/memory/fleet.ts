import type { FleetConfig } from '../../src/fleet/fleet-schema.js';
import { syntheticFleet } from '../engine/synthetic-fleet.js';

/** Node i's hostname: the alarm lines come from 127.0.0.1, so the syslog hostname names the node. */
export const memoryBenchHost = (i: number) => `bench-node-${i}`;

/** The engine benchmark's fleet (100 customers, node-<i> at 10.x.y.z), each node also known by its hostname. */
export function hostnamedFleet(nodes: number): FleetConfig {
  const fleet = syntheticFleet(nodes);
  return {
    customers: fleet.customers.map((customer) => ({
      ...customer,
      sites: customer.sites.map((site) => ({ ...site, nodes: site.nodes.map((node) => ({ ...node, hostnames: [memoryBenchHost(Number(node.id.slice('node-'.length)))] })) })),
    })),
  };
}

/**
 * Alarm i of `nodes × trunksPerNode`: node i mod nodes, trunk ⌊i / nodes⌋ + 1,
 * so consecutive alarms go to different nodes, as a fleet's would.
 */
export function alarmOf(i: number, nodes: number): { node: number; trunk: number } {
  return { node: i % nodes, trunk: Math.floor(i / nodes) + 1 };
}

/** The inverse of alarmOf, from an open alarm's node id ("node-17") and trunk; null for anything else. */
export function indexOf(nodeId: string | null, trunk: number | null, nodes: number): number | null {
  const node = nodeId?.startsWith('node-') ? Number(nodeId.slice('node-'.length)) : Number.NaN;
  if (!Number.isInteger(node) || node < 0 || node >= nodes || trunk === null || trunk < 1) return null;
  return (trunk - 1) * nodes + node;
}

/** Alarms of [0, total) not among `present`, in order: what a seeding round must send again. */
export function missingAlarms(total: number, present: Iterable<number>): number[] {
  const seen = new Uint8Array(total);
  for (const i of present) if (i >= 0 && i < total) seen[i] = 1;
  const missing: number[] = [];
  for (let i = 0; i < total; i++) if (!seen[i]) missing.push(i);
  return missing;
}
