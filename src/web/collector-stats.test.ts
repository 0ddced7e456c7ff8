import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countersFor, registerCollectorMetrics } from '../metrics/collector-metrics.js';
import { MetricsRegistry } from '../metrics/registry.js';
import { CollectorRateRing, HISTORY_MS, snapshotOf } from './collector-stats.js';
import { renderCollectorsBody } from './collectors-page.js';

function registry() {
  const metrics = new MetricsRegistry();
  const syslog = countersFor(registerCollectorMetrics(metrics), 'syslog');
  let kernel = 100;
  metrics.gauge('ipo_udp_rcvbuf_errors_total', 'kernel', () => [{ labels: { ip: '4' }, value: kernel }]);
  const unknown = metrics.counter('ipo_pipeline_unknown_source_events_total', 'unknown');
  return { metrics, syslog, unknown, dropKernel: (n: number) => (kernel += n) };
}

test('a snapshot sums each collector and lists refusals and drops by reason, biggest first', () => {
  const { metrics, syslog, unknown } = registry();
  syslog.received(10);
  syslog.accepted(7);
  syslog.refused('bad-pri', 2);
  syslog.refused('empty', 1);
  syslog.dropped('queue-full');
  unknown.inc({}, 4);
  const snapshot = snapshotOf(metrics.samples(), 0);
  assert.deepEqual(snapshot.collectors, [{ collector: 'syslog', received: 10, accepted: 7, refused: 3, dropped: 1 }]);
  assert.deepEqual(snapshot.refusedByReason, [{ collector: 'syslog', reason: 'bad-pri', count: 2 }, { collector: 'syslog', reason: 'empty', count: 1 }]);
  assert.deepEqual(snapshot.droppedByReason, [{ collector: 'syslog', reason: 'queue-full', count: 1 }]);
  assert.deepEqual(snapshot.kernelDrops, [{ ip: '4', count: 100 }]);
  assert.equal(snapshot.unknownSourceEvents, 4);
  const html = renderCollectorsBody({ snapshot, rates: null, endpoints: [], unknownSenders: [], unknownScanned: 0, history: { collectors: [], times: [], series: [] } });
  assert.match(html, /<tr data-reason="bad-pri"><td>syslog<\/td><td><code>bad-pri<\/code><\/td><td class="num">2<\/td><\/tr>/);
  assert.match(html, /rates appear once two samples/);
});

test('rates per second come from the ring: none from one sample, then the delta over the elapsed time', () => {
  const { metrics, syslog, dropKernel } = registry();
  const ring = new CollectorRateRing(() => metrics.samples());
  let now = 1_000_000;
  assert.equal(ring.rates(ring.sample(now)), null);
  syslog.received(50);
  syslog.accepted(40);
  dropKernel(20);
  now += 10_000;
  const rates = ring.rates(ring.sample(now))!;
  assert.equal(rates.overSeconds, 10);
  assert.deepEqual(rates.perCollector.get('syslog'), { received: 5, accepted: 4, refused: 0, dropped: 0 });
  assert.equal(rates.kernelDrops, 2);
  const history = ring.history();
  assert.deepEqual(history.collectors, ['syslog']);
  assert.deepEqual(history.series, [[4]]);

  // Old samples fall out of the ring; the history stays bounded.
  for (let i = 0; i < 200; i++) ring.sample((now += 10_000));
  assert.ok(ring.history().times.length <= HISTORY_MS / 10_000);
});
