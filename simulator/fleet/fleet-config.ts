import { stringify } from 'yaml';
import { phoneCount, type SimFleet, type SimNode } from './sim-fleet.js';

/**
 * The `fleet:` section the stack needs for a simulated fleet (src/fleet/fleet-schema.ts), and the RTCP source map
 * that ties each node's phone block to it (collectors.rtcp.sources: phones send RTCP from their own addresses).
 */
/** How the stack polls the simulated Server Edition nodes (each answers on its own address, `port`). */
export interface PollSettings {
  port: number;
  intervalSeconds: number;
  missedPollsForUnreachable: number;
  community: string;
}

export const DEFAULT_POLL: PollSettings = { port: 16161, intervalSeconds: 10, missedPollsForUnreachable: 3, community: 'public' };

export function fleetSection(fleet: SimFleet, poll: PollSettings | null = DEFAULT_POLL): { customers: unknown[] } {
  return {
    customers: fleet.customers.map((customer) => ({
      id: customer.id,
      name: customer.name,
      sites: customer.sites.map((site) => ({ id: site.id, name: site.name, timeZone: site.timeZone, nodes: site.nodes.map((node) => nodeEntry(node, poll)) })),
    })),
  };
}

export function rtcpSources(fleet: SimFleet): Array<{ prefix: string; node: string }> {
  return fleet.nodes.filter((node) => node.phones.length > 0).map((node) => ({ prefix: node.phonePrefix, node: node.id }));
}

/** What `simulate --write-fleet FILE` writes: merge into a configuration file (the demo does it for you). */
export function fleetYaml(fleet: SimFleet): string {
  const header = `# Simulated fleet: seed ${fleet.seed}, ${fleet.nodes.length} systems, ${phoneCount(fleet)} phones.\n`;
  return header + stringify({ fleet: fleetSection(fleet), collectors: { rtcp: { sources: rtcpSources(fleet) } } });
}

function nodeEntry(node: SimNode, poll: PollSettings | null): Record<string, unknown> {
  return {
    id: node.id,
    name: node.name,
    role: node.role,
    platform: node.platform,
    version: node.version,
    licenceSource: node.licenceSource,
    addresses: [node.address],
    hostnames: [node.hostname],
    deviceId: node.deviceId,
    ...(node.cards.length > 0 && { cards: node.cards }),
    ...(node.modules.length > 0 && { modules: node.modules }),
    ...(node.resilience && { resilience: node.resilience }),
    ...(node.polled && poll && { snmp: { poll: { port: poll.port, intervalSeconds: poll.intervalSeconds, missedPollsForUnreachable: poll.missedPollsForUnreachable, community: poll.community } } }),
  };
}
