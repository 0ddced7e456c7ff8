import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { stringify } from 'yaml';
import { loadConfigFile } from '../src/config/load.js';
import { CodedError } from '../src/errors.js';
import { agentPortFromConfig, checkFleetMatches, targetFromConfig } from './config-target.js';
import { DEFAULT_DEMO, runDemo } from './demo.js';
import { DEFAULT_POLL, fleetYaml } from './fleet/fleet-config.js';
import type { FleetSizes } from './fleet/sim-fleet.js';
import { SCENARIOS } from './scenarios/index.js';
import { DEFAULT_SIMULATE, runSimulation, scenarioFleet } from './simulate.js';
import { SNMP_VERSION_CHOICES, type SnmpVersionChoice } from './context.js';
import { simStackConfig } from './stack-config.js';
import { randomV3User, type SimV3User } from './wire/snmp-v3-user.js';
import { DEFAULT_TARGET, hostForUrl, parsePorts } from './target.js';

const EXIT_RUNTIME = 1;
const EXIT_USAGE = 2;

interface SimulateFlags {
  scenario: string;
  target: string;
  ports?: string;
  ssaToken?: string;
  community: string;
  duration: number;
  rate: number;
  timeScale: number;
  seed: number;
  customers: number;
  sites: number;
  seSolutions: number;
  expansions: number;
  ip500v2: number;
  phones: number;
  release: string;
  outage: number;
  graceDaySeconds: number;
  loss: number;
  jitter: number;
  rtt: number;
  poorShare: number;
  reportInterval: number;
  agentPort: number;
  writeFleet?: string;
  writeConfig?: string;
  resiliencyScale: number;
  snmpVersion: SnmpVersionChoice;
  v3User?: string;
  syslogStream: 'tcp' | 'tls';
  tlsCa?: string;
  config?: string;
}

const d = DEFAULT_SIMULATE;

