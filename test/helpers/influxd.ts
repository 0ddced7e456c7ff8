import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { eventually } from './eventually.js';
import { makeTempDir } from './temp-dir.js';

const INFLUXD = '/usr/bin/influxd';

export interface InfluxSeries {
  name: string;
  tags?: Record<string, string>;
  columns: string[];
  values: unknown[][];
}

export interface InfluxdProcess {
  url: string;
  /** Runs InfluxQL (GET /query) and returns the series of the first statement; throws on an error. */
  query(q: string, db?: string): Promise<InfluxSeries[]>;
  /** Rows of the first series as objects keyed by column. */
  rows(q: string, db?: string): Promise<Array<Record<string, unknown>>>;
  createDatabase(name: string): Promise<void>;
  /** SIGTERM (or the signal given, e.g. SIGKILL for a crash) and wait for the exit; the data folder stays, so start() brings the same data back. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same ports and data folder. */
  start(): Promise<void>;
}

/** A free TCP port on 127.0.0.1: influxd cannot bind port 0, so bind one ourselves and release it. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Starts Debian's influxd (1.6) with a private config: HTTP and RPC on 127.0.0.1 only, data in `dir`, reporting,
 * the _internal monitor, logging of requests and queries off. Resolves once /ping answers 204.
 */
export async function startInfluxd(dir: string): Promise<InfluxdProcess> {
  const [httpPort, rpcPort] = [await freePort(), await freePort()];
  mkdirSync(dir, { recursive: true });
  const configPath = join(dir, 'influxdb.conf');
  writeFileSync(configPath, influxdConfig(dir, httpPort, rpcPort));
  const url = `http://127.0.0.1:${httpPort}`;
  let child: ChildProcess | null = null;
  let output = '';

  const start = async () => {
    output = '';
    child = spawn(INFLUXD, ['run', '-config', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await eventually(
      async () => {
        if (child?.exitCode !== null) throw new Error(`influxd exited with ${String(child?.exitCode)}: ${output}`);
        const response = await fetch(`${url}/ping`);
        if (response.status !== 204) throw new Error(`/ping answered ${response.status}`);
      },
      { timeoutMs: 15_000, message: 'influxd should answer /ping' },
    );
  };

  const query = async (q: string, db?: string): Promise<InfluxSeries[]> => {
    const params = new URLSearchParams({ q, epoch: 'ms' });
    if (db) params.set('db', db);
    const response = await fetch(`${url}/query`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: params });
    const body = (await response.json()) as { error?: string; results?: Array<{ error?: string; series?: InfluxSeries[] }> };
    const result = body.results?.[0];
    if (response.status !== 200 || body.error || result?.error) throw new Error(`InfluxQL failed (${response.status}): ${body.error ?? result?.error}; query: ${q}`);
    return result?.series ?? [];
  };

  await start();
  return {
    url,
    query,
    async rows(q, db) {
      const [series] = await query(q, db);
      if (!series) return [];
      return series.values.map((row) => Object.fromEntries(series.columns.map((column, i) => [column, row[i]])));
    },
    async createDatabase(name) {
      await query(`CREATE DATABASE "${name}"`);
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      running.kill(signal);
      await once(running, 'exit');
    },
    start,
  };
}

/**
 * A temp folder and influxd in `<dir>/influxd` with database "ipo", for one test. After the test, `stopFirst` (what
 * writes to InfluxDB: a sink, a stack) stops, then influxd, then the folder goes.
 */
export async function startTestInfluxd(t: TestContext, stopFirst: () => Promise<unknown> = async () => {}): Promise<{ dir: string; influx: InfluxdProcess }> {
  const dir = makeTempDir();
  let influx: InfluxdProcess | null = null;
  t.after(async () => {
    await stopFirst();
    await influx?.stop();
    dir.remove();
  });
  influx = await startInfluxd(join(dir.path, 'influxd'));
  await influx.createDatabase('ipo');
  return { dir: dir.path, influx };
}

function influxdConfig(dir: string, httpPort: number, rpcPort: number): string {
  return `reporting-enabled = false
bind-address = "127.0.0.1:${rpcPort}"

[meta]
  dir = "${join(dir, 'meta')}"

[data]
  dir = "${join(dir, 'data')}"
  wal-dir = "${join(dir, 'wal')}"
  query-log-enabled = false

[http]
  enabled = true
  bind-address = "127.0.0.1:${httpPort}"
  log-enabled = false
  pprof-enabled = false

[ifql]
  enabled = false

[monitor]
  store-enabled = false

[continuous_queries]
  enabled = false

[logging]
  level = "warn"
`;
}
