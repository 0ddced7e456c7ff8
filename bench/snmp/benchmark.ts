import type { Benchmark } from '../benchmark.js';
import { runSnmpBenchmark } from './index.js';

/** bench/run.ts finds this: SNMP trap ingest beside snmptrapd and a bare node:dgram loop. */
export const benchmark: Benchmark = {
  name: 'snmp',
  run: async (progress, { quick }) => {
    const scenarios = quick ? [{ rate: 2_000, count: 2_000 }, { rate: 0, count: 2_000 }] : undefined;
    const { title, markdown } = await runSnmpBenchmark({ progress, ...(scenarios && { scenarios }) });
    return { title, markdown };
  },
};
