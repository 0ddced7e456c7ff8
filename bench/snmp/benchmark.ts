import type { Benchmark } from '../benchmark.js';
import { runSnmpBenchmark } from './index.js';

/** bench/run.ts finds this: SNMP trap ingest beside snmptrapd and a bare node:dgram loop. */
export const benchmark: Benchmark = {
  name: 'snmp',
  run: async (progress) => {
    const { title, markdown } = await runSnmpBenchmark({ progress });
    return { title, markdown };
  },
};
