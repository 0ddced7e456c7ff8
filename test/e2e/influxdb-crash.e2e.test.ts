import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from '../helpers/eventually.js';
import { getText, metricValue } from '../helpers/http-json.js';
import { startTestInfluxd } from '../helpers/influxd.js';
import { sendUdp } from '../helpers/send-udp.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { writeStackConfig } from '../helpers/stack-config.js';

const PER_PHASE = 300;

/** Numbered plain syslog lines; the number is in the text, so InfluxDB can be asked which arrived. */
const lines = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => Buffer.from(`<134>Nov 21 04:20:00 ipo IPOffice: crash-test message ${String(from + i).padStart(6, '0')}`));

test('InfluxDB killed (SIGKILL) while events flow, then restarted: the spool delivers every event once, and the counters show the outage', async (t) => {
  let stack: StackProcess | null = null;
  const { dir, influx } = await startTestInfluxd(t, async () => stack?.stop());
  const sinks = {
    influxdb: { enabled: true, url: influx.url, apiVersion: 'v1', database: 'ipo', flushIntervalSeconds: 0.1, sampleIntervalSeconds: 3600, timeoutSeconds: 2, retry: { initialSeconds: 0.1, maxSeconds: 0.5 } },
  };
  stack = await startStackProcess(writeStackConfig(dir, { sections: { sinks } }), ['syslog/udp']);
  const port = stack.collectorPorts.get('syslog/udp')!;
  const metrics = async () => getText(`${stack!.httpUrl}/metrics`);
  const countInflux = async () => {
    const [row] = await influx.rows(`SELECT count("event_id") AS points, count(distinct("event_id")) AS ids FROM "ipo_event" WHERE "source" = 'syslog'`, 'ipo');
    return { points: Number(row?.['points'] ?? 0), ids: Number(row?.['ids'] ?? 0) };
  };

  // Phase 1: InfluxDB up.
  await sendUdp(port, lines(0, PER_PHASE));
  await eventually(async () => assert.deepEqual(await countInflux(), { points: PER_PHASE, ids: PER_PHASE }), { timeoutMs: 15_000, message: 'phase 1 in InfluxDB' });

  // Phase 2: InfluxDB crashes. Events are still stored by ipo-observer and spooled.
  await influx.stop('SIGKILL');
  await sendUdp(port, lines(PER_PHASE, PER_PHASE));
  const outage = await eventually(async () => {
    const text = await metrics();
    assert.equal(metricValue(text, 'ipo_pipeline_events_stored_total', { source: 'syslog' }), 2 * PER_PHASE);
    assert.ok(metricValue(text, 'ipo_influx_write_failures_total') > 0, 'failed writes counted');
    assert.equal(metricValue(text, 'ipo_influx_up'), 0);
    assert.ok(metricValue(text, 'ipo_influx_spool_bytes') > 0, 'points wait in the spool');
    return { failures: metricValue(text, 'ipo_influx_write_failures_total'), spoolBytes: metricValue(text, 'ipo_influx_spool_bytes') };
  }, { timeoutMs: 15_000, message: 'the outage should show in /metrics' });

  // Phase 3: InfluxDB back (same data folder); more events while it replays.
  await influx.start();
  await sendUdp(port, lines(2 * PER_PHASE, PER_PHASE));
  await eventually(async () => assert.deepEqual(await countInflux(), { points: 3 * PER_PHASE, ids: 3 * PER_PHASE }), { timeoutMs: 20_000, message: 'every event in InfluxDB once' });
  // Every point is in InfluxDB once its write landed, which can be before the sink has the answer (a write that timed
  // out on a busy machine is retried): up is read once it settles.
  const text = await eventually(async () => {
    const settled = await metrics();
    assert.equal(metricValue(settled, 'ipo_influx_up'), 1);
    return settled;
  }, { message: 'the sink up again' });
  assert.equal(metricValue(text, 'ipo_influx_points_dropped_total', { reason: 'spool-full' }), 0);
  assert.equal(metricValue(text, 'ipo_influx_points_dropped_total', { reason: 'spool-error' }), 0);
  t.diagnostic(`InfluxDB outage: ${PER_PHASE} events spooled (${outage.spoolBytes} bytes, ${outage.failures} failed writes), all ${3 * PER_PHASE} delivered once`);
  assert.equal(await stack.stop(), 0);
});
