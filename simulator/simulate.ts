import { CodedError } from '../src/errors.js';
import { SimContext, type SentSource, type SnmpVersionChoice } from './context.js';
import { DEFAULT_POLL } from './fleet/fleet-config.js';
import { DEFAULT_SIZES, generateFleet } from './fleet/generate.js';
import { phoneCount, type FleetSizes, type SimFleet } from './fleet/sim-fleet.js';
import { SCENARIOS, scenarioNamed } from './scenarios/index.js';
import type { ScenarioOptions } from './scenarios/scenario.js';
import type { SimTarget } from './target.js';
import { POOR } from './wire/rtcp-call.js';

export interface SimulateOptions {
  scenario: string;
  seed: number;
  /** The fleet asked for; the scenario may enlarge it (storm-77721 has its own size). */
  sizes: FleetSizes;
  target: SimTarget;
  durationSeconds: number;
  /** Messages per second at most. */
  rate: number;
  timeScale: number;
  reportIntervalSeconds: number;
  /** Where the polled systems' SNMP agents listen (the fleet's snmp.poll.port); null: none. */
  agentPort: number | null;
  /** SNMP version of the traps: v2c, v3 (authPriv as target.v3User) or a mix by system. */
  snmpVersion: SnmpVersionChoice;
  /** The stream the steady traffic's stream lines go on (every fifth line): tcp, or tls (target.syslogTlsPort). */
  syslogStream?: 'tcp' | 'tls';
  scenarioOptions: ScenarioOptions;
  /** Called every `progressSeconds` and at the end. */
  onProgress?: (report: SimulationReport) => void;
  progressSeconds?: number;
  /** Aborts the run early (Ctrl-C). */
  signal?: AbortSignal;
}

export interface SimulationReport {
  scenario: string;
  systems: number;
  phones: number;
  elapsedSeconds: number;
  sent: Record<SentSource, number>;
  failures: Record<SentSource, number>;
  lastError: string | null;
  /** SNMP agents of polled systems started (and restarted), and those that could not bind. */
  agents: { started: number; failed: number };
}

export const DEFAULT_SCENARIO_OPTIONS: ScenarioOptions = { outageSeconds: 60, secondsPerGraceDay: 2, impairment: POOR, poorShare: 0.2 };

export const DEFAULT_SIMULATE: Omit<SimulateOptions, 'target'> = {
  scenario: 'steady',
  seed: 1,
  sizes: DEFAULT_SIZES,
  durationSeconds: 60,
  rate: 200,
  timeScale: 1,
  reportIntervalSeconds: 5,
  agentPort: DEFAULT_POLL.port,
  snmpVersion: 'v2c',
  scenarioOptions: DEFAULT_SCENARIO_OPTIONS,
};

/** The fleet a scenario runs on: what the stack's `fleet:` must be (simulate --write-fleet, the demo config). */
export function scenarioFleet(scenario: string, seed: number, sizes: FleetSizes): SimFleet {
  return generateFleet(seed, scenarioOf(scenario).sizes(sizes));
}

/** Runs one scenario against a running stack until it ends, the duration is over, or the signal aborts it. */
export async function runSimulation(options: SimulateOptions): Promise<SimulationReport> {
  const scenario = scenarioOf(options.scenario);
  if (!(options.durationSeconds > 0) || !(options.rate > 0) || !(options.timeScale > 0)) {
    throw new CodedError('IPO_ERR_BAD_REQUEST', 'duration, rate and time scale must be greater than 0');
  }
  if (options.snmpVersion !== 'v2c' && options.target.snmpPort !== null && !options.target.v3User) {
    throw new CodedError('IPO_ERR_BAD_REQUEST', `SNMP version ${options.snmpVersion} needs an SNMPv3 user: give --config with a stack configuration that has collectors.snmp.users (simulate --write-config writes one)`);
  }
  if (options.syslogStream === 'tls' && !options.target.syslogTlsPort) {
    throw new CodedError('IPO_ERR_BAD_REQUEST', 'syslog over TLS needs the stack\'s TLS port: --ports syslog-tls=PORT, or --config with collectors.syslog.tls enabled');
  }
  const fleet = scenarioFleet(options.scenario, options.seed, options.sizes);
  const ctx = new SimContext({
    fleet,
    target: options.target,
    seed: options.seed,
    rate: options.rate,
    durationMs: options.durationSeconds * 1000,
    timeScale: options.timeScale,
    reportIntervalSeconds: options.reportIntervalSeconds,
    agentPort: options.agentPort,
    snmpVersion: options.snmpVersion,
    ...(options.syslogStream && { syslogStream: options.syslogStream }),
  });
  const started = Date.now();
  const report = (): SimulationReport => ({
    scenario: scenario.name,
    systems: fleet.nodes.length,
    phones: phoneCount(fleet),
    elapsedSeconds: Math.round((Date.now() - started) / 100) / 10,
    sent: { ...ctx.sent },
    failures: { ...ctx.failures },
    lastError: ctx.lastError,
    agents: { started: ctx.agentsStarted.count, failed: ctx.agentsStarted.failed },
  });
  const onAbort = () => ctx.stop();
  options.signal?.addEventListener('abort', onAbort);
  const progress = options.onProgress ? setInterval(() => options.onProgress!(report()), (options.progressSeconds ?? 5) * 1000) : null;
  try {
    await ctx.startAgents();
    await scenario.run(ctx, options.scenarioOptions);
  } finally {
    if (progress) clearInterval(progress);
    options.signal?.removeEventListener('abort', onAbort);
    ctx.stop();
    await ctx.close();
  }
  const final = report();
  options.onProgress?.(final);
  return final;
}

function scenarioOf(name: string) {
  const scenario = scenarioNamed(name);
  if (!scenario) throw new CodedError('IPO_ERR_BAD_REQUEST', `no scenario "${name}"; give one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
  return scenario;
}
