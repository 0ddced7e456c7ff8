import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from '../helpers/eventually.js';
import { getJson } from '../helpers/http-json.js';
import { startTestInfluxd } from '../helpers/influxd.js';
import { sendWithLogger } from '../helpers/send-logger.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { writeStackConfig } from '../helpers/stack-config.js';

test('a logger alarm through the real program lands in InfluxDB as an event, a transition and an acknowledgement', async (t) => {
  let stack: StackProcess | null = null;
  const { dir, influx } = await startTestInfluxd(t, async () => stack?.stop());
  const sinks = { influxdb: { enabled: true, url: influx.url, apiVersion: 'v1', database: 'ipo', flushIntervalSeconds: 0.1, sampleIntervalSeconds: 0.5 } };
  stack = await startStackProcess(writeStackConfig(dir, { sections: { sinks } }), ['syslog/udp']);

  await sendWithLogger(stack.collectorPorts.get('syslog/udp')!, 'Alarm: Trunk: Trunk Slot B, T1 PRI 2 red alarm');

  const event = await eventually(async () => {
    const [row] = await influx.rows(`SELECT * FROM "ipo_event" WHERE "code" = 'syslog.alarm.trunk'`, 'ipo');
    assert.ok(row, 'event point');
    return row;
  }, { message: 'the event should reach InfluxDB' });
  assert.deepEqual(
    { customer: event['customer'], site: event['site'], node: event['node'], source: event['source'], category: event['category'], severity: event['severity'], raises: event['raises_alarm'] },
    { customer: 'acme', site: 'acme-hq', node: 'acme-hq-primary', source: 'syslog', category: 'Trunk lines', severity: 'major', raises: true },
  );
  assert.match(String(event['text']), /T1 PRI 2 red alarm/);

  const raised = await eventually(async () => {
    const [row] = await influx.rows(`SELECT "alarm_id", "state", "kind", "node", "severity" FROM "ipo_alarm_transition" WHERE "kind" = 'raised'`, 'ipo');
    assert.ok(row, 'transition point');
    return row;
  });
  assert.deepEqual({ node: raised['node'], severity: raised['severity'], state: raised['state'] }, { node: 'acme-hq-primary', severity: 'major', state: 'active' });

  // An acknowledgement through the API is a transition made outside the pipeline; it becomes a point too.
  const response = await fetch(`${stack.httpUrl}/api/v1/alarms/${String(raised['alarm_id'])}/acknowledge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'noc-anna', note: 'carrier ticket 5521' }),
  });
  assert.equal(response.status, 200, await response.text());
  const acked = await eventually(async () => {
    const [row] = await influx.rows(`SELECT "user", "state", "alarm_id" FROM "ipo_alarm_transition" WHERE "kind" = 'acknowledged'`, 'ipo');
    assert.ok(row, 'acknowledgement point');
    return row;
  });
  assert.deepEqual({ user: acked['user'], state: acked['state'], alarm: acked['alarm_id'] }, { user: 'noc-anna', state: 'acknowledged', alarm: raised['alarm_id'] });

  // The periodic samples: open alarms per node and ipo-observer's own counters.
  await eventually(async () => {
    const [open] = await influx.rows(`SELECT last("total") AS "total", last("major") AS "major" FROM "ipo_alarms_open" WHERE "node" = 'acme-hq-primary'`, 'ipo');
    assert.deepEqual({ total: open?.['total'], major: open?.['major'] }, { total: 1, major: 1 });
    const [received] = await influx.rows(`SELECT last("value") FROM "ipo_observer_metric" WHERE "metric" = 'ipo_collector_accepted_total' AND "collector" = 'syslog'`, 'ipo');
    assert.equal(received?.['last'], 1);
  }, { message: 'samples should reach InfluxDB' });

  const health = await getJson(`${stack.httpUrl}/api/v1/health`);
  assert.equal(health.status, 'ok');
  assert.equal(await stack.stop(), 0, 'stops cleanly, the sink flushed');
});
