import { makeStageContext } from '../../test/fakes/stage-context.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { makeEvent } from '../../test/fakes/event-fixture.js';
import { CorrelationEngine } from '../correlation/engine.js';
import { MetricsRegistry } from '../metrics/registry.js';
import { MemoryStore } from '../storage/memory-store.js';
import { Pipeline } from './pipeline.js';
import { PipelineMetrics } from './pipeline-metrics.js';

function setup(options: { capacity?: number; store?: MemoryStore } = {}) {
  const store = options.store ?? new MemoryStore();
  const registry = new MetricsRegistry();
  const metrics = new PipelineMetrics(registry);
  const pipeline = new Pipeline({
    store,
    engine: new CorrelationEngine(makeStageContext(store)),
    queueCapacity: options.capacity ?? 100,
    batchSize: 3,
    log: pino({ level: 'silent' }),
    metrics,
  });
  return { store, pipeline, metrics, registry };
}

test('stores every offered event in batches and updates one alarm', async (t) => {
  const { store, pipeline, metrics } = setup();
  t.after(() => pipeline.stop());
  pipeline.start();
  for (let i = 0; i < 10; i += 1) assert.equal(pipeline.offer(makeEvent({ receivedAt: 1000 + i })), 'accepted');
  await pipeline.whenDrained();
  assert.equal(store.listEvents({ limit: 100 }).length, 10);
  const [alarm] = store.listAlarms({ limit: 10 });
  assert.equal(alarm?.occurrences, 10);
  assert.equal(metrics.eventsStored.get({ source: 'syslog' }), 10);
  assert.equal(metrics.alarmTransitions.get({ kind: 'raised' }), 1);
});

test('answers queue-full beyond capacity instead of growing', () => {
  const { pipeline } = setup({ capacity: 2 });
  assert.equal(pipeline.offer(makeEvent()), 'accepted');
  assert.equal(pipeline.offer(makeEvent()), 'accepted');
  assert.equal(pipeline.offer(makeEvent()), 'queue-full');
  assert.equal(pipeline.depth, 2);
});

test('stop() stores what is still queued', async () => {
  const { store, pipeline } = setup();
  for (let i = 0; i < 7; i += 1) pipeline.offer(makeEvent());
  pipeline.start();
  await pipeline.stop();
  assert.equal(store.listEvents({ limit: 100 }).length, 7);
  assert.equal(pipeline.depth, 0);
});

test('a batch the store refuses stays queued and is stored on retry, in order', async (t) => {
  class FlakyStore extends MemoryStore {
    failures = 1;
    override transaction<T>(fn: () => T): T {
      if (this.failures > 0) {
        this.failures -= 1;
        throw new Error('SQLITE_FULL: database or disk is full');
      }
      return super.transaction(fn);
    }
  }
  const store = new FlakyStore();
  const { pipeline, metrics } = setup({ store });
  t.after(() => pipeline.stop());
  for (let i = 0; i < 5; i += 1) pipeline.offer(makeEvent({ receivedAt: 1000 + i }));
  pipeline.start();
  await pipeline.whenDrained();
  assert.equal(metrics.storeFailures.get(), 1);
  const stored = store.listEvents({ limit: 100 }).map((event) => event.receivedAt).reverse();
  assert.deepEqual(stored, [1000, 1001, 1002, 1003, 1004]);
});

test('listeners get each stored batch; one that throws does not stop the others', async (t) => {
  const { pipeline } = setup();
  t.after(() => pipeline.stop());
  const seen: number[] = [];
  pipeline.addListener(() => {
    throw new Error('broken sink');
  });
  pipeline.addListener((recorded) => seen.push(...recorded.map((r) => r.event.id)));
  pipeline.start();
  for (let i = 0; i < 5; i += 1) pipeline.offer(makeEvent());
  await pipeline.whenDrained();
  assert.deepEqual(seen, [1, 2, 3, 4, 5]);
});
