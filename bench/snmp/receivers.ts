import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { startDgramCounter as startSharedDgramCounter } from '../shared/dgram-counter.js';
import { snmpConfigSchema } from '../../collectors/snmp/config.js';
import { createSnmpCollector } from '../../collectors/snmp/index.js';
import { correlationConfigSchema } from '../../src/correlation/policy.js';
import { CorrelationEngine } from '../../src/correlation/engine.js';
import { emptyRuleMatcher } from '../../src/correlation/rule-matcher.js';
import { FleetIndex } from '../../src/fleet/fleet-index.js';
import { fleetSchema } from '../../src/fleet/fleet-schema.js';
import { recordDecision } from '../../src/pipeline/record-decision.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { startTool } from '../../test/helpers/start-tool.js';

/** A receiver under test: where to send, how many it has fully processed and when it last made progress. */
export interface Receiver {
  port: number;
  processed(): number;
  lastProgressAt(): number;
  /** Sequence numbers it processed, for the loss check (null when it cannot say). */
  sequences(): number[] | null;
  stop(): Promise<void>;
}

const RECV_BUFFER = 4 * 1024 * 1024; // snmptrapd's serverRecvBuf, the same as the shared dgram counter's
const SEQ = /seq=(\d+)/;

/** The reference ceiling: a node:dgram socket that only counts. */
export async function startDgramCounter(): Promise<Receiver> {
  return { ...(await startSharedDgramCounter()), sequences: () => null };
}

/**
 * ipo-observer: the SNMP collector (listener, BER check, net-snmp decode,
 * RFC 3584, identity, allowlists, mapping) and then the correlation engine
 * with an in-memory store, run synchronously for every event as it is
 * accepted, so "processed" means decoded, mapped and correlated.
 */
export async function startObserver(): Promise<Receiver> {
  const fleet = new FleetIndex(fleetSchema.parse({ customers: [{ id: 'bench', name: 'Bench', sites: [{ id: 'lab', name: 'Lab', timeZone: 'UTC', nodes: [{ id: 'ipo', name: 'IPO', role: 'ip500v2', addresses: ['127.0.0.1'], deviceId: 'IPO0000001' }] }] }] }));
  const store = new MemoryStore();
  const policy = correlationConfigSchema.parse({});
  const engine = new CorrelationEngine({ clock: { now: () => Date.now() }, fleet, alarms: store, rules: () => emptyRuleMatcher, silences: () => [], policy, inhibitRules: policy.inhibitRules });
  const seqs: number[] = [];
  let last = 0;
  const refused: Record<string, number> = {};
  const collector = createSnmpCollector(snmpConfigSchema.parse({ enabled: true, traps: { listenAddress: '127.0.0.1', port: 0 }, polling: { enabled: false }, rateLimit: { perSourcePerSecond: 0 } }), {
    log: pino({ level: 'silent' }),
    clock: { now: () => Date.now() },
    fleet,
    metrics: { received: () => undefined, accepted: () => undefined, dropped: () => undefined, refused: (reason) => void (refused[reason] = (refused[reason] ?? 0) + 1) },
    emit: (event) => {
      const decision = engine.decide(event);
      recordDecision(store, decision);
      const seq = SEQ.exec(String(decision.event.attributes['alarmDescription'] ?? ''));
      if (seq) seqs.push(Number(seq[1]));
      last = performance.now();
      return 'accepted';
    },
  });
  await collector.start();
  return {
    port: collector.endpoints()[0]!.port!,
    processed: () => seqs.length,
    lastProgressAt: () => last,
    sequences: () => seqs,
    stop: () => collector.stop(),
  };
}

/** Debian's snmptrapd (net-snmp 5.9.3), logging every trap to a file; counts the logged sequence numbers. */
export async function startSnmptrapd(dir: string, port: number): Promise<Receiver> {
  const conf = join(dir, 'snmptrapd.conf');
  const logFile = join(dir, `snmptrapd-${port}.log`);
  writeFileSync(conf, ['authCommunity log public', `[snmp] serverRecvBuf ${RECV_BUFFER}`, ''].join('\n'));
  writeFileSync(logFile, '');
  const snmptrapd = startTool('/usr/sbin/snmptrapd', ['-f', '-n', '-On', '-m', '', '-C', '-c', conf, '-Lf', logFile, '-F', '%v\n', `udp:127.0.0.1:${port}`], {
    env: { ...process.env, SNMP_PERSISTENT_DIR: dir, MIBS: '' },
  });
  let count = 0;
  let last = 0;
  const read = () => {
    const matches = readFileSync(logFile, 'latin1').match(/seq=\d+/g)?.length ?? 0;
    if (matches !== count) {
      count = matches;
      last = performance.now();
    }
  };
  // snmptrapd writes "NET-SNMP version … started" to its log when it listens.
  const deadline = Date.now() + 10_000;
  while (!/NET-SNMP version/.test(readFileSync(logFile, 'latin1'))) {
    if (Date.now() > deadline || snmptrapd.child.exitCode !== null) throw new Error(`snmptrapd did not start: ${snmptrapd.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const timer = setInterval(read, 20);
  return {
    port,
    processed: () => (read(), count),
    lastProgressAt: () => last,
    sequences: () => (readFileSync(logFile, 'latin1').match(/seq=\d+/g) ?? []).map((s) => Number(s.slice(4))),
    async stop() {
      clearInterval(timer);
      await snmptrapd.stop();
    },
  };
}
