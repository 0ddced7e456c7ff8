import { SNMP_TRAP_ADDRESS } from '../../mibs/standard-oids.js';
import type { FleetIndex } from '../../src/fleet/fleet-index.js';
import type { NodeConfig } from '../../src/fleet/node-schema.js';
import { normaliseAddress } from '../../src/fleet/normalise-address.js';
import type { SnmpConfig } from './config.js';
import type { ReceivedPdu } from './received-pdu.js';

export interface AgentIdentity {
  address: string;
  via: 'snmpTrapAddress' | 'v1-agent-addr' | 'udp-source';
}

/**
 * Who sent the notification: snmpTrapAddress.0 when the sender (a proxy, or
 * a device behind NAT) put it in (RFC 3584 §3.1), else the v1 agent-addr,
 * else the UDP source. 0.0.0.0 counts as absent. Pure.
 */
export function agentIdentity(pdu: ReceivedPdu, udpSource: string): AgentIdentity {
  const trapAddress = pdu.varbinds.find((vb) => vb.oid === SNMP_TRAP_ADDRESS)?.value;
  if (typeof trapAddress === 'string' && isUsable(trapAddress)) return { address: trapAddress, via: 'snmpTrapAddress' };
  if (pdu.v1 && isUsable(pdu.v1.agentAddr)) return { address: pdu.v1.agentAddr, via: 'v1-agent-addr' };
  return { address: normaliseAddress(udpSource), via: 'udp-source' };
}

export const ACCESS_REFUSAL_REASONS = ['community-not-allowed', 'user-not-allowed', 'engine-id-not-allowed'] as const;
export type AccessRefusalReason = (typeof ACCESS_REFUSAL_REASONS)[number];

export interface ResolvedSender {
  nodeId: string;
  node: NodeConfig;
  /** How the node was found: by one of its addresses, its device id or its v3 engine id. */
  by: 'address' | 'device-id' | 'engine-id';
}

/**
 * Per-node identity and allowlists. A node with its own `snmp.communities`
 * or `snmp.users` accepts only those; any other sender (a node without a
 * list, or a sender not in the fleet) only the collector's global
 * `communities` and any configured user. A node's `snmp.engineId` must be the
 * engine of its v3 traps.
 */
export class SnmpAccess {
  private readonly byEngineId = new Map<string, { nodeId: string; node: NodeConfig }>();
  private readonly globalCommunities: ReadonlySet<string>;

  constructor(
    private readonly fleet: FleetIndex | undefined,
    config: Pick<SnmpConfig, 'communities'>,
  ) {
    this.globalCommunities = new Set(config.communities);
    for (const { node } of fleet?.nodes() ?? []) {
      if (node.snmp?.engineId && !this.byEngineId.has(node.snmp.engineId)) this.byEngineId.set(node.snmp.engineId, { nodeId: node.id, node });
    }
  }

  /** Every community the codec must know: the global ones and every node's. */
  allCommunities(): string[] {
    const all = new Set(this.globalCommunities);
    for (const { node } of this.fleet?.nodes() ?? []) for (const community of node.snmp?.communities ?? []) all.add(community);
    return [...all];
  }

  /** By address, then device id (ipoGTEventDevID), then v3 engine id; null when the sender is not in the fleet. */
  resolve(address: string, deviceId: string | null, engineId: string | null): ResolvedSender | null {
    const found = this.fleet?.resolve({ sourceAddress: address, ...(deviceId && { deviceId }) });
    if (found) {
      const byAddress = found.node.addresses.some((a) => normaliseAddress(a) === normaliseAddress(address));
      return { nodeId: found.nodeId, node: found.node, by: byAddress ? 'address' : 'device-id' };
    }
    const byEngine = engineId ? this.byEngineId.get(engineId) : undefined;
    return byEngine ? { ...byEngine, by: 'engine-id' } : null;
  }

  check(pdu: ReceivedPdu, node: NodeConfig | null): { ok: true } | { ok: false; reason: AccessRefusalReason; detail: string } {
    const own = node?.snmp;
    const who = node ? `node ${node.id}` : 'a sender outside the fleet';
    if (pdu.community !== undefined) {
      const allowed = own?.communities ? own.communities.includes(pdu.community) : this.globalCommunities.has(pdu.community);
      if (!allowed) return { ok: false, reason: 'community-not-allowed', detail: `the community is not one ${who} may use` };
    }
    if (pdu.user !== undefined && own?.users && !own.users.includes(pdu.user)) {
      return { ok: false, reason: 'user-not-allowed', detail: `v3 user "${pdu.user}" is not one ${who} may use` };
    }
    // For a v3 trap the sender is the authoritative engine; for an inform it is us, so only traps are checked.
    if (pdu.version === 'v3' && pdu.kind === 'trap' && own?.engineId && pdu.securityEngineId !== own.engineId) {
      return { ok: false, reason: 'engine-id-not-allowed', detail: `engine id ${pdu.securityEngineId ?? '(none)'} is not ${node!.id}'s ${own.engineId}` };
    }
    return { ok: true };
  }
}

function isUsable(address: string): boolean {
  return address !== '' && address !== '0.0.0.0' && address !== '::';
}
