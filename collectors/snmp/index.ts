import { loadMibFolder } from '../../mibs/mib-folder.js';
import { createSourceRateLimiter } from '../shared/source-rate-limit.js';
import { createKeyCacheBound } from './key-cache-bound.js';
import { builtInOidNames, type OidNames } from '../../mibs/oid-names.js';
import { CodedError } from '../../src/errors.js';
import type { FleetEvent } from '../../src/events/fleet-event.js';
import type { FleetIndex } from '../../src/fleet/fleet-index.js';
import type { Collector, CollectorContext, CollectorFactory, Endpoint } from '../types.js';
import { SnmpAccess } from './access.js';
import { AddressWatch } from './address-watch.js';
import { createSnmpCodec } from './codec.js';
import { snmpConfigSchema, type SnmpConfig } from './config.js';
import type { NodeInventory } from './inventory.js';
import { createUdpListener, type UdpListener } from '../shared/udp-listener.js';
import { openPollSession, type PollSession, type PollTarget } from './poll-session.js';
import { Poller, type PollPlan } from './poller.js';
import { createTrapHandler } from './trap-handler.js';

/** The SNMP collector with what it learns by polling. */
export interface SnmpCollector extends Collector {
  /** The last inventory polled from a node (entities, phones), or null. */
  inventory(nodeId: string): NodeInventory | null;
  /** Polls a node now (tests, an API "refresh"); resolves when done. */
  pollNow(nodeId: string): Promise<void>;
  /** Our SNMP engine id (hex), the one v3 informs are sent to. */
  engineId(): string;
}

/** SNMP collector: v1/v2c/v3 traps and informs, IP Office MIBs, and polling of nodes (README.md). */
/** Kernel receive buffer asked for: trap bursts arrive faster than one event-loop turn. */
const TRAP_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

export const snmpCollector: CollectorFactory<SnmpConfig> = {
  type: 'snmp',
  configSchema: snmpConfigSchema,
  create: (config, ctx) => createSnmpCollector(config, ctx),
};

export function createSnmpCollector(config: SnmpConfig, ctx: CollectorContext, deps: { openSession?: (target: PollTarget) => PollSession } = {}): SnmpCollector {
  const access = new SnmpAccess(ctx.fleet, config);
  const codec = createSnmpCodec({ communities: access.allCommunities(), users: config.users, engineId: config.engineId });
  let names: OidNames = builtInOidNames();
  const poller = new Poller(config.polling.enabled ? pollPlans(config, ctx.fleet) : [], ctx, deps.openSession ?? openPollSession);
  const rateLimiter = createSourceRateLimiter(config.rateLimit, { collector: 'snmp', source: 'snmp', clock: ctx.clock, emit: (event) => void ctx.emit(event) });
  const handle = createTrapHandler(
    { codec, access, addressWatch: new AddressWatch(), names: () => names, enrich: (event) => withPhone(event, poller), rateLimiter, boundKeyCache: createKeyCacheBound() },
    ctx,
  );
  let udp: UdpListener | null = null;
  let started = false;

  return {
    async start() {
      if (started) return;
      checkUsers(config, ctx.fleet);
      if (config.mibFolder) names = loadNames(config.mibFolder, ctx);
      if (config.traps.enabled) {
        const listener = createUdpListener({ collector: 'snmp', receiveBufferBytes: TRAP_RECEIVE_BUFFER_BYTES, ...config.traps }, handle, (error) => ctx.log.error({ err: error }, 'snmp: UDP socket error'));
        await listener.start();
        udp = listener;
      }
      started = true;
      rateLimiter.start();
      poller.start();
    },
    async stop() {
      started = false;
      const listener = udp;
      udp = null;
      rateLimiter.stop();
      await poller.stop();
      await listener?.close();
    },
    endpoints(): Endpoint[] {
      const bound = udp?.bound();
      return bound ? [{ transport: 'udp', address: bound.address, port: bound.port }] : [];
    },
    inventory: (nodeId) => poller.inventory(nodeId),
    pollNow: (nodeId) => poller.pollNow(nodeId),
    engineId: () => codec.engineId(),
  };
}

/** A plan per node with `snmp.poll` enabled; the v3 user's keys come from collectors.snmp.users. */
function pollPlans(config: SnmpConfig, fleet: FleetIndex | undefined): PollPlan[] {
  return (fleet?.nodes() ?? []).flatMap(({ node }) => {
    const poll = node.snmp?.poll;
    if (!poll?.enabled) return [];
    const address = poll.address ?? node.addresses[0]!;
    return [{
      nodeId: node.id,
      name: node.name,
      address,
      missedPollsForUnreachable: poll.missedPollsForUnreachable,
      intervalSeconds: poll.intervalSeconds,
      target: {
        address,
        port: poll.port,
        version: poll.version,
        community: poll.community,
        user: config.users.find((user) => user.name === poll.user),
        timeoutMs: config.polling.timeoutMs,
        retries: config.polling.retries,
      },
    }];
  });
}

/** Every v3 user a node names must be one of collectors.snmp.users. */
function checkUsers(config: SnmpConfig, fleet: FleetIndex | undefined): void {
  const known = new Set(config.users.map((user) => user.name));
  const problems = (fleet?.nodes() ?? []).flatMap(({ node }) =>
    [...(node.snmp?.users ?? []), ...(node.snmp?.poll?.user ? [node.snmp.poll.user] : [])]
      .filter((name) => !known.has(name))
      .map((name) => `node ${node.id}: v3 user "${name}" is not defined under collectors.snmp.users`),
  );
  if (problems.length > 0) throw new CodedError('IPO_ERR_CONFIG_INVALID', problems.join('\n'));
}

function loadNames(folder: string, ctx: CollectorContext): OidNames {
  const names = builtInOidNames();
  try {
    const loaded = loadMibFolder(folder);
    for (const [oid, name] of loaded.names) names.add(oid, name);
    ctx.log.info({ folder, modules: loaded.modules.length, failed: loaded.failed.length }, 'snmp: MIB folder loaded');
    for (const failure of loaded.failed) ctx.log.warn({ folder, ...failure }, 'snmp: a MIB file could not be loaded (is a module it imports missing from the folder?)');
  } catch (error) {
    ctx.log.warn({ folder, err: error }, 'snmp: the MIB folder could not be read; OIDs are named from the built-in IP Office MIBs only');
  }
  return names;
}

/** A QoS event for an extension gets the phone polled behind it: user, type and address. */
function withPhone(event: FleetEvent, poller: Poller): FleetEvent {
  const extension = event.attributes['extension'];
  if (event.code !== 'snmp.ipo.qos' || !event.nodeId || (typeof extension !== 'number' && typeof extension !== 'string')) return event;
  const phone = poller.phone(event.nodeId, String(extension));
  if (!phone) return event;
  return {
    ...event,
    attributes: { ...event.attributes, phoneUser: phone.userLong ?? phone.userShort, phoneType: phone.type, phoneIpAddress: phone.ipAddress, phoneMacAddress: phone.macAddress },
  };
}
