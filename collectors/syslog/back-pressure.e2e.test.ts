import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { test, type TestContext } from 'node:test';
import { pino } from 'pino';
import { makeStageContext } from '../../test/fakes/stage-context.js';
import { eventually } from '../../test/helpers/eventually.js';
import { metricValue } from '../../test/helpers/http-json.js';
import { sendUdp } from '../../test/helpers/send-udp.js';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { makeTestCertificates } from '../../test/helpers/test-certs.js';
import { systemClock } from '../../src/clock.js';
import { configSchema } from '../../src/config/schema.js';
import { CorrelationEngine } from '../../src/correlation/engine.js';
import { registerCollectorMetrics } from '../../src/metrics/collector-metrics.js';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { createCollectors } from '../../src/pipeline/collectors.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { PipelineMetrics } from '../../src/pipeline/pipeline-metrics.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { openSqliteStore } from '../../src/storage/sqlite-store.js';

const LINES = 20_000;
const CAPACITY = 100;
// ~12 MB in all: more than the loopback socket buffers take in while we do not read (about 4 MB measured here).
const PADDING = 'x'.repeat(600);

/** The real SQLite store, refusing to write while `stalled` (a disk that hangs): the pipeline retries every second. */
function stallingStore(dataDir: string) {
  const store = openSqliteStore(dataDir);
  const control = { stalled: true };
  const transaction = store.transaction.bind(store);
  store.transaction = <T>(fn: () => T): T => {
    if (control.stalled) throw new Error('store stalled (test)');
    return transaction(fn);
  };
  return { store, control };
}

const frame = (seq: number) => {
  const message = `<134>Nov 21 05:10:17 ipo-hq IPOffice: seq ${seq} ${PADDING}`;
  return `${Buffer.byteLength(message)} ${message}`;
};

/**
 * A collector with a real pipeline (queue of 100) and SQLite store, stalled at
 * first; one client writes LINES octet-counted lines as fast as its socket
 * takes them. Returns what the test asserts on.
 */
