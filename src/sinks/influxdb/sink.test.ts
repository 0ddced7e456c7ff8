import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HttpError } from '@influxdata/influxdb-client';
import pino from 'pino';
import { INFLUX_FLEET } from '../../../test/fakes/influx-fixtures.js';
import { eventually } from '../../../test/helpers/eventually.js';
import { makeTempDir } from '../../../test/helpers/temp-dir.js';
import type { FleetEvent } from '../../events/fleet-event.js';
import { MetricsRegistry } from '../../metrics/registry.js';
import { influxdbSinkConfigSchema } from './config.js';
import { InfluxSink } from './sink.js';
import { SPOOL_NEAR_FULL_CODE } from './spool-alarm.js';
import type { LineWriter } from './writer.js';

/** A writer the test switches between up, down and refusing, and can hold a request open. */
class FakeWriter implements LineWriter {
  mode: 'up' | 'down' | 'reject' = 'up';
  received: string[] = [];
  requests = 0;
  gate: Promise<void> | null = null;

  async write(lines: readonly string[]): Promise<void> {
    this.requests += 1;
    if (this.gate) await this.gate;
    if (this.mode === 'down') throw new Error('connect ECONNREFUSED');
    if (this.mode === 'reject') throw new HttpError(400, 'Bad Request', '{"error":"unable to parse"}');
    this.received.push(...lines);
  }
}

function makeSink(t: { after(fn: () => unknown): void }, config: Record<string, unknown> = {}) {
  const dir = makeTempDir();
  const writer = new FakeWriter();
  const registry = new MetricsRegistry();
  const emitted: FleetEvent[] = [];
  const sink = new InfluxSink({
    config: influxdbSinkConfigSchema.parse({ enabled: true, flushIntervalSeconds: 0.01, sampleIntervalSeconds: 3600, retry: { initialSeconds: 0.01, maxSeconds: 0.02 }, ...config }),
    spoolDir: dir.path,
    writer,
    fleet: INFLUX_FLEET,
    log: pino({ level: 'silent' }),
    registry,
    clock: { now: () => Date.now() },
    emit: (event) => (emitted.push(event), 'accepted'),
  });
  t.after(async () => {
    await sink.stop();
    dir.remove();
  });
  const metric = (name: string, labels: Record<string, string> = {}) =>
    registry.samples().find((s) => s.name === name && JSON.stringify(s.labels) === JSON.stringify(labels))?.value ?? 0;
  return { sink, writer, emitted, metric };
}

const lines = (from: number, count: number, width = 0) => Array.from({ length: count }, (_, i) => `m,t=x v=${from + i}i ${from + i}${'0'.repeat(width)}`);

test('while InfluxDB is down lines wait; afterwards they arrive once each, in the order written', async (t) => {
  const { sink, writer, metric } = makeSink(t, { batchSize: 7 });
  sink.start();
  writer.mode = 'down';
  for (let i = 0; i < 10; i += 1) sink.writeLines(lines(i * 5, 5));
  await eventually(() => assert.ok(writer.requests >= 3, 'retried'));
  assert.equal(sink.status().failing, true);
  writer.mode = 'up';
  await eventually(() => assert.ok(sink.status().empty, JSON.stringify({ ...sink.status(), requests: writer.requests, received: writer.received.length })), { timeoutMs: 15_000 });
  assert.deepEqual(writer.received, lines(0, 50));
  assert.equal(metric('ipo_influx_points_sent_total'), 50);
  assert.equal(metric('ipo_influx_points_spooled_total'), 50);
  assert.ok(metric('ipo_influx_write_failures_total') >= 3);
  assert.equal(metric('ipo_influx_up'), 1);
});

test('an internal alarm is raised near the bound and cleared when the spool drains', async (t) => {
  const { sink, writer, emitted } = makeSink(t, { spool: { maxBytes: 65_536, warnPercent: 50 } });
  sink.start();
  writer.mode = 'down';
  let n = 0;
  while (sink.status().spoolBytes < 34_000) sink.writeLines(lines((n += 10), 10, 20));
  assert.equal(emitted.length, 1);
  assert.deepEqual(
    { code: emitted[0]!.code, source: emitted[0]!.source, severity: emitted[0]!.severity, raisesAlarm: emitted[0]!.raisesAlarm, nodeId: emitted[0]!.nodeId },
    { code: SPOOL_NEAR_FULL_CODE, source: 'internal', severity: 'major', raisesAlarm: true, nodeId: null },
  );
  assert.match(emitted[0]!.text, /InfluxDB spool at 5\d % of its bound/);
  writer.mode = 'up';
  await eventually(() => assert.equal(emitted.length, 2));
  assert.equal(emitted[1]!.severity, 'cleared');
  assert.equal(emitted[1]!.code, SPOOL_NEAR_FULL_CODE);
});

test('at the bound the oldest lines are dropped and counted; the newest are kept', async (t) => {
  const { sink, writer, metric } = makeSink(t, { spool: { maxBytes: 65_536, warnPercent: 80 } });
  writer.mode = 'down';
  const total = 4000;
  for (let i = 0; i < total; i += 20) sink.writeLines(lines(i, 20, 10));
  const dropped = metric('ipo_influx_points_dropped_total', { reason: 'spool-full' });
  assert.ok(dropped > 0, 'some were dropped');
  writer.mode = 'up';
  sink.start();
  await eventually(() => assert.ok(sink.status().empty));
  assert.equal(writer.received.length + dropped, total, 'every line delivered or counted as dropped');
  assert.deepEqual(writer.received, lines(dropped, total - dropped, 10), 'the newest, in order');
});

test('a write InfluxDB refuses as invalid is dropped and counted, and the spool moves on', async (t) => {
  const { sink, writer, metric } = makeSink(t);
  writer.mode = 'reject';
  sink.start();
  sink.writeLines(lines(0, 3));
  await eventually(() => assert.equal(metric('ipo_influx_points_rejected_total'), 3));
  writer.mode = 'up';
  sink.writeLines(lines(3, 2));
  await eventually(() => assert.deepEqual(writer.received, lines(3, 2)));
});

test('stop() waits for the write in flight (the client\'s close() would not) and for the rest of the spool', async (t) => {
  const { sink, writer } = makeSink(t, { batchSize: 2 });
  let release!: () => void;
  writer.gate = new Promise((resolve) => (release = resolve));
  sink.start();
  sink.writeLines(lines(0, 2));
  sink.writeLines(lines(2, 3));
  await eventually(() => assert.equal(writer.requests, 1));
  let stopped = false;
  const stopping = sink.stop().then(() => (stopped = true));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(stopped, false, 'still waiting for the write in flight');
  writer.gate = null;
  release();
  await stopping;
  assert.deepEqual(writer.received.filter((line) => line.startsWith('m,')), lines(0, 5));
});
