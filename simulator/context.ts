import { setTimeout as sleep } from 'node:timers/promises';
import type { SimFleet, SimNode } from './fleet/sim-fleet.js';
import { Rng } from './rng.js';
import type { SimTarget } from './target.js';
import { HttpSender } from './wire/http-sender.js';
import { startAgent, type SimAgent } from './wire/snmp-agent.js';
import { callReports, type SimCall } from './wire/rtcp-call.js';
import { SnmpSender, type TrapVersion } from './wire/snmp-sender.js';
import type { SsaEntry, SsaList } from './wire/ssa-snapshot.js';
import type { SyslogSeverity } from './wire/syslog-line.js';
import { SyslogSender } from './wire/syslog-sender.js';
import type { TrapValues } from './wire/trap-varbinds.js';
import { UdpPool } from './wire/udp-pool.js';

const MIN_SLEEP_MS = 4;

export const SOURCES = ['snmp', 'syslog', 'ssa', 'rtcp', 'licence'] as const;
export type SentSource = (typeof SOURCES)[number];

export interface ContextOptions {
  fleet: SimFleet;
  target: SimTarget;
  seed: number;
  /** Messages per second at most, over every protocol together. */
  rate: number;
  /** Wall-clock bound, ms. */
  durationMs: number;
  /** Scenario seconds per real second: 10 plays a 60 s outage in 6 s. */
  timeScale: number;
  /** RTCP report interval, scenario seconds (phones: 5). */
  reportIntervalSeconds: number;
  /** Where the polled systems' SNMP agents listen (each on its own address); null: no agents. */
  agentPort: number | null;
  /** Which SNMP version the systems send their traps with; `mix`: every other system v3 (default v2c). */
  snmpVersion?: SnmpVersionChoice;
  /** Which stream the syslog lines sent over a stream go on: TCP (default) or TLS (target.syslogTlsPort). */
  syslogStream?: 'tcp' | 'tls';
}

export const SNMP_VERSION_CHOICES = ['v2c', 'v3', 'mix'] as const;
export type SnmpVersionChoice = (typeof SNMP_VERSION_CHOICES)[number];

/**
 * What a scenario sees: the fleet, a seeded random source, paced senders for every protocol (each system and
 * phone sending from its own address), scaled waits, and counters. Every send is rate limited; every wait ends
 * when the run's duration is over, so a scenario never outlives it.
 */
export class SimContext {
  readonly fleet: SimFleet;
  readonly rng: Rng;
  readonly sent: Record<SentSource, number> = { snmp: 0, syslog: 0, ssa: 0, rtcp: 0, licence: 0 };
  readonly failures: Record<SentSource, number> = { snmp: 0, syslog: 0, ssa: 0, rtcp: 0, licence: 0 };
  lastError: string | null = null;
  readonly agentsStarted = { count: 0, failed: 0 };
  private readonly agents = new Map<string, SimAgent>();
  private readonly pool = new UdpPool();
  private readonly snmp: SnmpSender | null;
  private readonly syslogSender: SyslogSender;
  private readonly http: HttpSender;
  private readonly abort = new AbortController();
  private readonly deadline: number;
  private nextSlot = 0;
  private readonly ssaLists = new Map<string, SsaEntry[]>();
  /** Systems that send v3 traps (the rest v2c). */
  private readonly v3Nodes: Set<string>;

  constructor(private readonly options: ContextOptions) {
    this.fleet = options.fleet;
    this.rng = new Rng(options.seed ^ 0x51ed);
    const t = options.target;
    this.snmp = t.snmpPort === null ? null : new SnmpSender({ host: t.host, port: t.snmpPort, community: t.community, v3User: t.v3User ?? null });
    const choice = options.snmpVersion ?? 'v2c';
    this.v3Nodes = new Set(choice === 'v2c' ? [] : this.fleet.nodes.filter((_, i) => choice === 'v3' || i % 2 === 1).map((node) => node.id));
    this.syslogSender = new SyslogSender(this.pool, { host: t.host, udpPort: t.syslogUdpPort, tcpPort: t.syslogTcpPort, tlsPort: t.syslogTlsPort ?? null, tlsCaFile: t.tlsCaFile ?? null });
    this.http = new HttpSender({ baseUrl: t.httpUrl, ssaToken: t.ssaToken });
    this.deadline = Date.now() + options.durationMs;
  }

  get target(): SimTarget {
    return this.options.target;
  }

  get stopped(): boolean {
    return this.abort.signal.aborted || Date.now() >= this.deadline;
  }

  get reportIntervalSeconds(): number {
    return this.options.reportIntervalSeconds;
  }

  stop(): void {
    this.abort.abort();
  }

