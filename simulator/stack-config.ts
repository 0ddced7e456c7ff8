import { join } from 'node:path';
import { scaledResiliency } from './resiliency-scale.js';
import { v3UserConfig, type SimV3User } from './wire/snmp-v3-user.js';
import { DEFAULT_POLL, fleetSection, rtcpSources, type PollSettings } from './fleet/fleet-config.js';
import type { SimFleet } from './fleet/sim-fleet.js';

export interface SimStackOptions {
  dataDir: string;
  httpPort: number;
  /** 0 lets the OS pick (tests). */
  ports: { syslog: number; syslogTcp: number; snmp: number; rtcp: number };
  ssaToken: string;
  /** Where the email notifier writes .eml files (transport: folder). */
  outboxFolder?: string;
  groupWaitSeconds?: number;
  /** How often a group that already sent is sent again (its resolutions); default 60 s. */
  groupIntervalSeconds?: number;
  licenceCheckIntervalSeconds?: number;
  logLevel?: string;
  /** Polling of the Server Edition nodes (the simulator's agents answer); default every 10 s, 3 misses. */
  poll?: Partial<PollSettings>;
  /** Divides the resiliency engine's waits (failover 3 min, failback 10 min, …); 1 or absent: IP Office's own. */
  resiliencyTimeScale?: number;
  /** The SNMPv3 user the simulated systems' v3 traps come from (collectors.snmp.users). */
  v3User?: SimV3User;
  /** Syslog over TLS (RFC 5425) on `port` with this certificate and key (PEM files); absent: no TLS listener. */
  syslogTls?: { port: number; certFile: string; keyFile: string };
}

/** The SNMP community the simulator sends with. */
export const SIM_COMMUNITY = 'public';

/**
 * A complete configuration for a stack that takes a simulated fleet's traffic: every listener on 127.0.0.1,
 * SNMP, SSA (with a token) and RTCP turned on, the fleet and its phones' RTCP source blocks, and email to a folder
 * with a short group wait so the first mail lands within a minute. With `resiliencyTimeScale` the resiliency
 * engine's waits and the polling are scaled down, so a run shows a whole failover and failback.
 */
export function simStackConfig(fleet: SimFleet, options: SimStackOptions): Record<string, unknown> {
  const loopback = '127.0.0.1';
  const scale = options.resiliencyTimeScale ?? 1;
  // Scaled waits need a node's loss seen within seconds: poll every second or so, unreachable after 2 misses.
  const scaledPoll = scale > 1 ? { intervalSeconds: Math.max(1, Math.round(DEFAULT_POLL.intervalSeconds / scale)), missedPollsForUnreachable: 2 } : {};
  return {
    server: { http: { listenAddress: loopback, port: options.httpPort }, publicUrl: `http://${loopback}:${options.httpPort || 8080}` },
    storage: { dataDir: options.dataDir },
    log: { level: options.logLevel ?? 'info' },
    licence: { checkIntervalSeconds: options.licenceCheckIntervalSeconds ?? 60 },
    collectors: {
      syslog: {
        udp: { listenAddress: loopback, port: options.ports.syslog },
        tcp: { enabled: true, listenAddress: loopback, port: options.ports.syslogTcp },
        ...(options.syslogTls && { tls: { enabled: true, listenAddress: loopback, ...options.syslogTls } }),
      },
      snmp: { enabled: true, traps: { listenAddress: loopback, port: options.ports.snmp }, communities: [SIM_COMMUNITY], ...(options.v3User && { users: [v3UserConfig(options.v3User)] }), polling: { enabled: true, timeoutMs: 1000, retries: 0 } },
      ssa: { enabled: true, tokens: [options.ssaToken] },
      rtcp: { enabled: true, listenAddress: loopback, port: options.ports.rtcp, sources: rtcpSources(fleet), thresholds: { graceSeconds: 0 } },
    },
    notifiers: {
      email: {
        enabled: true,
        transport: { kind: 'folder' },
        outboxFolder: options.outboxFolder ?? join(options.dataDir, 'outbox'),
        groupWaitSeconds: options.groupWaitSeconds ?? 10,
        groupIntervalSeconds: options.groupIntervalSeconds ?? 60,
      },
    },
    ...(scale !== 1 && { resiliency: scaledResiliency(scale) }),
    fleet: fleetSection(fleet, { ...DEFAULT_POLL, ...scaledPoll, community: SIM_COMMUNITY, ...options.poll }),
  };
}
