import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../src/storage/sqlite-store.js';
import { getText, metricValue } from '../../test/helpers/http-json.js';
import { startStackProcess } from '../../test/helpers/stack-process.js';
import { MSGNUM, checkSequence, waitQuiet, type Target } from './target.js';

/**
 * ipo-observer as it runs in production: the real program (bin/ipo-observer.js)
 * with a temporary data folder, syslog on UDP 127.0.0.1. What it stored is read
 * back from its SQLite file (read-only, beside the running program).
 */
export async function startIpoTarget(dir: string, receiveBufferBytes: number): Promise<Target> {
  const config = join(dir, 'ipo-observer.yaml');
  const dataDir = join(dir, 'ipo-data');
  writeFileSync(
    config,
    `server: { http: { listenAddress: 127.0.0.1, port: 0 } }
storage: { dataDir: ${dataDir} }
log: { level: info }
collectors:
  syslog:
    udp: { listenAddress: 127.0.0.1, port: 0, receiveBufferBytes: ${receiveBufferBytes} }
    rateLimit: { perSourcePerSecond: 0 }   # the bench is one sender at full speed: measure the collector, not the limit
`,
  );
  const stack = await startStackProcess(config, ['syslog/udp']);
  const metrics = async () => getText(`${stack.httpUrl}/metrics`);
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  const count = db.prepare("SELECT count(*) AS n FROM events WHERE source = 'syslog'");
  const rowsAfter = db.prepare("SELECT id, text FROM events WHERE source = 'syslog' AND id > ? ORDER BY id").raw();
  let lastId = 0;
  const seqs: number[] = [];
  const text = await metrics();
  return {
    name: 'ipo-observer (syslog UDP → pipeline → SQLite)',
    pid: stack.child.pid!,
    port: stack.collectorPorts.get('syslog/udp')!,
    receiveBufferBytes: metricValue(text, 'ipo_syslog_udp_receive_buffer_bytes'),
    received: async () => (count.get() as { n: number }).n,
    async settle() {
      const received = async () => metricValue(await metrics(), 'ipo_collector_received_total', { collector: 'syslog' });
      await waitQuiet(received, {
        quietMs: 300,
        ready: async () => {
          const m = await metrics();
          return metricValue(m, 'ipo_pipeline_queue_depth') === 0 && metricValue(m, 'ipo_pipeline_events_stored_total', { source: 'syslog' }) >= metricValue(m, 'ipo_collector_accepted_total', { collector: 'syslog' });
        },
      });
    },
    async sequenceCheck(first, n) {
      // Events are read once, in id order; each step checks its own range among all seen so far.
      for (const [id, t] of rowsAfter.all(lastId) as Array<[number, string]>) {
        lastId = id;
        seqs.push(Number(MSGNUM.exec(t)?.[1] ?? -1));
      }
      return checkSequence(seqs, first, n);
    },
    async counters() {
      const m = await metrics();
      const c = { collector: 'syslog' };
      return {
        received: metricValue(m, 'ipo_collector_received_total', c),
        accepted: metricValue(m, 'ipo_collector_accepted_total', c),
        dropped: metricValue(m, 'ipo_collector_dropped_total', { collector: 'syslog', reason: 'queue-full' }),
        stored: metricValue(m, 'ipo_pipeline_events_stored_total', { source: 'syslog' }),
      };
    },
    async stop() {
      db.close();
      await stack.stop();
    },
  };
}
