import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { startStackProcess, type StackProcess } from '../../test/helpers/stack-process.js';
import { hostnamedFleet } from './fleet.js';

const PROBE = fileURLToPath(new URL('gc-probe.mjs', import.meta.url));

export interface ProbedStack {
  stack: StackProcess;
  dataDir: string;
  /** process.memoryUsage() inside the program after a full garbage collection, in bytes. */
  memoryAfterGc(): Promise<NodeJS.MemoryUsage>;
}

/**
 * The real program (bin/ipo-observer.js, its own process) with a fleet of
 * `nodes` nodes, syslog on UDP, everything else as shipped (the email notifier
 * writes .eml files to its outbox folder). The GC probe (gc-probe.mjs) is
 * loaded beside it so memory can be read after a full collection.
 */
export async function startProbedObserver(dir: string, nodes: number): Promise<ProbedStack> {
  const dataDir = join(dir, 'data');
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    stringify({
      server: { http: { listenAddress: '127.0.0.1', port: 0 } },
      storage: { dataDir },
      // One sender (127.0.0.1) stands for 2,000 nodes: the per-source rate limit would measure itself, not the program.
      collectors: { syslog: { udp: { listenAddress: '127.0.0.1', port: 0, receiveBufferBytes: 4 * 1024 * 1024 }, rateLimit: { perSourcePerSecond: 0 } } },
      fleet: hostnamedFleet(nodes),
    }),
  );
  const memoryFile = join(dir, 'memory.json');
  const stack = await startStackProcess(config, ['syslog/udp'], { nodeArgs: ['--expose-gc', '--import', PROBE], env: { IPO_BENCH_MEMORY_FILE: memoryFile } });
  return {
    stack,
    dataDir,
    async memoryAfterGc() {
      rmSync(memoryFile, { force: true });
      stack.child.kill('SIGUSR2');
      const deadline = Date.now() + 30_000;
      while (!existsSync(memoryFile)) {
        if (Date.now() > deadline) throw new Error('the GC probe did not answer: is bench/memory/gc-probe.mjs loaded?');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return JSON.parse(readFileSync(memoryFile, 'utf8')) as NodeJS.MemoryUsage;
    },
  };
}
