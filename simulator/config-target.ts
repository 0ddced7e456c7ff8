import type { Config } from '../src/config/schema.js';
import { CodedError } from '../src/errors.js';
import type { SimFleet } from './fleet/sim-fleet.js';
import { hostForUrl, type SimTarget } from './target.js';
import type { SimV3User } from './wire/snmp-v3-user.js';

/**
 * Where a stack configured by `config` listens, for `simulate --config FILE`: each enabled listener's port (an
 * any-address listener is reached on 127.0.0.1), the HTTP API, the first SSA token (or the one in tokenEnv) and
 * the first SNMP community and authPriv v3 user. Secrets stay in memory.
 */
export function targetFromConfig(config: Config): SimTarget {
  const c = config.collectors;
  const host = (address: string) => (address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address);
  const httpHost = host(config.server.http.listenAddress);
  const tokenFromEnv = c.ssa.tokenEnv ? (process.env[c.ssa.tokenEnv] ?? null) : null;
  return {
    host: host(c.syslog.udp.listenAddress),
    syslogUdpPort: c.syslog.enabled && c.syslog.udp.enabled ? c.syslog.udp.port : null,
    syslogTcpPort: c.syslog.enabled && c.syslog.tcp.enabled ? c.syslog.tcp.port : null,
    syslogTlsPort: c.syslog.enabled && c.syslog.tls.enabled ? c.syslog.tls.port : null,
    // A self-signed certificate is its own trust anchor; one signed by a CA needs simulate --tls-ca.
    tlsCaFile: c.syslog.tls.enabled ? c.syslog.tls.certFile : null,
    snmpPort: c.snmp.enabled && c.snmp.traps.enabled ? c.snmp.traps.port : null,
    rtcpPort: c.rtcp.enabled ? c.rtcp.port : null,
    httpUrl: `http://${hostForUrl(httpHost)}:${config.server.http.port}`,
    ssaToken: c.ssa.enabled ? (c.ssa.tokens[0] ?? tokenFromEnv) : null,
    community: c.snmp.communities[0] ?? 'public',
    v3User: v3UserOf(c.snmp.users),
  };
}

/** The first authPriv user with both keys: the one v3 traps are sent as. */
function v3UserOf(users: Config['collectors']['snmp']['users']): SimV3User | null {
  const user = users.find((u) => u.level === 'authPriv' && u.authKey && u.privKey);
  return user ? { name: user.name, authProtocol: user.authProtocol, authKey: user.authKey!, privProtocol: user.privProtocol, privKey: user.privKey! } : null;
}

/** The port the stack polls the simulated systems on (their snmp.poll.port), or null when it polls none. */
export function agentPortFromConfig(config: Config): number | null {
  for (const customer of config.fleet.customers) for (const site of customer.sites) for (const node of site.nodes) if (node.snmp?.poll?.enabled) return node.snmp.poll.port;
  return null;
}

/** The stack must know the simulated systems, or all its traffic lands as "unknown source". */
export function checkFleetMatches(config: Config, fleet: SimFleet): void {
  const known = new Set(config.fleet.customers.flatMap((customer) => customer.sites.flatMap((site) => site.nodes.map((node) => `${node.id}@${node.addresses.join(',')}`))));
  const missing = fleet.nodes.filter((node) => !known.has(`${node.id}@${node.address}`));
  if (missing.length > 0) {
    throw new CodedError(
      'IPO_ERR_BAD_REQUEST',
      `the configuration's fleet lacks ${missing.length} of the ${fleet.nodes.length} simulated systems (first: ${missing[0]!.id} at ${missing[0]!.address}); write it with "simulate --write-config FILE" using the same --scenario, --seed and sizes`,
    );
  }
}
