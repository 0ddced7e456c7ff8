import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { SimFleet } from '../../simulator/fleet/sim-fleet.js';
import { DEFAULT_SIMULATE, runSimulation, scenarioFleet, type SimulateOptions, type SimulationReport } from '../../simulator/simulate.js';
import { SIM_COMMUNITY, simStackConfig, type SimStackOptions } from '../../simulator/stack-config.js';
import { freeUdpPort } from '../../simulator/wire/free-port.js';
import type { SimV3User } from '../../simulator/wire/snmp-v3-user.js';
import { startStackProcess, type StackProcess } from './stack-process.js';
import type { TestContext } from 'node:test';
import { makeTempDir } from './temp-dir.js';
import type { TestCertificates } from './test-certs.js';

export const SIM_SSA_TOKEN = 'simulator-e2e-token-0123456789';
/** The SNMPv3 user of the simulated systems' v3 traps (SHA/AES), in the stack's collectors.snmp.users. */
export const SIM_V3_USER: SimV3User = { name: 'ipo-sim', authProtocol: 'sha', authKey: 'sim-auth-key-0123', privProtocol: 'aes', privKey: 'sim-priv-key-4567' };
const LISTENERS = ['syslog/udp', 'syslog/tcp', 'snmp/udp', 'rtcp/udp'];

export interface SimStack {
  stack: StackProcess;
  fleet: SimFleet;
  /** Runs the scenario against the stack with these overrides (short, scaled runs). */
  simulate(overrides?: Partial<SimulateOptions>): Promise<SimulationReport>;
}

/**
 * The real program (bin/ipo-observer.js) configured for a scenario's simulated fleet (every listener on
 * 127.0.0.1 port 0, licence checks every second), and the simulator aimed at its bound ports.
 */
export interface SimStackStartOptions {
  seed?: number;
  sections?: Record<string, unknown>;
  stack?: Pick<SimStackOptions, 'resiliencyTimeScale' | 'groupWaitSeconds' | 'groupIntervalSeconds' | 'outboxFolder'>;
  tls?: TestCertificates;
}

/**
 * simulate() overrides that run until `enough` holds for the report (checked every 100 ms), at most `atMostSeconds`,
 * and stop when the test ends. A busy machine sends fewer messages a second, so a test that needs so many sent
 * waits for them instead of running out of a fixed duration.
 */
export function simulateUntil(t: TestContext, enough: (report: SimulationReport) => boolean, atMostSeconds: number): Partial<SimulateOptions> {
  const done = new AbortController();
  t.after(() => done.abort());
  return {
    durationSeconds: atMostSeconds,
    signal: done.signal,
    progressSeconds: 0.1,
    onProgress: (report) => {
      if (enough(report)) done.abort();
    },
  };
}

/** startSimStack in a temporary folder, both stopped and removed when the test ends (cleanup registered first). */
export async function startSimStackFor(t: TestContext, scenario: string, options: SimStackStartOptions | ((dir: string) => Promise<SimStackStartOptions>) = {}): Promise<SimStack & { dir: string }> {
  const dir = makeTempDir();
  let sim: SimStack | null = null;
  t.after(async () => {
    await sim?.stack.stop();
    dir.remove();
  });
  sim = await startSimStack(dir.path, scenario, typeof options === 'function' ? await options(dir.path) : options);
  return { ...sim, dir: dir.path };
}

export async function startSimStack(dir: string, scenario: string, options: SimStackStartOptions = {}): Promise<SimStack> {
  const seed = options.seed ?? 1;
  const fleet = scenarioFleet(scenario, seed, DEFAULT_SIMULATE.sizes);
  const polled = fleet.nodes.find((node) => node.polled);
  const agentPort = polled ? await freeUdpPort(polled.address) : null;
  const poll = { port: agentPort ?? 1, intervalSeconds: 1, missedPollsForUnreachable: 2 };
  const config = {
    ...simStackConfig(fleet, { dataDir: join(dir, 'data'), httpPort: 0, ports: { syslog: 0, syslogTcp: 0, snmp: 0, rtcp: 0 }, ssaToken: SIM_SSA_TOKEN, licenceCheckIntervalSeconds: 1, poll, v3User: SIM_V3_USER, ...options.stack, ...(options.tls && { syslogTls: { port: 0, certFile: options.tls.serverCert, keyFile: options.tls.serverKey } }) }),
    ...options.sections,
  };
  const path = join(dir, 'config.yaml');
  writeFileSync(path, stringify(config));
  const stack = await startStackProcess(path, options.tls ? [...LISTENERS, 'syslog/tls'] : LISTENERS);
  const port = (key: string) => stack.collectorPorts.get(key) ?? null;
  return {
    stack,
    fleet,
    simulate: (overrides = {}) =>
      runSimulation({
        ...DEFAULT_SIMULATE,
        scenario,
        seed,
        agentPort,
        target: { host: '127.0.0.1', syslogUdpPort: port('syslog/udp'), syslogTcpPort: port('syslog/tcp'), syslogTlsPort: port('syslog/tls'), tlsCaFile: options.tls?.ca ?? null, snmpPort: port('snmp/udp'), rtcpPort: port('rtcp/udp'), httpUrl: stack.httpUrl, ssaToken: SIM_SSA_TOKEN, community: SIM_COMMUNITY, v3User: SIM_V3_USER },
        ...overrides,
      }),
  };
}
