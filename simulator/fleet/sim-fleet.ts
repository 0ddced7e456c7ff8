import type { CardConfig, ModuleConfig } from '../../src/fleet/hardware-schema.js';
import type { NodeResilience } from '../../src/fleet/node-resilience-schema.js';
import type { LicenceSource, NodeRole, Platform } from '../../src/fleet/node-schema.js';

/** What the generator is asked for. */
export interface FleetSizes {
  customers: number;
  sitesPerCustomer: number;
  /** Server Edition solutions, each a Primary, a Secondary and `expansionsPerSolution` IP500 V2 Expansions. */
  seSolutions: number;
  expansionsPerSolution: number;
  /** Stand-alone IP500 V2 systems (spread over the customers' sites; SCN members when a customer has several). */
  ip500v2Systems: number;
  /** Phones (users) on each node that hosts phones (every node but Application Servers). */
  phonesPerNode: number;
  /** Software release every node reports, e.g. "11.1.3.0 build 23"; "9.1.x" makes IPOFFICE-77721 apply. */
  version: string;
}

export interface SimPhone {
  extension: string;
  user: string;
  /** The address the phone sends RTCP from: inside its node's phone block. */
  address: string;
}

/** One simulated IP Office: everything the stack's fleet entry says, plus what the senders need. */
export interface SimNode {
  index: number;
  id: string;
  name: string;
  role: NodeRole;
  platform: Platform;
  version: string;
  licenceSource: LicenceSource;
  customerId: string;
  siteId: string;
  /** Its only address: a loopback address of its own, which the senders bind to (127.1.x.y). */
  address: string;
  hostname: string;
  /** IPO-MIB ipoGTEventDevID, 10 characters. */
  deviceId: string;
  /** The /24 its phones send RTCP from (127.16.x.y/24), mapped to it by collectors.rtcp.sources. */
  phonePrefix: string;
  phones: SimPhone[];
  cards: CardConfig[];
  modules: ModuleConfig[];
  resilience?: NodeResilience;
  /** The Server Edition solution it belongs to (its Primary's id), or null. */
  solution: string | null;
  /** The stack polls it (Server Edition nodes): the simulator runs an SNMP agent on its address. */
  polled: boolean;
}

export interface SimSite {
  id: string;
  name: string;
  timeZone: string;
  nodes: SimNode[];
}

export interface SimCustomer {
  id: string;
  name: string;
  sites: SimSite[];
}

export interface SimFleet {
  seed: number;
  sizes: FleetSizes;
  customers: SimCustomer[];
  /** Every node, in generation order (index = position). */
  nodes: SimNode[];
}

/** Phones of every node of the fleet. */
export function phoneCount(fleet: SimFleet): number {
  return fleet.nodes.reduce((n, node) => n + node.phones.length, 0);
}

/** Node ids of one Server Edition solution. */
export function solutionOf(fleet: SimFleet, primaryId: string): { primary: SimNode; secondary: SimNode | undefined; expansions: SimNode[] } {
  const members = fleet.nodes.filter((node) => node.solution === primaryId);
  return {
    primary: members.find((node) => node.role === 'primary')!,
    secondary: members.find((node) => node.role === 'secondary'),
    expansions: members.filter((node) => node.role === 'expansion'),
  };
}
