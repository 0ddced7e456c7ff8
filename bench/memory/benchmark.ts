import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark } from '../benchmark.js';
import { metricValue } from '../../test/helpers/http-json.js';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { memoryMiB } from '../syslog/proc-stats.js';
import { getTextRetrying, outboxDrained, timeGets } from './api-latency.js';
import { startProbedObserver, type ProbedStack } from './observer.js';
import { renderMemoryReport, type MemoryState } from './report.js';
import { seedAlarms, type SeedOptions } from './seed.js';

const FULL: SeedOptions = { alarms: 100_000, nodes: 2000, rate: 1000, rounds: 5 };
const QUICK: SeedOptions = { alarms: 2_000, nodes: 200, rate: 1000, rounds: 2 };
const API_REPEATS = 20;
const EXAMPLE_NODE = 'node-17';

/** Memory and API answers of the real program with 2,000 nodes and 100,000 open alarms, beside the same process empty. */
export const benchmark: Benchmark = {
  name: 'memory',
  async run(progress, { quick }) {
    const plan = quick ? QUICK : FULL;
    const dir = makeTempDir('ipo-bench-memory-');
    let probed: ProbedStack | null = null;
    try {
      probed = await startProbedObserver(dir.path, plan.nodes);
      const { stack } = probed;
      const empty = await measureState(probed);
      progress(`empty: RSS ${mib(empty.memory.rss)} MiB, heap ${mib(empty.memory.heapUsed)} MiB`);
      const seed = await seedAlarms(stack.httpUrl, stack.collectorPorts.get('syslog/udp')!, probed.dataDir, plan, progress);
      const drained = await outboxDrained(stack.httpUrl, 120_000);
      const loaded = await measureState(probed);
      progress(`${seed.open} open: RSS ${mib(loaded.memory.rss)} MiB, heap ${mib(loaded.memory.heapUsed)} MiB, first page ${loaded.openPage.first.toFixed(0)} ms`);
      return {
        title: `Memory with ${plan.nodes.toLocaleString('en')} nodes and ${plan.alarms.toLocaleString('en')} open alarms`,
        markdown: renderMemoryReport({ seed: { ...plan, ...seed }, outboxDrained: drained, empty, loaded, exampleNode: EXAMPLE_NODE }),
      };
    } finally {
      await probed?.stack.stop();
      dir.remove();
    }
  },
};

async function measureState(probed: ProbedStack): Promise<MemoryState> {
  const url = probed.stack.httpUrl;
  const openPage = await timeGets(`${url}/api/v1/alarms?state=open`, API_REPEATS, 'alarms');
  const nodePage = await timeGets(`${url}/api/v1/alarms?state=open&node=${EXAMPLE_NODE}`, API_REPEATS, 'alarms');
  const metrics = await getTextRetrying(`${url}/metrics`);
  return {
    groupedTransitions: metricValue(metrics, 'ipo_notifier_grouped', { notifier: 'email' }),
    memory: await probed.memoryAfterGc(),
    peakRssMiB: memoryMiB(probed.stack.child.pid!).peak,
    databaseBytes: readdirSync(probed.dataDir).reduce((sum, name) => {
      const stat = statSync(join(probed.dataDir, name));
      return sum + (stat.isFile() ? stat.size : 0);
    }, 0),
    openPage,
    nodePage,
  };
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
