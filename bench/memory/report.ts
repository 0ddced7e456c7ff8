import { ms, ratio, summarise } from '../shared/latency-summary.js';
import type { ApiTiming } from './api-latency.js';
import type { SeedOptions, SeedResult } from './seed.js';

/** One state of the program: empty store (the reference) or with the alarms open. */
export interface MemoryState {
  memory: NodeJS.MemoryUsage;
  /** VmHWM so far, MiB. */
  peakRssMiB: number;
  databaseBytes: number;
  openPage: ApiTiming;
  nodePage: ApiTiming;
  /** `ipo_notifier_grouped{notifier="email"}`: transitions waiting in the notifier's groups. */
  groupedTransitions: number;
}

export interface MemoryBenchResults {
  seed: SeedOptions & SeedResult;
  outboxDrained: boolean;
  empty: MemoryState;
  loaded: MemoryState;
  exampleNode: string;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

export function renderMemoryReport(r: MemoryBenchResults): string {
  const { empty, loaded, seed } = r;
  const bytesRow = (label: string, pick: (s: MemoryState) => number) => `| ${label} | ${mib(pick(empty))} | ${mib(pick(loaded))} | ${ratio(pick(loaded), pick(empty))} |`;
  const msRow = (label: string, pick: (s: MemoryState) => number) => `| ${label} | ${ms(pick(empty))} | ${ms(pick(loaded))} | ${ratio(pick(loaded), pick(empty))} |`;
  const median = (t: ApiTiming) => summarise(t.rest).median;
  const p95 = (t: ApiTiming) => summarise(t.rest).p95;
  const repeats = empty.openPage.rest.length;
  return [
    `The real program (\`bin/ipo-observer.js\`, its own process) with a fleet of ${seed.nodes.toLocaleString('en')} nodes (100 customers, one site each),`,
    'syslog on UDP and everything else as shipped (the email notifier writing to its outbox folder, retention, stale-alarm timer).',
    `${seed.alarms.toLocaleString('en')} alarms are raised through its front door: IP Office "Alarm: Trunk:" lines over UDP on 127.0.0.1, ${(seed.alarms / seed.nodes).toLocaleString('en')} per node,`,
    `offered at ${seed.rate.toLocaleString('en')}/s; what was dropped before acceptance is sent again (${seed.rounds} round${seed.rounds === 1 ? '' : 's'}, ${seed.sent.toLocaleString('en')} lines, of which`,
    `${seed.accepted.toLocaleString('en')} accepted, ${seed.queueFull.toLocaleString('en')} refused with the pipeline queue full and ${(seed.sent - seed.accepted - seed.queueFull).toLocaleString('en')} lost in the kernel): **${seed.open.toLocaleString('en')} alarms open**`,
    `after ${seed.seconds.toFixed(1)} s, drained and stored (${Math.round(seed.open / seed.seconds).toLocaleString('en')}/s all in; the offered rate bounds it, the engine section has the limit).`,
    `${r.outboxDrained ? 'The notifier then took every outbox row' : '**The notifier had not taken every outbox row** when memory was read'}. Memory is read inside the program after a full garbage collection`,
    '(`bench/memory/gc-probe.mjs`, loaded with `--expose-gc`); the API is timed from this process, one request after another.',
    `The **reference** is the same process before the first alarm: the same fleet, an empty store.`,
    '',
    '| measure | empty store (reference) | alarms open | ratio |',
    '|---|---|---|---|',
    bytesRow('RSS after GC', (s) => s.memory.rss),
    `| peak RSS so far (VmHWM) | ${empty.peakRssMiB} MiB | ${loaded.peakRssMiB} MiB | ${ratio(loaded.peakRssMiB, empty.peakRssMiB)} |`,
    bytesRow('V8 heap used after GC', (s) => s.memory.heapUsed),
    bytesRow('V8 heap total', (s) => s.memory.heapTotal),
    bytesRow('external (native, incl. buffers)', (s) => s.memory.external),
    bytesRow('SQLite files on disk', (s) => s.databaseBytes),
    msRow('`GET /api/v1/alarms?state=open` (first page), first request', (s) => s.openPage.first),
    msRow(`… median of the next ${repeats}`, (s) => median(s.openPage)),
    msRow(`… p95 of the next ${repeats}`, (s) => p95(s.openPage)),
    msRow(`\`GET /api/v1/alarms?state=open&node=${r.exampleNode}\`, median of ${repeats}`, (s) => median(s.nodePage)),
    '',
    `The first page holds ${loaded.openPage.items} alarms (${(loaded.openPage.bytes / 1024).toFixed(0)} KiB of JSON); one node's page ${loaded.nodePage.items}.`,
    `Per open alarm: ${((loaded.memory.heapUsed - empty.memory.heapUsed) / Math.max(1, seed.open)).toFixed(0)} bytes of V8 heap and ${((loaded.memory.rss - empty.memory.rss) / Math.max(1, seed.open)).toFixed(0)} bytes of RSS (SQLite's page cache included).`,
    'The open alarms themselves are not held in memory (the engine section). What the heap holds is the email notifier\'s',
    `groups: when memory was read, ${loaded.groupedTransitions.toLocaleString('en')} alarm transitions (\`ipo_notifier_grouped\`) were waiting in their group for the group`,
    'interval (5 minutes by default, counted from each group\'s first email), one compact entry each (`notifiers/pending-delivery.ts`;',
    'the whole delivery is in the store), and per group the ids of the alarms it told firing, for reminders. The entries leave at the',
    'next flush, so this part follows the rate of new alarms over the last group interval, not the number open.',
    '',
  ].join('\n');
}
