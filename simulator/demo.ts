import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { loadConfigFile } from '../src/config/load.js';
import { createLogger } from '../src/log.js';
import { startStack, type RunningStack } from '../src/main.js';
import { DEFAULT_SIMULATE, runSimulation, scenarioFleet, type SimulationReport } from './simulate.js';
import { SIM_COMMUNITY, simStackConfig } from './stack-config.js';
import type { SnmpVersionChoice } from './context.js';
import { DEFAULT_POLL } from './fleet/fleet-config.js';
import { phoneCount } from './fleet/sim-fleet.js';
import { randomV3User } from './wire/snmp-v3-user.js';
import { DEMO_RESILIENCY_SCALE, scaledResiliency } from './resiliency-scale.js';
import { DEMO_LEAD_IN_SECONDS } from './scenarios/demo-loop.js';
import { freeUdpPort } from './wire/free-port.js';
import type { SimTarget } from './target.js';

export interface DemoOptions {
  /** Folder for the demo's configuration, database and outbox. */
  dir: string;
  /** Stop after this many seconds; null: run until the signal aborts (Ctrl-C). */
  durationSeconds: number | null;
  seed: number;
  scenario: string;
  httpPort: number;
  /** Listener ports (0: any free one); `agent`: where the simulated systems answer SNMP polls (0: any free one). */
  ports: { syslog: number; syslogTcp: number; snmp: number; rtcp: number; agent: number };
  /** The stack's own log level (its JSON lines go to stdout with the demo's text). */
  logLevel: string;
  /** Divides the stack's resiliency waits (simStackConfig); 1: IP Office's own (failover 3 min, failback 10 min). */
  resiliencyTimeScale: number;
  /** Scenario seconds a failed Primary or trunk card stays failed (the demo runs two scenario seconds a second). */
  outageSeconds: number;
  /** SNMP version of the simulated systems' traps; the configuration always has the v3 user (fresh keys). */
  snmpVersion: SnmpVersionChoice;
  signal?: AbortSignal;
  /** Where the demo's own lines go. */
  print: (line: string) => void;
  /** Called once the stack listens, before the traffic starts. */
  onStarted?: (info: { httpUrl: string; outbox: string }) => void;
}

export const DEFAULT_DEMO: Omit<DemoOptions, 'print'> = {
  dir: 'data/demo',
  durationSeconds: null,
  seed: 1,
  scenario: 'demo',
  httpPort: 8080,
  ports: { syslog: 5514, syslogTcp: 5514, snmp: 1162, rtcp: 5005, agent: DEFAULT_POLL.port },
  logLevel: 'warn',
  resiliencyTimeScale: DEMO_RESILIENCY_SCALE,
  outageSeconds: 60,
  snmpVersion: 'mix',
};

export interface DemoResult {
  configPath: string;
  outbox: string;
  httpUrl: string;
  report: SimulationReport;
}

const FOREVER_SECONDS = 365 * 86_400;
/** Two background ticks a second: the page fills while one watches. */
const DEMO_TIME_SCALE = 2;

/**
 * `npm run demo`: writes a configuration for a simulated fleet (email to a folder with a 10 s group wait, every
 * listener on 127.0.0.1, an SSA token, an SNMPv3 user, resiliency waits scaled down), starts the stack in this
 * process, then the simulator against it (the `demo` scenario: failures on a loop), and prints where to look. Stops
 * both on the signal or after the duration.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const dir = resolve(options.dir);
  const outbox = join(dir, 'outbox');
  mkdirSync(dir, { recursive: true });
  const fleet = scenarioFleet(options.scenario, options.seed, DEFAULT_SIMULATE.sizes);
  const ssaToken = randomBytes(24).toString('hex');
  const v3User = randomV3User();
  const configPath = join(dir, 'demo.yaml');
  const firstPolled = fleet.nodes.find((node) => node.polled);
  const agentPort = options.ports.agent === 0 && firstPolled ? await freeUdpPort(firstPolled.address) : options.ports.agent;
  const config = simStackConfig(fleet, { dataDir: join(dir, 'data'), httpPort: options.httpPort, ports: options.ports, ssaToken, outboxFolder: outbox, groupIntervalSeconds: 20, logLevel: options.logLevel, poll: { port: agentPort }, resiliencyTimeScale: options.resiliencyTimeScale, v3User });
  const resiliency = scaledResiliency(options.resiliencyTimeScale);
  writeFileSync(configPath, `# Written by the demo (ipo-observer demo); run it alone with: ipo-observer start --config ${configPath}\n${stringify(config)}`, { mode: 0o600 });

  const stack = await startStack(loadConfigFile(configPath), createLogger(options.logLevel));
  try {
    const httpUrl = `http://127.0.0.1:${stack.http.port}`;
    options.print(`ipo-observer demo: ${fleet.customers.length} customers, ${fleet.nodes.length} simulated IP Office systems, ${phoneCount(fleet)} phones`);
    options.print(`  web UI and API: ${httpUrl}/   (alarms: ${httpUrl}/api/v1/alarms?state=open)`);
    options.print(`  email outbox:   ${outbox}   (first mail after the 10 s group wait)`);
    options.print(`  configuration:  ${configPath}`);
    if (options.scenario === 'demo') {
      options.print(`  after ${DEMO_LEAD_IN_SECONDS / DEMO_TIME_SCALE} s a Server Edition Primary fails for ${options.outageSeconds / DEMO_TIME_SCALE} s (resiliency: ${httpUrl}/resiliency), then a trunk card; on a loop`);
      options.print(`  resiliency waits divided by ${options.resiliencyTimeScale}: failover after ${String(resiliency.failoverSeconds)} s, failback ${String(resiliency.failbackSeconds)} s after the node is back`);
    }
    options.print(options.durationSeconds === null ? '  Ctrl-C to stop.' : `  stopping after ${options.durationSeconds} s.`);
    options.onStarted?.({ httpUrl, outbox });
    const report = await runSimulation({
      ...DEFAULT_SIMULATE,
      scenario: options.scenario,
      seed: options.seed,
      target: { ...targetOf(stack, httpUrl, ssaToken), v3User },
      snmpVersion: options.snmpVersion,
      durationSeconds: options.durationSeconds ?? FOREVER_SECONDS,
      reportIntervalSeconds: 2,
      agentPort,
      timeScale: DEMO_TIME_SCALE,
      scenarioOptions: { ...DEFAULT_SIMULATE.scenarioOptions, outageSeconds: options.outageSeconds },
      ...(options.signal && { signal: options.signal }),
      progressSeconds: 10,
      onProgress: (r) => options.print(`  sent: ${Object.entries(r.sent).map(([k, v]) => `${k} ${v}`).join(', ')}${r.lastError ? `; last error ${r.lastError}` : ''}`),
    });
    return { configPath, outbox, httpUrl, report };
  } finally {
    await stack.stop();
  }
}

/** Where the started stack listens (ports may have been 0). */
export function targetOf(stack: Pick<RunningStack, 'collectors'>, httpUrl: string, ssaToken: string): SimTarget {
  const port = (type: string, transport: string) => stack.collectors.find((c) => c.type === type)?.endpoints.find((e) => e.transport === transport)?.port ?? null;
  return {
    host: '127.0.0.1',
    syslogUdpPort: port('syslog', 'udp'),
    syslogTcpPort: port('syslog', 'tcp'),
    snmpPort: port('snmp', 'udp'),
    rtcpPort: port('rtcp', 'udp'),
    httpUrl,
    ssaToken,
    community: SIM_COMMUNITY,
  };
}
