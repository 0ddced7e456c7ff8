import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { waitQuiet, type Target } from './target.js';

const SCRIPT = fileURLToPath(new URL('dgram-counter.ts', import.meta.url));

/** The local limit: a bare node:dgram loop in its own process that only counts datagrams. */
export async function startDgramTarget(receiveBufferBytes: number): Promise<Target> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, String(receiveBufferBytes)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const next = async () => JSON.parse(((await once(lines, 'line')) as [string])[0]) as Record<string, number>;
  const bound = await next();
  const received = async () => {
    child.stdin.write('count\n');
    return (await next())['count']!;
  };
  return {
    name: 'node:dgram counting loop',
    pid: child.pid!,
    port: bound['port']!,
    receiveBufferBytes: bound['receiveBufferBytes']!,
    received,
    settle: () => waitQuiet(received, { quietMs: 300 }),
    async stop() {
      child.stdin.end();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}
