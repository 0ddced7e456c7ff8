import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { FakeClock } from '../test/fakes/fake-clock.js';
import { makeTestSink, replayScenario, SCENARIO_START, writeSyntheticMeasurements } from '../test/fakes/influx-fixtures.js';
import { eventually } from '../test/helpers/eventually.js';
import { startTestInfluxd, type InfluxSeries } from '../test/helpers/influxd.js';
import { countersFor, registerCollectorMetrics } from '../src/metrics/collector-metrics.js';
import { MetricsRegistry } from '../src/metrics/registry.js';
import { PipelineMetrics } from '../src/pipeline/pipeline-metrics.js';
import type { InfluxSink } from '../src/sinks/influxdb/sink.js';
import { renderDashboards } from './build.js';
import { dashboardQueries, interpolate, type VariableSelection } from './interpolate.js';

const HOUR = 3_600_000;
const RANGE = { from: SCENARIO_START - HOUR, to: SCENARIO_START + HOUR, intervalMs: 60_000 };
const ALL: Record<string, VariableSelection> = { customer: 'all', site: 'all', node: 'all', extension: 'all', trunk: 'all' };
const ONE: Record<string, VariableSelection> = { customer: ['acme'], site: ['hq'], node: ['hq-primary'], extension: ['202'], trunk: ['SIP Line 17'] };

function hasData(series: InfluxSeries[]): boolean {
  return series.some((s) => s.values.some((row) => row.slice(s.columns[0] === 'time' ? 1 : 0).some((value) => value !== null)));
}

test('every query of every dashboard, with its variables and time range substituted, runs against InfluxDB and returns data', async (t) => {
  let sink: InfluxSink | null = null;
  const { dir, influx } = await startTestInfluxd(t, async () => sink?.stop());

  // What the stack would write: a replayed scenario (events, transitions, node state), the measurements of the
  // engines still to come (QoS, licences, resiliency) through the sink's typed API, and two samples of the
  // /metrics families and open alarms a minute apart (rates need two).
  const recorded = replayScenario();
  const registry = new MetricsRegistry();
  const syslog = countersFor(registerCollectorMetrics(registry), 'syslog');
  new PipelineMetrics(registry).registerQueue(() => ({ depth: 3, capacity: 10_000 }));
  const clock = new FakeClock(SCENARIO_START + 10 * 60_000);
  ({ sink } = makeTestSink({ url: influx.url, spoolDir: join(dir, 'spool'), registry, clock, openAlarms: () => [recorded[0]!.alarm!] }));
  sink.start();
  sink.recorded(recorded);
  writeSyntheticMeasurements(sink);
  syslog.received(10);
  syslog.refused('oversize', 1);
  syslog.dropped('queue-full', 1);
  sink.sample();
  clock.advance(60_000);
  syslog.received(50);
  syslog.refused('oversize', 2);
  syslog.dropped('queue-full', 3);
  sink.sample();
  await eventually(() => assert.ok(sink!.status().empty), { message: 'the sink should send everything' });

  const rendered = renderDashboards();
  assert.deepEqual(rendered.map((d) => d.uid), ['ipo-fleet-overview', 'ipo-alarms', 'ipo-voice-quality', 'ipo-licences', 'ipo-resiliency']);
  const empty: string[] = [];
  let ran = 0;
  for (const { uid, dashboard } of rendered) {
    for (const { where, query } of dashboardQueries(dashboard)) {
      const all = interpolate(query, { ...RANGE, variables: ALL });
      const series = await influx.query(all, 'ipo');
      if (!hasData(series)) empty.push(`${uid} ${where}: ${all}`);
      // One customer, site, node, extension and trunk: the same query must still be valid InfluxQL.
      await influx.query(interpolate(query, { ...RANGE, variables: ONE }), 'ipo');
      ran += 2;
    }
  }
  assert.deepEqual(empty, [], 'queries that returned no data');
  assert.ok(ran >= 80, `ran ${ran} queries`);
});
