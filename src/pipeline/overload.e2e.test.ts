import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { test } from 'node:test';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pino } from 'pino';
import { makeStageContext } from '../../test/fakes/stage-context.js';
import { eventually } from '../../test/helpers/eventually.js';
import { metricValue } from '../../test/helpers/http-json.js';
import { sendUdp } from '../../test/helpers/send-udp.js';
import { systemClock } from '../clock.js';
import { configSchema } from '../config/schema.js';
import { CorrelationEngine } from '../correlation/engine.js';
import { registerCollectorMetrics } from '../metrics/collector-metrics.js';
import { MetricsRegistry } from '../metrics/registry.js';
import { MemoryStore } from '../storage/memory-store.js';
import { createCollectors } from './collectors.js';
import { Pipeline } from './pipeline.js';
import { PipelineMetrics } from './pipeline-metrics.js';

const CAPACITY = 1000;
const DATAGRAMS = 100_000;
const BURST = 200;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

/** A store that refuses to write while `stalled` (a disk that hangs): the queue fills and stays full. */
class StallingStore extends MemoryStore {
  stalled = true;
  override transaction<T>(fn: () => T): T {
    if (this.stalled) throw new Error('store stalled (test)');
    return super.transaction(fn);
  }
}

test('sustained overload: a UDP flood far beyond the queue keeps the queue at its bound, counts every drop, and the heap stays bounded', async (t) => {
  const store = new StallingStore();
  const registry = new MetricsRegistry();
  const pipeline = new Pipeline({ store, engine: new CorrelationEngine(makeStageContext(store)), queueCapacity: CAPACITY, batchSize: 100, log: pino({ level: 'silent' }), metrics: new PipelineMetrics(registry) });
  const config = configSchema.parse({ collectors: { syslog: { udp: { listenAddress: '127.0.0.1', port: 0, receiveBufferBytes: 262_144 }, rateLimit: { perSourcePerSecond: 0 } } } });
  const [syslog] = createCollectors(config, { pipeline, log: pino({ level: 'silent' }), clock: systemClock, metrics: registerCollectorMetrics(registry), registry });
  const collector = syslog!.collector;
  const sender = createSocket('udp4');
  t.after(async () => {
    sender.close();
    await collector.stop();
    await pipeline.stop();
  });
  pipeline.start();
  await collector.start();
  const port = collector.endpoints()[0]!.port!;
  const counters = () => {
    const text = registry.render();
    return {
      received: metricValue(text, 'ipo_collector_received_total', { collector: 'syslog' }),
      accepted: metricValue(text, 'ipo_collector_accepted_total', { collector: 'syslog' }),
      dropped: metricValue(text, 'ipo_collector_dropped_total', { collector: 'syslog', reason: 'queue-full' }),
      depth: metricValue(text, 'ipo_pipeline_queue_depth'),
    };
  };

  const baseline = heapAfterGc();
  let maxDepth = 0;
  let maxHeap = 0;
  const payload = (i: number) => Buffer.from(`<134>Nov 21 04:20:00 ipo IPOffice: flood message ${i} ${'x'.repeat(100)}`);
  for (let sent = 0; sent < DATAGRAMS; sent += BURST) {
    // Each burst handed to the kernel before the next, so nothing piles up in the sender's own queue.
    const burst = Array.from({ length: BURST }, (_, k) => new Promise<void>((resolve) => sender.send(payload(sent + k), port, '127.0.0.1', () => resolve())));
    await Promise.all(burst);
    await yieldToLoop(); // let the collector read what the kernel holds
    maxDepth = Math.max(maxDepth, pipeline.depth);
    if (sent % 10_000 === 0) maxHeap = Math.max(maxHeap, process.memoryUsage().heapUsed - baseline);
  }
  // received = accepted + dropped at every moment (both counted in the same call), so no need to wait for stragglers.
  const flood = counters();
  const retained = heapAfterGc() - baseline;

  assert.ok(flood.received > 10 * CAPACITY, `far more than the queue holds arrived (${flood.received})`);
  assert.equal(maxDepth, CAPACITY, 'the queue filled to its bound and no further');
  assert.equal(flood.depth, CAPACITY);
  assert.equal(flood.accepted, CAPACITY, 'the store is stalled: only a queue of events was taken');
  assert.equal(flood.dropped, flood.received - CAPACITY, 'every other datagram counted as dropped, queue-full');
  assert.ok(retained < 32 * 1_048_576, `the heap kept ${(retained / 1_048_576).toFixed(1)} MiB after the flood`);

  // The store recovers: the queue drains (with what the kernel still held), everything accepted is stored, and new input is taken.
  store.stalled = false;
  await eventually(() => {
    assert.equal(pipeline.depth, 0);
    assert.equal(metricValue(registry.render(), 'ipo_pipeline_events_stored_total', { source: 'syslog' }), counters().accepted);
  }, { timeoutMs: 10_000, message: 'the queue drains once the store writes again' });
  // Sent again on each try: while the kernel buffer still holds flood datagrams, it may drop this one too.
  await eventually(async () => {
    await sendUdp(port, [Buffer.from('<134>Nov 21 04:20:00 ipo IPOffice: after the flood')]);
    assert.ok(store.listEvents({ limit: 20 }).some((event) => event.text.includes('after the flood')), 'a datagram sent after the flood is stored');
  }, { timeoutMs: 10_000, intervalMs: 200 });
  t.diagnostic(
    `flood: ${DATAGRAMS} sent, ${flood.received} received (the rest dropped by the kernel), ${flood.accepted} accepted, ${flood.dropped} dropped queue-full; ` +
      `max queue depth ${maxDepth}; heap: max +${(maxHeap / 1_048_576).toFixed(1)} MiB while flooding, +${(retained / 1_048_576).toFixed(1)} MiB retained`,
  );
});