/** `ipo-observer simulate` and `ipo-observer demo` (simulator/README.md). */
export function registerSimulatorCommands(program: Command): void {
  program
    .command('simulate')
    .description('send a simulated fleet\'s traffic (SNMP traps, syslog, SSA alarm lists, RTCP) to a running stack')
    .addHelpText('after', `\nScenarios:\n${SCENARIOS.map((s) => `  ${s.name.padEnd(20)}${s.summary}`).join('\n')}\n\nThe stack's fleet must be the simulated one: write it with --write-fleet (same seed and sizes) or use "ipo-observer demo".`)
    .option('-s, --scenario <name>', 'scenario to play', d.scenario)
    .option('--target <host>', 'address of the stack', DEFAULT_TARGET.host)
    .option('--ports <list>', 'ports of the stack, e.g. syslog=5514,syslog-tcp=5514,syslog-tls=6514,snmp=1162,rtcp=5005,http=8080 (0 or off skips one)')
    .option('--ssa-token <token>', 'bearer token for POST /api/v1/ssa/alarms (default $IPO_SSA_TOKEN; without one no SSA lists are sent)')
    .option('--community <c>', 'SNMP community of the traps', DEFAULT_TARGET.community)
    .option('--snmp-version <v>', `SNMP version of the traps: ${SNMP_VERSION_CHOICES.join(' | ')} (mix: every other system v3); v3 is authPriv as the user of --config or --v3-user`, snmpVersion, d.snmpVersion)
    .option('--v3-user <name>', 'SNMPv3 user of v3 traps (SHA/AES; keys from $IPO_SIM_V3_AUTH_KEY and $IPO_SIM_V3_PRIV_KEY); default: the first authPriv user of --config')
    .option('--syslog-stream <tcp|tls>', 'stream of the syslog lines sent over a stream (every fifth): tcp, or tls (RFC 5425; the port from --config or --ports syslog-tls=…)', streamChoice, 'tcp')
    .option('--tls-ca <file>', 'PEM file the stack\'s TLS certificate is checked against (default with --config: its tls.certFile, right for a self-signed one; else the system\'s CAs)')
    .option('-d, --duration <s>', 'stop after this many seconds', number, d.durationSeconds)
    .option('-r, --rate <n>', 'messages per second at most, all protocols together', number, d.rate)
    .option('--time-scale <x>', 'scenario seconds per real second (10: a 60 s outage lasts 6 s)', number, d.timeScale)
    .option('--seed <n>', 'seed of the fleet and the traffic', integer, d.seed)
    .option('--customers <n>', 'customers', integer, d.sizes.customers)
    .option('--sites <n>', 'sites per customer', integer, d.sizes.sitesPerCustomer)
    .option('--se-solutions <n>', 'Server Edition solutions (Primary + Secondary + Expansions)', integer, d.sizes.seSolutions)
    .option('--expansions <n>', 'IP500 V2 Expansions per solution', integer, d.sizes.expansionsPerSolution)
    .option('--ip500v2 <n>', 'IP500 V2 systems', integer, d.sizes.ip500v2Systems)
    .option('--phones <n>', 'phones per system', integer, d.sizes.phonesPerNode)
    .option('--release <text>', 'software release the systems report', d.sizes.version)
    .option('--outage <s>', 'scenario seconds a failed Primary or trunk card stays failed', number, d.scenarioOptions.outageSeconds)
    .option('--grace-day-seconds <s>', 'weblm-grace: scenario seconds per day of grace', number, d.scenarioOptions.secondsPerGraceDay)
    .option('--loss <percent>', 'packet loss of poor calls', number, d.scenarioOptions.impairment.lossPercent)
    .option('--jitter <ms>', 'jitter of poor calls', number, d.scenarioOptions.impairment.jitterMs)
    .option('--rtt <ms>', 'round trip of poor calls', number, d.scenarioOptions.impairment.roundTripMs)
    .option('--poor-share <0..1>', 'share of background calls that are poor', number, d.scenarioOptions.poorShare)
    .option('--report-interval <s>', 'RTCP report interval, scenario seconds', number, d.reportIntervalSeconds)
    .option('--agent-port <n>', 'UDP port of the SNMP agents of the polled (Server Edition) systems, each on its own address; 0: none', integer, DEFAULT_POLL.port)
    .option('--write-fleet <file>', 'write the fleet (and its RTCP source map) as YAML for the stack\'s configuration, then exit')
    .option('--write-config <file>', 'write a complete stack configuration for this fleet (listeners on 127.0.0.1, SSA token, email to a folder), then exit')
    .option('--resiliency-scale <x>', 'with --write-config: divide the resiliency waits (failover 3 min, failback 10 min) by this, and poll faster, so a short run shows failover and failback', number, 1)
    .option('-c, --config <file>', 'the running stack\'s configuration: ports and SSA token from it, and a check that its fleet is this one')
    .action(async (flags: SimulateFlags) => {
      await orExit(async () => {
        const sizes: FleetSizes = { customers: flags.customers, sitesPerCustomer: flags.sites, seSolutions: flags.seSolutions, expansionsPerSolution: flags.expansions, ip500v2Systems: flags.ip500v2, phonesPerNode: flags.phones, version: flags.release };
        if (flags.writeFleet) {
          writeFileSync(flags.writeFleet, fleetYaml(scenarioFleet(flags.scenario, flags.seed, sizes)));
          process.stdout.write(`${flags.writeFleet}: fleet of scenario ${flags.scenario} written\n`);
          return;
        }
        if (flags.writeConfig) {
          const fleet = scenarioFleet(flags.scenario, flags.seed, sizes);
          const token = flags.ssaToken ?? randomBytes(24).toString('hex');
          const config = simStackConfig(fleet, { dataDir: 'data/simulated', httpPort: DEFAULT_DEMO.httpPort, ports: DEFAULT_DEMO.ports, ssaToken: token, licenceCheckIntervalSeconds: 5, resiliencyTimeScale: flags.resiliencyScale, v3User: randomV3User() });
          writeFileSync(flags.writeConfig, `# ipo-observer simulate --scenario ${flags.scenario} --seed ${flags.seed}: ${fleet.nodes.length} systems\n${stringify(config)}`, { mode: 0o600 });
          process.stdout.write(`${flags.writeConfig}: configuration written; run "ipo-observer start --config ${flags.writeConfig}", then "ipo-observer simulate --config ${flags.writeConfig}" with the same scenario, seed and sizes\n`);
          return;
        }
        const fromConfig = flags.config ? loadConfigFile(flags.config) : null;
        if (fromConfig) checkFleetMatches(fromConfig, scenarioFleet(flags.scenario, flags.seed, sizes));
        const base = fromConfig ? targetFromConfig(fromConfig) : { ...DEFAULT_TARGET, host: flags.target, httpUrl: `http://${hostForUrl(flags.target)}:8080`, community: flags.community, ssaToken: flags.ssaToken ?? process.env['IPO_SSA_TOKEN'] ?? null };
        const ported = flags.ports ? parsePorts(flags.ports, base) : base;
        const target = { ...ported, ...(flags.v3User && { v3User: v3UserFromEnv(flags.v3User) }), ...(flags.tlsCa && { tlsCaFile: flags.tlsCa }) };
        const abort = new AbortController();
        process.once('SIGINT', () => abort.abort());
        process.once('SIGTERM', () => abort.abort());
        const report = await runSimulation({
          scenario: flags.scenario,
          seed: flags.seed,
          sizes,
          target,
          durationSeconds: flags.duration,
          rate: flags.rate,
          timeScale: flags.timeScale,
          reportIntervalSeconds: flags.reportInterval,
          agentPort: (fromConfig ? agentPortFromConfig(fromConfig) : null) ?? (flags.agentPort === 0 ? null : flags.agentPort),
          snmpVersion: flags.snmpVersion,
          syslogStream: flags.syslogStream,
          scenarioOptions: { outageSeconds: flags.outage, secondsPerGraceDay: flags.graceDaySeconds, impairment: { lossPercent: flags.loss, jitterMs: flags.jitter, roundTripMs: flags.rtt }, poorShare: flags.poorShare },
          signal: abort.signal,
          onProgress: (r) => process.stderr.write(`simulate ${r.scenario} ${r.elapsedSeconds}s: ${JSON.stringify(r.sent)}${r.lastError ? ` last error: ${r.lastError}` : ''}\n`),
        });
        process.stdout.write(`${JSON.stringify(report)}\n`);
      });
    });

  program
    .command('demo')
    .description('run the stack and the simulator together on a demo fleet: the web UI fills and emails land in the outbox folder')
    .option('--dir <dir>', 'folder for the demo configuration, database and outbox', DEFAULT_DEMO.dir)
    .option('-d, --duration <s>', 'stop after this many seconds (default: until Ctrl-C)', number)
    .option('--seed <n>', 'seed of the fleet and the traffic', integer, DEFAULT_DEMO.seed)
    .option('-s, --scenario <name>', 'scenario to play', DEFAULT_DEMO.scenario)
    .option('--http-port <n>', 'HTTP port of the API and web UI', integer, DEFAULT_DEMO.httpPort)
    .option('--ports <list>', 'listener ports, e.g. syslog=5514,syslog-tcp=5514,snmp=1162,rtcp=5005,agent=16161 (0: any free port; agent: where the simulated systems answer polls)')
    .option('--log-level <level>', 'the stack\'s log level', DEFAULT_DEMO.logLevel)
    .option('--resiliency-scale <x>', 'divide the stack\'s resiliency waits by this (1: IP Office\'s own, failover 3 min, failback 10 min)', number, DEFAULT_DEMO.resiliencyTimeScale)
    .option('--outage <s>', 'scenario seconds a failed Primary or trunk card stays failed (two scenario seconds a second)', number, DEFAULT_DEMO.outageSeconds)
    .option('--snmp-version <v>', `SNMP version of the traps: ${SNMP_VERSION_CHOICES.join(' | ')} (mix: every other system v3, authPriv SHA/AES)`, snmpVersion, DEFAULT_DEMO.snmpVersion)
    .action(async (flags: { dir: string; duration?: number; seed: number; scenario: string; httpPort: number; ports?: string; logLevel: string; resiliencyScale: number; outage: number; snmpVersion: SnmpVersionChoice }) => {
      await orExit(async () => {
        const abort = new AbortController();
        process.once('SIGINT', () => abort.abort());
        process.once('SIGTERM', () => abort.abort());
        const result = await runDemo({
          dir: flags.dir,
          durationSeconds: flags.duration ?? null,
          seed: flags.seed,
          scenario: flags.scenario,
          httpPort: flags.httpPort,
          ports: flags.ports ? demoPorts(flags.ports) : DEFAULT_DEMO.ports,
          logLevel: flags.logLevel,
          resiliencyTimeScale: flags.resiliencyScale,
          outageSeconds: flags.outage,
          snmpVersion: flags.snmpVersion,
          signal: abort.signal,
          print: (line) => process.stdout.write(`${line}\n`),
        });
        process.stdout.write(`demo stopped; the outbox ${result.outbox} and the database stay for a look (ipo-observer start --config ${result.configPath})\n`);
      });
    });
}

