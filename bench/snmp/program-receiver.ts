import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { DATABASE_FILE } from '../../src/storage/sqlite-store.js';
import { getText, metricValue } from '../../test/helpers/http-json.js';
import { startStackProcess } from '../../test/helpers/stack-process.js';
import type { Receiver } from './receivers.js';

const SEQ = /seq=(\d+)/;
const POLL_MS = 20;

/** What the program says it accepted, beside what it stored: their difference is loss after acceptance. */
export interface ProgramReceiver extends Receiver {
  /** Waits (at most 30 s) until the pipeline queue is empty and everything accepted is stored, then reads its counters. */
  drainedCounters(): Promise<{ accepted: number; queueFull: number }>;
}

/**
 * ipo-observer as it runs in production: the real program
 * (bin/ipo-observer.js, its own process) with the SNMP collector on UDP
 * 127.0.0.1 and everything behind it (pipeline, correlation, SQLite). What it
 * stored is read from its SQLite file (read-only, beside it): processed means
 * stored, and the sequence check reads the stored traps.
 */
export async function startProgram(dir: string, name: string): Promise<ProgramReceiver> {
  const home = join(dir, name);
  mkdirSync(home, { recursive: true });
  const config = join(home, 'config.yaml');
  writeFileSync(
    config,
    stringify({
      server: { http: { listenAddress: '127.0.0.1', port: 0 } },
      storage: { dataDir: join(home, 'data') },
      // One sender at full speed: the per-source rate limit would measure itself, not the program.
      collectors: { snmp: { enabled: true, traps: { listenAddress: '127.0.0.1', port: 0 }, polling: { enabled: false }, rateLimit: { perSourcePerSecond: 0 } } },
      fleet: { customers: [{ id: 'bench', name: 'Bench', sites: [{ id: 'lab', name: 'Lab', timeZone: 'UTC', nodes: [{ id: 'ipo', name: 'IPO', role: 'ip500v2', addresses: ['127.0.0.1'], deviceId: 'IPO0000001' }] }] }] },
    }),
  );
  const stack = await startStackProcess(config, ['snmp/udp']);
  const db = new Database(join(home, 'data', DATABASE_FILE), { readonly: true, fileMustExist: true });
  const count = db.prepare("SELECT count(*) AS n FROM events WHERE source = 'snmp'");
  const rows = db.prepare("SELECT attributes FROM events WHERE source = 'snmp'").raw();
  let stored = 0;
  let last = 0;
  const read = () => {
    const now = (count.get() as { n: number }).n;
    if (now !== stored) {
      stored = now;
      last = performance.now();
    }
  };
  const timer = setInterval(read, POLL_MS);
  return {
    port: stack.collectorPorts.get('snmp/udp')!,
    processed: () => (read(), stored),
    lastProgressAt: () => last,
    sequences: () => (rows.all() as Array<[string]>).map(([attributes]) => Number(SEQ.exec(attributes)?.[1] ?? -1)),
    async drainedCounters() {
      // A quiet spell is not proof: under load a store transaction may stall longer than the sender's settle wait.
      const deadline = Date.now() + 30_000;
      for (;;) {
        const m = await getText(`${stack.httpUrl}/metrics`);
        const accepted = metricValue(m, 'ipo_collector_accepted_total', { collector: 'snmp' });
        const drained = metricValue(m, 'ipo_pipeline_queue_depth') === 0 && metricValue(m, 'ipo_pipeline_events_stored_total', { source: 'snmp' }) >= accepted;
        if (drained || Date.now() > deadline) return { accepted, queueFull: metricValue(m, 'ipo_collector_dropped_total', { collector: 'snmp', reason: 'queue-full' }) };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      clearInterval(timer);
      db.close();
      await stack.stop();
    },
  };
}
