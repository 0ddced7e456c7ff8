import { catalogueEntries, type CatalogueEntry } from '../../mibs/catalogue.js';
import type { SimContext } from '../context.js';
import type { SimNode } from '../fleet/sim-fleet.js';
import { CLEAN, type Impairment, type SimCall } from '../wire/rtcp-call.js';
import type { SsaList } from '../wire/ssa-snapshot.js';
import { sampleValues } from './trap-samples.js';

/** Syslog lines an IP Office sends (collectors/syslog/README.md: the `Alarm:` convention and the seed texts). */
const SYSLOG_LINES: Array<{ severity: 'err' | 'warning' | 'notice' | 'info'; text: (node: SimNode) => string }> = [
  { severity: 'err', text: () => 'Alarm: Trunk: SIP Line 17 registration failed' },
  { severity: 'notice', text: () => 'Alarm: Trunk: Cleared: SIP Line 17 registration failed' },
  { severity: 'warning', text: (node) => `Alarm: Service: Jitter threshold exceeded ext ${node.phones[0]?.extension ?? 201}` },
  { severity: 'warning', text: () => 'Failed to load HOLD Music source file Source Name: holdmusic.wav' },
  { severity: 'err', text: () => 'SIP Channel License Exceeded' },
  { severity: 'info', text: () => 'Audit: Configuration Changed: user Administrator merged the configuration' },
  { severity: 'info', text: (node) => `10:12:01 1234mS CMExtnEvt: ${node.phones[1]?.extension ?? 202} registered` },
  { severity: 'warning', text: () => 'Failed password for admin from 192.0.2.9 port 52114 ssh2' },
];

const SSA_TEXTS: Array<{ list: SsaList; text: string }> = [
  { list: 'Service', text: 'SIP Channel License Exceeded: There are insufficient SIP Channel licenses License Type: Maximum SIP Trunk Sessions' },
  { list: 'Service', text: 'Failed to load HOLD Music source file Source Name: holdmusic.wav' },
  { list: 'Trunk', text: 'Trunk Slot 3 PRI-U, T1 PRI 2: Red Alarm' },
];

const CLEAR_AFTER_TICKS = 8;

export interface BackgroundOptions {
  /** Calls up at once (each a pair of phones of one system). */
  concurrentCalls: number;
  /** Share of calls with poor quality, 0..1. */
  poorShare: number;
  /** Impairment of the poor calls. */
  poor: Impairment;
  /** Restrict traffic to these systems (default: all). */
  nodes?: SimNode[];
}

/**
 * Steady background traffic, one tick per scenario second: the next notification of the whole IPO-MIB catalogue
 * in turn (so every kind is sent; each Failure is followed by its Operational, and a Problem or Severity
 * notification by its cleared form 8 ticks later), a syslog line, RTCP for the calls in progress, and now and then
 * an SSA alarm list.
 */
export class Background {
  private readonly catalogue: CatalogueEntry[] = catalogueEntries();
  private cursor = 0;
  private pairSender: SimNode | null = null;
  /** Problem and severity notifications clear themselves (the same notification, severity cleared) a few ticks later. */
  private readonly clears: Array<{ at: number; node: SimNode; entry: CatalogueEntry }> = [];
  private tickCount = 0;
  private nextCallId = 1;
  private readonly calls: Array<{ call: SimCall; round: number; rounds: number }> = [];
  private readonly nodes: SimNode[];
  private readonly phoneNodes: SimNode[];

  constructor(private readonly ctx: SimContext, private readonly options: BackgroundOptions) {
    this.nodes = options.nodes ?? ctx.fleet.nodes;
    this.phoneNodes = this.nodes.filter((node) => node.phones.length >= 2);
  }

  /** Notifications sent so far, by name: the steady scenario sends every one of them. */
  get catalogueSent(): number {
    return Math.min(this.cursor, this.catalogue.length);
  }

  async tick(): Promise<void> {
    const { ctx } = this;
    this.tickCount += 1;
    const entry = this.catalogue[this.cursor % this.catalogue.length]!;
    this.cursor += 1;
    const node = ctx.rng.pick(this.nodes);
    // A Failure and its Operational (next in the catalogue) must come from the same system to clear.
    if (entry.role === 'failure') this.pairSender = node;
    const sender = entry.role === 'operational' ? (this.pairSender ?? node) : node;
    await ctx.trap(sender, entry.name, sampleValues(entry, sender));
    if (entry.role === 'problem' || entry.role === 'severity') this.clears.push({ at: this.tickCount + CLEAR_AFTER_TICKS, node: sender, entry });
    while (this.clears[0] && this.clears[0].at <= this.tickCount) {
      const due = this.clears.shift()!;
      await ctx.trap(due.node, due.entry.name, sampleValues(due.entry, due.node, 'cleared'));
    }
    const line = ctx.rng.pick(SYSLOG_LINES);
    await ctx.syslog(node, line.severity, line.text(node), this.tickCount % 5 === 0 ? 'tcp' : 'udp');
    if (this.tickCount % 5 === 1) {
      const ssa = ctx.rng.pick(SSA_TEXTS);
      await ctx.ssa(node, ssa.list, ssa.text, ctx.rng.chance(0.7));
    }
    if (this.tickCount % Math.max(1, Math.round(ctx.reportIntervalSeconds)) === 0) await this.rtcpRound();
  }

  /** Starts a call now (used by scenarios for calls they care about). */
  startCall(node: SimNode, impairment: Impairment, rounds = 6): SimCall | null {
    if (node.phones.length < 2) return null;
    const i = this.ctx.rng.int(0, node.phones.length - 2);
    const a = node.phones[i]!;
    const b = node.phones[i + 1]!;
    const call: SimCall = { id: this.nextCallId++, a: { address: a.address, cname: `${a.extension}@${a.address}` }, b: { address: b.address, cname: `${b.extension}@${b.address}` }, impairment, xr: true };
    this.calls.push({ call, round: 0, rounds });
    return call;
  }

  async rtcpRound(): Promise<void> {
    while (this.calls.length < this.options.concurrentCalls && this.phoneNodes.length > 0) {
      const poor = this.ctx.rng.chance(this.options.poorShare);
      this.startCall(this.ctx.rng.pick(this.phoneNodes), poor ? this.options.poor : CLEAN);
    }
    for (const active of [...this.calls]) {
      const last = active.round + 1 >= active.rounds;
      await this.ctx.rtcp(active.call, active.round, last);
      active.round += 1;
      if (last) this.calls.splice(this.calls.indexOf(active), 1);
    }
  }

  /** Ticks until the run is over. */
  async run(): Promise<void> {
    while (!this.ctx.stopped) {
      await this.tick();
      if (!(await this.ctx.wait(1))) break;
    }
  }
}
