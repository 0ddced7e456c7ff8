import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeTestSink, replayScenario, SCENARIO_START } from '../../../test/fakes/influx-fixtures.js';
import { eventually } from '../../../test/helpers/eventually.js';
import { startTestInfluxd } from '../../../test/helpers/influxd.js';
import { MEASUREMENTS } from './schema.js';
import type { InfluxSink } from './sink.js';

const M = MEASUREMENTS;

test('a replayed scenario lands in a real InfluxDB 1.x with the right tags (v1 write through the client)', async (t) => {
  let sink: InfluxSink | null = null;
  const { dir, influx } = await startTestInfluxd(t, async () => sink?.stop());
  ({ sink } = makeTestSink({ url: influx.url, spoolDir: join(dir, 'spool') }));
  sink.start();

  sink.recorded(replayScenario());
  await eventually(() => assert.ok(sink!.status().empty, 'spool drained'), { message: 'the sink should send everything' });

  const events = await influx.rows(`SELECT * FROM ${M.event.name} ORDER BY time`, 'ipo');
  assert.equal(events.length, 9, 'every event is a point, the two in one millisecond included');
  const byText = (text: string) => events.find((row) => row['text'] === text)!;
  assert.deepEqual(
    pick(events[0]!, ['customer', 'site', 'node', 'source', 'category', 'severity', 'code', 'count', 'raises_alarm']),
    { customer: 'acme', site: 'hq', node: 'hq-primary', source: 'syslog', category: 'Trunk lines', severity: 'major', code: 'syslog.alarm.trunk', count: 1, raises_alarm: true },
  );
  assert.equal(events[0]!['time'], SCENARIO_START, 'the receive time, to the millisecond');
  assert.ok(byText('first of two in one millisecond') && byText('second of two in one millisecond'));
  assert.deepEqual(pick(byText('a sender nobody listed'), ['customer', 'site', 'node', 'source_address']), { customer: 'unknown', site: 'unknown', node: 'unknown', source_address: '203.0.113.9' });

  const transitions = await influx.rows(`SELECT "kind", "node", "site", "customer", "severity", "alarm_id", "state" FROM ${M.alarmTransition.name} ORDER BY time`, 'ipo');
  assert.deepEqual(
    transitions.map((row) => [row['kind'], row['node'], row['severity'], row['state']]),
    [
      ['raised', 'hq-primary', 'major', 'active'],
      ['cleared', 'hq-primary', 'cleared', 'cleared'],
      ['raised', 'depot-ipo', 'major', 'active'],
      ['cleared', 'depot-ipo', 'cleared', 'cleared'],
    ],
  );

  const nodeState = await influx.rows(`SELECT "up", "uptime_s", "node", "customer" FROM ${M.nodeState.name} ORDER BY time`, 'ipo');
  assert.deepEqual(nodeState.map((row) => [row['node'], row['up'], row['uptime_s']]), [
    ['depot-ipo', 0, null],
    ['depot-ipo', 1, null],
    ['depot-ipo', 1, 123.45],
  ]);

  // Tags are tags (GROUP BY works on them), not fields.
  const grouped = await influx.query(`SELECT sum("count") FROM ${M.event.name} GROUP BY "node", "severity"`, 'ipo');
  const counts = Object.fromEntries(grouped.map((series) => [`${series.tags?.['node']}/${series.tags?.['severity']}`, series.values[0]![1]]));
  assert.deepEqual(counts, { 'depot-ipo/cleared': 1, 'depot-ipo/major': 1, 'depot-ipo/warning': 1, 'hq-primary/cleared': 1, 'hq-primary/info': 2, 'hq-primary/major': 2, 'unknown/info': 1 });
});

function pick(row: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, row[key]]));
}
