import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resiliencyHarness } from '../../test/fakes/resiliency-harness.js';
import { resiliencyPoint } from './influx-points.js';

test('one point per timeline entry: "start" for the opening one (the dashboard counts them), then each kind with its offset', () => {
  const h = resiliencyHarness();
  h.feed({ nodeId: 'hq-primary', sourceAddress: '10.0.0.10', code: 'poll.node-unreachable', severity: 'major', raisesAlarm: true, alarmKey: '', text: 'no answer' });
  h.advance(3 * 60_000);
  const [incident] = h.resiliency.open();
  const points = incident!.timeline.map((entry) => resiliencyPoint(h.fleet, incident!, entry));
  assert.deepEqual(points.map((p) => [p.fields.phase, p.fields.duration_s]), [['start', 0], ['failover', 180]]);
  assert.equal(points[0]!.tags.kind, 'node');
  assert.equal(points[0]!.tags['node'], 'hq-primary');
});
