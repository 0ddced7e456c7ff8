import Database from 'better-sqlite3';
import { createSocket } from 'node:dgram';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../src/storage/sqlite-store.js';
import { metricValue } from '../../test/helpers/http-json.js';
import { getTextRetrying } from './api-latency.js';
import { trunkAlarmLine, trunkOf } from '../shared/alarm-line.js';
import { alarmOf, indexOf, memoryBenchHost, missingAlarms } from './fleet.js';

export interface SeedOptions {
  alarms: number;
  nodes: number;
  /** Alarm lines per second offered to the program. */
  rate: number;
  /** Rounds that send again what is not open yet (a datagram the kernel dropped). */
  rounds: number;
}

export interface SeedResult {
  open: number;
  /** Lines sent over all rounds. */
  sent: number;
  rounds: number;
  /** Lines the collector accepted into the pipeline. */
  accepted: number;
  /** Lines refused because the pipeline queue was full (`ipo_collector_dropped_total{reason="queue-full"}`). */
  queueFull: number;
  /** From the first line sent until the program's queue was empty and everything accepted stored. */
  seconds: number;
}

/**
 * Raises `alarms` distinct alarms through the program's front door: IP Office
 * "Alarm: Trunk:" lines over UDP, alarm i on node i mod nodes, paced; after
 * each round, the open alarms are read from the program's SQLite file
 * (read-only, beside it) and whatever is missing is sent again.
 */
export async function seedAlarms(httpUrl: string, syslogPort: number, dataDir: string, options: SeedOptions, progress: (line: string) => void): Promise<SeedResult> {
  const socket = createSocket({ type: 'udp4', sendBufferSize: 4 * 1024 * 1024 });
  await new Promise<void>((resolve) => socket.connect(syslogPort, '127.0.0.1', resolve));
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  const openAlarms = db.prepare("SELECT node_id, text FROM alarms WHERE state != 'cleared'").raw();
  const started = performance.now();
  let sent = 0;
  let rounds = 0;
  let open = 0;
  let accepted = 0;
  let queueFull = 0;
  try {
    let todo = Array.from({ length: options.alarms }, (_, i) => i);
    while (todo.length > 0 && rounds < options.rounds) {
      rounds++;
      await sendPaced(todo, options, (line) => socket.send(line));
      sent += todo.length;
      await settle(httpUrl);
      const m = await getTextRetrying(`${httpUrl}/metrics`);
      accepted = metricValue(m, 'ipo_collector_accepted_total', { collector: 'syslog' });
      queueFull = metricValue(m, 'ipo_collector_dropped_total', { collector: 'syslog', reason: 'queue-full' });
      const present = (openAlarms.all() as Array<[string | null, string]>).map(([node, text]) => indexOf(node, trunkOf(text), options.nodes)).filter((i): i is number => i !== null);
      open = present.length;
      todo = missingAlarms(options.alarms, present);
      progress(`round ${rounds}: ${open.toLocaleString('en')} alarms open, ${todo.length.toLocaleString('en')} to send again`);
    }
    return { open, sent, rounds, accepted, queueFull, seconds: (performance.now() - started) / 1000 };
  } finally {
    db.close();
    socket.close();
  }
}

async function sendPaced(indices: number[], options: SeedOptions, send: (line: Buffer) => void): Promise<void> {
  const started = performance.now();
  let next = 0;
  while (next < indices.length) {
    const due = Math.min(indices.length, Math.floor(((performance.now() - started) / 1000) * options.rate) + 1);
    for (; next < due; next++) {
      const { node, trunk } = alarmOf(indices[next]!, options.nodes);
      send(trunkAlarmLine(memoryBenchHost(node), trunk));
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Until the queue is empty, everything accepted is stored, and nothing new arrived for a second (at most 5 minutes). */
async function settle(httpUrl: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  let last = -1;
  while (Date.now() < deadline) {
    const m = await getTextRetrying(`${httpUrl}/metrics`);
    const received = metricValue(m, 'ipo_collector_received_total', { collector: 'syslog' });
    const drained = metricValue(m, 'ipo_pipeline_queue_depth') === 0 && metricValue(m, 'ipo_pipeline_events_stored_total', { source: 'syslog' }) >= metricValue(m, 'ipo_collector_accepted_total', { collector: 'syslog' });
    if (drained && received === last) return;
    last = received;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
