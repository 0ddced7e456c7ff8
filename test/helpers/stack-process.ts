import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/ipo-observer.js', import.meta.url));
const START_TIMEOUT_MS = 20_000;

export interface StackProcess {
  child: ChildProcess;
  httpUrl: string;
  /** Ports by "<collector>/<transport>", e.g. "syslog/udp". */
  collectorPorts: Map<string, number>;
  logLines: Array<Record<string, unknown>>;
  /** SIGTERM, then waits for exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface StackProcessOptions {
  /** Node options before the program, e.g. ['--expose-gc'] (benchmarks). */
  nodeArgs?: string[];
  /** Added to this process's environment. */
  env?: Record<string, string>;
}

/**
 * Starts the real program (`bin/ipo-observer.js start --config FILE`) and
 * waits until the HTTP server and every collector have logged their bound
 * ports (tests configure port 0).
 */
export async function startStackProcess(configPath: string, expectedCollectors: string[], options: StackProcessOptions = {}): Promise<StackProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, 'start', '--config', configPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.env && { env: { ...process.env, ...options.env } }),
  });
  const logLines: Array<Record<string, unknown>> = [];
  const collectorPorts = new Map<string, number>();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  const ready = new Promise<string>((resolve, reject) => {
    let httpUrl: string | null = null;
    const timer = setTimeout(() => reject(new Error(`stack did not start in ${START_TIMEOUT_MS} ms; stderr: ${stderr}`)), START_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logLines.push(record);
      if (record['msg'] === 'http listening') httpUrl = `http://127.0.0.1:${String(record['port'])}`;
      if (record['msg'] === 'collector listening') collectorPorts.set(`${String(record['collector'])}/${String(record['transport'])}`, Number(record['port']));
      const collectorsReady = expectedCollectors.every((key) => collectorPorts.has(key));
      if (httpUrl && collectorsReady) {
        clearTimeout(timer);
        resolve(httpUrl);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stack exited with ${code} before it was ready; stderr: ${stderr}; log: ${JSON.stringify(logLines)}`));
    });
  });

  const httpUrl = await ready;
  return {
    child,
    httpUrl,
    collectorPorts,
    logLines,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      // 'close', not 'exit': the last log lines (read from its stdout) are in logLines once the pipes are drained.
      const [code] = (await once(child, 'close')) as [number | null];
      return code;
    },
  };
}
