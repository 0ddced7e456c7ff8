import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeTestSink, writeNumberedEvents } from '../../../test/fakes/influx-fixtures.js';
import { eventually } from '../../../test/helpers/eventually.js';
import { startTestInfluxd } from '../../../test/helpers/influxd.js';
import { MEASUREMENTS } from './schema.js';
import type { InfluxSink } from './sink.js';
import { SPOOL_WRITE_FAILED_CODE } from './spool-write-alarm.js';

const POINTS_PER_BATCH = 25;
const MAX_BATCHES = 1000;

function writeBatch(sink: InfluxSink, first: number): void {
  writeNumberedEvents(sink, first, POINTS_PER_BATCH, 'test.disk-full', ` ${'x'.repeat(200)}`);
}

/**
 * A real full disk: the spool lives on a 1 MiB tmpfs (mounting needs root, as test/setup.sh and CI run), InfluxDB
 * is down, and a filler file takes part of the space. Needs the real kernel's ENOSPC, short writes included.
 */
test('spool on a full disk: batches lost and counted, one alarm, no crash; space back: alarm cleared and the kept points reach InfluxDB', async (t) => {
  let mounted = false;
  let sink: InfluxSink | null = null;
  const { dir, influx } = await startTestInfluxd(t, async () => {
    await sink?.stop();
    if (mounted) execFileSync('umount', [mount]);
  });
  await influx.stop(); // down for the whole filling phase
  const mount = join(dir, 'spool-fs');
  mkdirSync(mount);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]);
  mounted = true;

  const filler = join(mount, 'filler');
  writeFileSync(filler, Buffer.alloc(384 * 1024));
  const made = makeTestSink({ url: influx.url, spoolDir: join(mount, 'spool'), config: { batchSize: 500, spool: { maxBytes: 64 * 1_048_576 } } });
  sink = made.sink;
  sink.start();
  const dropped = () => made.registry.samples().find((s) => s.name === 'ipo_influx_points_dropped_total' && s.labels['reason'] === 'spool-error')?.value ?? 0;

  // Fill: every batch either lands in the spool or is lost whole (counted).
  const kept: number[] = [];
  let next = 0;
  let lostBatches = 0;
  while (lostBatches < 20 && next < MAX_BATCHES * POINTS_PER_BATCH) {
    const before = dropped();
    writeBatch(sink, next);
    if (dropped() === before) kept.push(next);
    else lostBatches += 1;
    next += POINTS_PER_BATCH;
  }
  assert.equal(lostBatches, 20, 'the disk filled up');
  assert.equal(dropped(), 20 * POINTS_PER_BATCH, 'every lost point counted');
  const alarms = () => made.emitted.filter((event) => event.code === SPOOL_WRITE_FAILED_CODE);
  assert.deepEqual(alarms().map((event) => event.severity), ['major'], 'one alarm for the whole period, not one per batch');
  assert.ok(kept.length > 10, `some batches fitted before the disk was full (${kept.length})`);

  // Space comes back: the next batch is written and the alarm clears.
  rmSync(filler);
  for (let i = 0; i < 5; i += 1, next += POINTS_PER_BATCH) {
    writeBatch(sink, next);
    kept.push(next);
  }
  assert.equal(dropped(), 20 * POINTS_PER_BATCH, 'nothing lost once there is room');
  assert.deepEqual(alarms().map((event) => event.severity), ['major', 'cleared']);
  assert.equal(alarms()[1]!.attributes['lostPoints'], 20 * POINTS_PER_BATCH);

  // InfluxDB back: everything that was spooled arrives, once; the lost batches do not.
  await influx.start();
  await eventually(() => assert.ok(sink!.status().empty, JSON.stringify(sink!.status())), { timeoutMs: 20_000, message: 'the spool should drain' });
  const expected = kept.length * POINTS_PER_BATCH;
  const [row] = await influx.rows(`SELECT count("event_id") AS points, count(distinct("event_id")) AS ids FROM ${MEASUREMENTS.event.name} WHERE code = 'test.disk-full'`, 'ipo');
  assert.deepEqual({ points: row?.['points'], ids: row?.['ids'] }, { points: expected, ids: expected });
  t.diagnostic(`disk full: ${kept.length * POINTS_PER_BATCH} points spooled and delivered, ${20 * POINTS_PER_BATCH} lost and counted`);
});
