// Child process (needs --expose-gc): 3,000 concurrent calls (6,000 reporting phones) every 5 s for ROUNDS
// rounds on a simulated clock, with call records and reports written to a real SQLite store each second.
//   node --expose-gc --import tsx bench/rtcp/steady.ts ROUNDS DATA_DIR
// Prints one JSON line of measurements.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { rtcpConfigSchema } from '../../collectors/rtcp/config.js';
import { createRtcpCollector } from '../../collectors/rtcp/index.js';
import { FleetIndex } from '../../src/fleet/fleet-index.js';
import { fleetSchema } from '../../src/fleet/fleet-schema.js';
import { DATABASE_FILE, openSqliteStore } from '../../src/storage/sqlite-store.js';
import { phoneAddress, phoneDirectory, report, REPORT_INTERVAL_MS, STREAMS } from './load.js';

const rounds = Number(process.argv[2] ?? 12);
const dataDir = process.argv[3]!;
const gc = (globalThis as { gc?: () => void }).gc!;
const NODES = 50;

const fleet = new FleetIndex(fleetSchema.parse({
  customers: [{ id: 'bench', name: 'Bench', sites: Array.from({ length: NODES }, (_, n) => ({ id: `site-${n}`, name: `Site ${n}`, timeZone: 'UTC', nodes: [{ id: `ipo-${n}`, name: `IPO ${n}`, role: 'ip500v2', addresses: [`192.0.2.${n + 1}`] }] })) }],
}));
const store = openSqliteStore(dataDir);
let now = Date.UTC(2026, 10, 21, 12, 0, 0);
const collector = createRtcpCollector(rtcpConfigSchema.parse({ enabled: true, maxStreams: 20000 }), {
  log: pino({ level: 'silent' }),
  clock: { now: () => now },
  emit: () => 'accepted',
  metrics: { received: () => undefined, accepted: () => undefined, refused: () => undefined, dropped: () => undefined },
  fleet,
  store,
  phones: phoneDirectory(STREAMS, (i) => `ipo-${i % NODES}`),
});
const datagrams = Array.from({ length: STREAMS }, (_, i) => report(i, 0));
const addresses = Array.from({ length: STREAMS }, (_, i) => phoneAddress(i));

gc();
const baseline = process.memoryUsage();
const roundMs: number[] = [];
const flushMs: number[] = [];
let handleMs = 0;
for (let round = 1; round <= rounds; round++) {
  // The datagrams change a little every round (sequence, loss), as real reports do.
  for (let i = 0; i < STREAMS; i++) datagrams[i] = report(i, round);
  const started = performance.now();
  // Spread over the 5 s like real phones: one fifth of the streams per simulated second, then a flush.
  for (let second = 0; second < 5; second++) {
    const h = performance.now();
    for (let i = second; i < STREAMS; i += 5) collector.handle(datagrams[i]!, addresses[i]!);
    handleMs += performance.now() - h;
    now += REPORT_INTERVAL_MS / 5;
    const f = performance.now();
    collector.flush();
    flushMs.push(performance.now() - f);
  }
  roundMs.push(performance.now() - started);
}
gc();
const after = process.memoryUsage();
const streams = collector.activeStreams();
const sorted = [...roundMs].sort((a, b) => a - b);
await collector.stop();
store.close(); // checkpoints the WAL into the file
const dbBytes = statSync(join(dataDir, DATABASE_FILE)).size;
const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const [calls, samples] = [count('qos_calls'), count('qos_samples')];
db.close();
process.stdout.write(JSON.stringify({
  streams,
  calls,
  rounds,
  heapBaselineMiB: baseline.heapUsed / 2 ** 20,
  heapAfterMiB: after.heapUsed / 2 ** 20,
  rssBaselineMiB: baseline.rss / 2 ** 20,
  rssAfterMiB: after.rss / 2 ** 20,
  roundMsMedian: sorted[Math.floor(sorted.length / 2)],
  roundMsMax: sorted.at(-1),
  flushMsMax: Math.max(...flushMs),
  flushMsTotal: flushMs.reduce((a, b) => a + b, 0),
  handleMs,
  reports: STREAMS * rounds,
  samples,
  dbBytes,
}) + '\n');