function demoPorts(text: string) {
  const ports = { ...DEFAULT_DEMO.ports };
  const keys = { syslog: 'syslog', 'syslog-tcp': 'syslogTcp', snmp: 'snmp', rtcp: 'rtcp', agent: 'agent' } as const;
  for (const item of text.split(',').filter(Boolean)) {
    const [key, value] = item.split('=');
    const field = keys[key as keyof typeof keys];
    const port = Number(value);
    if (!field || !Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError(`--ports: "${item}" is not one of ${Object.keys(keys).join(', ')} = a port`);
    ports[field] = port;
  }
  return ports;
}

async function orExit(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CodedError || error instanceof InvalidArgumentError) {
      process.stderr.write(`${error instanceof CodedError ? `${error.code}: ` : ''}${error.message}\n`);
      process.exit(error instanceof CodedError && error.code !== 'IPO_ERR_BAD_REQUEST' && !error.code.startsWith('IPO_ERR_CONFIG') ? EXIT_RUNTIME : EXIT_USAGE);
    }
    if (error instanceof Error && /--ports/.test(error.message)) {
      process.stderr.write(`${error.message}\n`);
      process.exit(EXIT_USAGE);
    }
    throw error;
  }
}

function number(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new InvalidArgumentError('expected a number ≥ 0');
  return parsed;
}

function streamChoice(value: string): 'tcp' | 'tls' {
  if (value !== 'tcp' && value !== 'tls') throw new InvalidArgumentError('expected tcp or tls');
  return value;
}

function snmpVersion(value: string): SnmpVersionChoice {
  if (!(SNMP_VERSION_CHOICES as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${SNMP_VERSION_CHOICES.join(', ')}`);
  return value as SnmpVersionChoice;
}

/** Keys come from the environment, not the command line (which other users of the machine can read). */
function v3UserFromEnv(name: string): SimV3User {
  const authKey = process.env['IPO_SIM_V3_AUTH_KEY'];
  const privKey = process.env['IPO_SIM_V3_PRIV_KEY'];
  if (!authKey || !privKey) throw new CodedError('IPO_ERR_BAD_REQUEST', '--v3-user needs $IPO_SIM_V3_AUTH_KEY and $IPO_SIM_V3_PRIV_KEY (SHA and AES passwords of at least 8 characters)');
  return { name, authProtocol: 'sha', authKey, privProtocol: 'aes', privKey };
}

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return parsed;
}
