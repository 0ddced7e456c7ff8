import type { Benchmark } from '../benchmark.js';
import { runRtcpBenchmark } from './index.js';

/** bench/run.ts finds this: RTCP reports parsed, attributed and stored, and memory for 3,000 calls, beside a bare node:dgram loop. */
export const benchmark: Benchmark = {
  name: 'rtcp',
  run: async (progress, { quick }) => runRtcpBenchmark({ progress, ...(quick && { rounds: 4, scenarios: [{ rate: 1_200, count: 2_400 }, { rate: 0, count: 5_000 }] }) }),
};
