import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeTestSink, writeNumberedEvents } from '../../../test/fakes/influx-fixtures.js';
import { eventually } from '../../../test/helpers/eventually.js';
import { startTestInfluxd } from '../../../test/helpers/influxd.js';
import { MEASUREMENTS } from './schema.js';
import type { InfluxSink } from './sink.js';

const BATCHES_PER_PHASE = 40;
const POINTS_PER_BATCH = 25;

/** Writes `count` batches of numbered points from id `from`; returns the next id. */
function writeNumbered(sink: InfluxSink, from: number, count: number): number {
  for (let batch = 0; batch < count; batch += 1) writeNumberedEvents(sink, from + batch * POINTS_PER_BATCH, POINTS_PER_BATCH, 'test.numbered');
  return from + count * POINTS_PER_BATCH;
}

test('InfluxDB stopped mid-run: points spool to disk (across a restart of the sink), then every point lands once', async (t) => {
  const sinks: InfluxSink[] = [];
  const { dir, influx } = await startTestInfluxd(t, async () => {
    for (const sink of sinks) await sink.stop();
  });
  const spoolDir = join(dir, 'spool');

  const first = makeTestSink({ url: influx.url, spoolDir, config: { batchSize: 200 } });
  sinks.push(first.sink);
  first.sink.start();

  // Phase 1: InfluxDB up.
  let next = writeNumbered(first.sink, 0, BATCHES_PER_PHASE);
  await eventually(() => assert.ok(first.sink.status().empty), { message: 'phase 1 should be sent' });

  // Phase 2: InfluxDB down. Points go to the spool; writes fail and are retried.
  await influx.stop();
  next = writeNumbered(first.sink, next, BATCHES_PER_PHASE);
  await eventually(() => assert.ok(first.sink.status().failing, 'writes fail while InfluxDB is down'));
  const spooled = first.sink.status();
  assert.ok(spooled.spoolBytes > 0 && !spooled.empty, 'points wait in the spool');
  assert.ok(readdirSync(spoolDir).some((name) => name.startsWith('segment-')), 'as segment files on disk');

  // The sink stops (a restart of ipo-observer) while InfluxDB is still down: the spool stays on disk.
  await first.sink.stop();
  assert.ok(first.registry.samples().some((s) => s.name === 'ipo_influx_write_failures_total' && s.value > 0));

  const second = makeTestSink({ url: influx.url, spoolDir, config: { batchSize: 200 } });
  sinks.push(second.sink);
  assert.equal(second.sink.status().empty, false, 'the new sink finds the old spool');
  second.sink.start();
  next = writeNumbered(second.sink, next, BATCHES_PER_PHASE);

  // Phase 3: InfluxDB back. The spool replays in order and drains.
  await influx.start();
  await eventually(() => assert.ok(second.sink.status().empty, JSON.stringify(second.sink.status())), { timeoutMs: 20_000, message: 'the spool should drain after InfluxDB is back' });
  assert.deepEqual(readdirSync(spoolDir).filter((name) => name.startsWith('segment-')), [], 'acknowledged segments are deleted');

  const [row] = await influx.rows(`SELECT count("event_id") AS points, count(distinct("event_id")) AS ids, min("event_id") AS lo, max("event_id") AS hi FROM ${MEASUREMENTS.event.name} WHERE code = 'test.numbered'`, 'ipo');
  assert.deepEqual({ points: row?.['points'], ids: row?.['ids'], lo: row?.['lo'], hi: row?.['hi'] }, { points: next, ids: next, lo: 0, hi: next - 1 }, 'every point present, none twice');
  const sent = second.registry.samples().find((s) => s.name === 'ipo_influx_points_sent_total')?.value ?? 0;
  assert.ok(sent >= 2 * BATCHES_PER_PHASE * POINTS_PER_BATCH, `the second sink sent phases 2 and 3 (sent ${sent})`);
});