  /** Waits `seconds` of scenario time (divided by the time scale); false when the run ended meanwhile. */
  async wait(seconds: number): Promise<boolean> {
    const ms = Math.min((seconds * 1000) / this.options.timeScale, this.deadline - Date.now());
    if (ms > 0) await sleep(ms, undefined, { signal: this.abort.signal }).catch(() => undefined);
    return !this.stopped;
  }

  trap(node: SimNode, name: string, values: Partial<TrapValues> = {}, options: { version?: TrapVersion; inform?: boolean } = {}): Promise<void> {
    const snmp = this.snmp;
    if (!snmp) return Promise.resolve();
    const full: TrapValues = { deviceId: node.deviceId, sysDescr: sysDescrOf(node), ...values };
    const version = options.version ?? (this.v3Nodes.has(node.id) ? 'v3' : 'v2c');
    return this.paced('snmp', () => snmp.send(node.address, name, full, { ...options, version }));
  }

  syslog(node: SimNode, severity: SyslogSeverity, message: string, transport: 'udp' | 'tcp' = 'udp'): Promise<void> {
    const t = this.options.target;
    if (t.syslogUdpPort === null && t.syslogTcpPort === null && (t.syslogTlsPort ?? null) === null) return Promise.resolve();
    const on = transport === 'tcp' && this.options.syslogStream === 'tls' ? 'tls' : transport;
    return this.paced('syslog', () => this.syslogSender.send(node.address, node.hostname, severity, message, on));
  }

  /** Updates the node's SSA list (adds occurrences, sets red/black) and posts the whole list, as a fresh copy. */
  ssa(node: SimNode, list: SsaList, text: string, active: boolean): Promise<void> {
    if (!this.http.canPostSsa) return Promise.resolve();
    const key = `${node.id}/${list}`;
    const entries = this.ssaLists.get(key) ?? [];
    const found = entries.find((entry) => entry.text === text);
    if (found) {
      if (active) found.occurrences += 1;
      found.active = active;
      found.lastAt = new Date();
    } else entries.push({ text, occurrences: 1, lastAt: new Date(), active });
    this.ssaLists.set(key, entries.slice(-50));
    const site = this.fleet.customers.flatMap((c) => c.sites).find((s) => s.id === node.siteId)!;
    return this.paced('ssa', () => this.http.postSsa(node.id, list, entries, site.timeZone));
  }

  licenceGrace(node: SimNode, mode: string, daysRemaining: number, note: string): Promise<void> {
    if (!this.http.canAssert) return Promise.resolve();
    return this.paced('licence', () => this.http.assertLicenceMode(node.id, mode, daysRemaining, note));
  }

  /** One report round of a call (both ends); `last` adds BYE. */
  async rtcp(call: SimCall, round: number, last = false): Promise<void> {
    const port = this.options.target.rtcpPort;
    if (port === null) return;
    for (const report of callReports(call, round, this.options.reportIntervalSeconds, last)) {
      await this.paced('rtcp', () => this.pool.send(report.from, { host: this.options.target.host, port }, report.payload));
    }
  }

  /** Starts the SNMP agents of the systems the stack polls, so they answer from the start. */
  async startAgents(): Promise<void> {
    for (const node of this.fleet.nodes.filter((n) => n.polled)) await this.revive(node);
  }

  /** The system stops answering polls (it failed, or its network did). */
  async silence(node: SimNode): Promise<void> {
    const agent = this.agents.get(node.id);
    this.agents.delete(node.id);
    await agent?.close();
  }

  /** The system answers polls again, with sysUpTime from now (a restart). */
  async revive(node: SimNode): Promise<void> {
    if (this.options.agentPort === null || !node.polled || this.agents.has(node.id)) return;
    try {
      this.agents.set(node.id, await startAgent(node, this.options.agentPort, this.options.target.community, sysDescrOf(node)));
      this.agentsStarted.count += 1;
    } catch (error) {
      this.agentsStarted.failed += 1;
      this.lastError = `agent ${node.id} on ${node.address}:${this.options.agentPort}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.agents.values()].map((agent) => agent.close()));
    this.agents.clear();
    this.snmp?.close();
    await this.syslogSender.close();
    await this.pool.close();
  }

  private async paced(source: SentSource, send: () => Promise<void>): Promise<void> {
    if (this.stopped) return;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / this.options.rate;
    // Timers are no finer than a millisecond: sleep only once ahead by a few, so high rates are reached on average.
    if (slot - now >= MIN_SLEEP_MS) await sleep(slot - now, undefined, { signal: this.abort.signal }).catch(() => undefined);
    if (this.stopped) return;
    try {
      await send();
      this.sent[source] += 1;
    } catch (error) {
      this.failures[source] += 1;
      this.lastError = `${source}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

function sysDescrOf(node: SimNode): string {
  return `IP Office ${node.platform === 'ip500v2' ? 'IP500 V2' : 'Server Edition'} ${node.version}`;
}
