import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INFLUX_FLEET, replayScenario } from '../../../test/fakes/influx-fixtures.js';
import { decisionLines } from './decision-points.js';
import { openAlarmLines, selfMetricLines } from './samples.js';

test('/metrics samples: known labels become tags, others fold into `labels`', () => {
  assert.deepEqual(
    selfMetricLines(
      [
        { name: 'ipo_collector_refused_total', labels: { collector: 'syslog', reason: 'oversize' }, value: 3 },
        { name: 'ipo_syslog_listener_bytes_total', labels: { transport: 'udp', listener: '0.0.0.0:514' }, value: 1.5 },
      ],
      1_000,
    ),
    [
      'ipo_observer_metric,collector=syslog,metric=ipo_collector_refused_total,reason=oversize value=3 1000000000',
      'ipo_observer_metric,labels=listener\\=0.0.0.0:514\\,transport\\=udp,metric=ipo_syslog_listener_bytes_total value=1.5 1000000000',
    ],
  );
});

test('open alarms: every fleet node gets a point (zeros included); unknown senders are pooled', () => {
  const [raised] = replayScenario();
  const unknown = { ...raised!.alarm!, nodeId: null, severity: 'critical' as const };
  const lines = openAlarmLines([raised!.alarm!, unknown], INFLUX_FLEET, 5);
  assert.deepEqual(lines, [
    'ipo_alarms_open,customer=acme,node=hq-primary,site=hq critical=0i,indeterminate=0i,major=1i,minor=0i,total=1i,warning=0i 5000000',
    'ipo_alarms_open,customer=acme,node=hq-secondary,site=hq critical=0i,indeterminate=0i,major=0i,minor=0i,total=0i,warning=0i 5000000',
    'ipo_alarms_open,customer=borealis,node=depot-ipo,site=depot critical=0i,indeterminate=0i,major=0i,minor=0i,total=0i,warning=0i 5000000',
    'ipo_alarms_open,customer=unknown,node=unknown,site=unknown critical=1i,indeterminate=0i,major=0i,minor=0i,total=1i,warning=0i 5000000',
  ]);
});

test('a stored batch: events, transitions and node state, timestamps unique and fixed', () => {
  const recorded = replayScenario();
  const lines = decisionLines(recorded, INFLUX_FLEET);
  const count = (prefix: string) => lines.filter((line) => line.startsWith(prefix)).length;
  assert.deepEqual([count('ipo_event,'), count('ipo_alarm_transition,'), count('ipo_node_state,')], [9, 4, 3]);
  assert.deepEqual(decisionLines(recorded, INFLUX_FLEET), lines, 'the same batch gives the same lines (a replay overwrites, never adds)');
  const times = lines.filter((line) => line.startsWith('ipo_event,')).map((line) => line.split(' ').at(-1));
  assert.equal(new Set(times).size, times.length, 'no two events share a timestamp, even in one millisecond');
});
