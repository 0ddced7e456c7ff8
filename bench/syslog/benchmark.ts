import type { Benchmark } from '../benchmark.js';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { collectorCost } from './collector-cost.js';
import { startDgramTarget } from './dgram-target.js';
import { startIpoTarget } from './ipo-target.js';
import { ramp, type RampOptions, type RampResult } from './ramp.js';
import { renderSyslogReport } from './report.js';
import { startRsyslogTarget } from './rsyslog-target.js';
import type { Target } from './target.js';

/** What ours asks for; the kernel caps it at net.core.rmem_max. The references get what ours was granted. */
const RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

export const RAMP: RampOptions = {
  rates: [2_000, 5_000, 10_000, 20_000, 40_000, 80_000, 160_000],
  stepSeconds: 3,
  lossyStepsToStop: 2,
};
const QUICK_RAMP: RampOptions = { rates: [2_000, 10_000], stepSeconds: 1, lossyStepsToStop: 1 };

/**
 * Syslog over UDP at zero loss: ipo-observer (the real program, to its
 * SQLite store), rsyslog imudp → file, and a bare node:dgram counting loop,
 * one after the other on the same machine, each ramped the same way.
 */
export const benchmark: Benchmark = {
  name: 'syslog',
  async run(progress, { quick }) {
    const plan = quick ? QUICK_RAMP : RAMP;
    const dir = makeTempDir('ipo-observer-bench-');
    try {
      const ours = await measure(() => startIpoTarget(dir.path, RECEIVE_BUFFER_BYTES), plan, progress);
      const granted = ours.receiveBufferBytes;
      const rsyslog = await measure(() => startRsyslogTarget(dir.path, granted), plan, progress);
      const dgram = await measure(() => startDgramTarget(RECEIVE_BUFFER_BYTES), plan, progress);
      const collector = collectorCost();
      progress(`syslog collector alone: ${collector.microsecondsPerMessage} µs/message`);
      return { title: 'Syslog ingest over UDP at zero loss (bench/syslog)', markdown: renderSyslogReport({ ours, rsyslog, dgram, collector, ramp: plan }) };
    } finally {
      dir.remove();
    }
  },
};

async function measure(start: () => Promise<Target>, plan: RampOptions, progress: (line: string) => void): Promise<RampResult> {
  const target = await start();
  try {
    return await ramp(target, plan, progress);
  } finally {
    await target.stop();
  }
}