async function streamThroughStall(t: TestContext, transport: 'tcp' | 'tls') {
  const dir = makeTempDir();
  const { store, control } = stallingStore(dir.path);
  const registry = new MetricsRegistry();
  const pipeline = new Pipeline({
    store,
    engine: new CorrelationEngine(makeStageContext(new MemoryStore(), { alarms: store, silences: () => store.listSilences() })),
    queueCapacity: CAPACITY,
    batchSize: 10,
    log: pino({ level: 'silent' }),
    metrics: new PipelineMetrics(registry),
  });
  const certs = transport === 'tls' ? await makeTestCertificates(dir.path) : null;
  const config = configSchema.parse({
    collectors: {
      syslog: {
        udp: { listenAddress: '127.0.0.1', port: 0 },
        [transport]: { enabled: true, listenAddress: '127.0.0.1', port: 0, ...(certs && { certFile: certs.serverCert, keyFile: certs.serverKey }) },
        rateLimit: { perSourcePerSecond: 0 },
      },
    },
  });
  const [syslog] = createCollectors(config, { pipeline, log: pino({ level: 'silent' }), clock: systemClock, metrics: registerCollectorMetrics(registry), registry });
  const collector = syslog!.collector;
  let socket: Socket | null = null;
  t.after(async () => {
    socket?.destroy();
    await collector.stop();
    await pipeline.stop();
    store.close();
    dir.remove();
  });
  const stored: number[] = [];
  pipeline.addListener((recorded) => {
    for (const { event } of recorded) {
      const seq = /seq (\d+)/.exec(event.text)?.[1];
      if (seq !== undefined && event.attributes['listener'] === transport) stored.push(Number(seq));
    }
  });
  pipeline.start();
  await collector.start();
  const endpoint = (kind: string) => collector.endpoints().find((e) => e.transport === kind)!.port!;
  const metric = (name: string, labels: Record<string, string> = {}) => metricValue(registry.render(), name, labels);

  const port = endpoint(transport);
  const client = certs ? connectTls({ host: '127.0.0.1', port, ca: readFileSync(certs.ca) }) : connectTcp({ host: '127.0.0.1', port });
  socket = client;
  await once(client, certs ? 'secureConnect' : 'connect');
  const progress = { sent: 0, waiting: false, drainWaits: 0 };
  const started = performance.now();
  const writing = (async () => {
    for (let seq = 0; seq < LINES; seq += 1) {
      const room = client.write(frame(seq));
      progress.sent = seq + 1;
      if (!room) {
        progress.drainWaits += 1;
        progress.waiting = true;
        await once(client, 'drain');
        progress.waiting = false;
      }
    }
    client.end();
  })();

  // Stalled: the connection is paused at the high-water mark and the sender cannot get rid of its bytes.
  await eventually(
    () => {
      assert.equal(metric('ipo_syslog_stream_paused_connections', { listener: transport }), 1);
      assert.equal(progress.waiting, true, 'the sender waits for drain');
    },
    { timeoutMs: 30_000, message: `the ${transport} connection is paused and the sender blocked` },
  );
  const atStall = { sent: progress.sent, depth: pipeline.depth, received: metric('ipo_collector_received_total', { collector: 'syslog' }) };
  await sendUdp(endpoint('udp'), [Buffer.from('<134>Nov 21 05:10:17 ipo-hq IPOffice: a UDP line during the pause')]);
  await eventually(() => assert.equal(pipeline.depth, pipeline.highWater + 1), { message: 'a datagram still finds room above the high-water mark' });

  control.stalled = false;
  await writing;
  const sendSeconds = (performance.now() - started) / 1000;
  await eventually(() => assert.equal(stored.length, LINES), { timeoutMs: 60_000, intervalMs: 100, message: `all ${LINES} lines stored` });
  await eventually(() => assert.equal(metric('ipo_syslog_stream_paused_connections', { listener: transport }), 0));
  return {
    pipeline,
    stored,
    atStall,
    drainWaits: progress.drainWaits,
    sendSeconds,
    pauses: metric('ipo_syslog_stream_paused_total', { listener: transport }),
    accepted: metric('ipo_collector_accepted_total', { collector: 'syslog' }),
    dropped: metric('ipo_collector_dropped_total', { collector: 'syslog', reason: 'queue-full' }),
  };
}

/** What both transports must show: everything stored once and in order, nothing dropped, the sender held back. */
async function assertHeldBackNotDropped(t: TestContext, transport: 'tcp' | 'tls') {
  const run = await streamThroughStall(t, transport);
  assert.ok(run.atStall.sent < LINES, `the sender is held back (${run.atStall.sent} of ${LINES} lines handed to its socket)`);
  assert.equal(run.atStall.depth, run.pipeline.highWater, 'the stream fills the queue only to its high-water mark');
  assert.ok(run.atStall.received < run.atStall.sent, 'we read less than was sent: the rest waits in the kernel');
  assert.deepEqual(run.stored, Array.from({ length: LINES }, (_, i) => i), 'every line stored once, in the order sent');
  assert.equal(run.dropped, 0);
  assert.equal(run.accepted, LINES + 1, 'every line and the datagram');
  assert.ok(run.pauses >= 1);
  assert.ok(run.drainWaits >= 1, 'the sender had to wait for drain');
  t.diagnostic(
    `${transport}: ${LINES} lines (${((LINES * frame(LINES).length) / 1_048_576).toFixed(1)} MiB) sent in ${run.sendSeconds.toFixed(1)} s (${Math.round(LINES / run.sendSeconds)} lines/s, stall included); ` +
      `at the stall the sender had handed ${run.atStall.sent} lines to its socket and we had read ${run.atStall.received}; ` +
      `paused ${run.pauses} times; the sender waited for drain ${run.drainWaits} times; 0 dropped, 0 lost`,
  );
}

test('TCP back-pressure: 20,000 lines into a queue of 100 behind a stalled store are all stored, in order, none dropped; the sender is held back, UDP still gets in', (t) =>
  assertHeldBackNotDropped(t, 'tcp'));

test('TLS back-pressure: 20,000 lines into a queue of 100 behind a stalled store are all stored, in order, none dropped; the sender is held back, UDP still gets in', (t) =>
  assertHeldBackNotDropped(t, 'tls'));
