import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { makeEvent } from '../../test/fakes/event-fixture.js';
import { makeStageContext } from '../../test/fakes/stage-context.js';
import { CorrelationEngine } from '../correlation/engine.js';
import { MetricsRegistry } from '../metrics/registry.js';
import { MemoryStore } from '../storage/memory-store.js';
import { Pipeline } from './pipeline.js';
import { PipelineMetrics } from './pipeline-metrics.js';

function setup(capacity: number) {
  const store = new MemoryStore();
  const pipeline = new Pipeline({
    store,
    engine: new CorrelationEngine(makeStageContext(store)),
    queueCapacity: capacity,
    batchSize: 10,
    log: pino({ level: 'silent' }),
    metrics: new PipelineMetrics(new MetricsRegistry()),
  });
  return { store, pipeline };
}

test('a deferrable offer is refused from the high-water mark, leaving the rest of the queue to offer()', () => {
  const { pipeline } = setup(100);
  assert.deepEqual([pipeline.highWater, pipeline.lowWater], [80, 50]);
  for (let i = 0; i < 80; i += 1) assert.equal(pipeline.offerDeferrable(makeEvent()), 'accepted');
  assert.equal(pipeline.offerDeferrable(makeEvent()), 'queue-full');
  for (let i = 80; i < 100; i += 1) assert.equal(pipeline.offer(makeEvent()), 'accepted', 'input that cannot wait still has room');
  assert.equal(pipeline.offer(makeEvent()), 'queue-full');
});

test('onDrain fires once the queue is down to the low-water mark after a refusal, and not without one', async (t) => {
  const { store, pipeline } = setup(100);
  t.after(() => pipeline.stop());
  const depthsAtDrain: number[] = [];
  const off = pipeline.onDrain(() => depthsAtDrain.push(pipeline.depth));
  for (let i = 0; i < 60; i += 1) pipeline.offer(makeEvent());
  pipeline.start();
  await pipeline.whenDrained();
  assert.deepEqual(depthsAtDrain, [], 'nothing was refused: no drain call');

  for (let i = 0; i < 80; i += 1) pipeline.offerDeferrable(makeEvent());
  assert.equal(pipeline.offerDeferrable(makeEvent()), 'queue-full');
  await pipeline.whenDrained();
  assert.equal(depthsAtDrain.length, 1, 'one call per refusal episode');
  assert.ok(depthsAtDrain[0]! <= 50, `called at depth ${depthsAtDrain[0]}`);
  assert.equal(store.listEvents({ limit: 1000 }).length, 140);

  off();
  for (let i = 0; i < 80; i += 1) pipeline.offerDeferrable(makeEvent());
  pipeline.offerDeferrable(makeEvent());
  await pipeline.whenDrained();
  assert.equal(depthsAtDrain.length, 1, 'a removed listener is not called');
});

test('a queue of one: deferrable offers wait for an empty queue', () => {
  const { pipeline } = setup(1);
  assert.deepEqual([pipeline.highWater, pipeline.lowWater], [1, 0]);
  assert.equal(pipeline.offerDeferrable(makeEvent()), 'accepted');
  assert.equal(pipeline.offerDeferrable(makeEvent()), 'queue-full');
});
