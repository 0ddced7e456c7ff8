import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MetricsRegistry } from './registry.js';

test('renders counters with sorted, escaped labels in Prometheus text format', () => {
  const registry = new MetricsRegistry();
  const refused = registry.counter('ipo_collector_refused_total', 'Inputs refused');
  refused.inc({ reason: 'oversize', collector: 'syslog' });
  refused.inc({ collector: 'syslog', reason: 'oversize' }, 2);
  refused.inc({ collector: 'syslog', reason: 'quote"back\\slash\nnewline' });
  assert.equal(
    registry.render(),
    [
      '# HELP ipo_collector_refused_total Inputs refused',
      '# TYPE ipo_collector_refused_total counter',
      'ipo_collector_refused_total{collector="syslog",reason="oversize"} 3',
      'ipo_collector_refused_total{collector="syslog",reason="quote\\"back\\\\slash\\nnewline"} 1',
      '',
    ].join('\n'),
  );
});

test('gauges are read at scrape time', () => {
  const registry = new MetricsRegistry();
  let depth = 1;
  registry.gauge('ipo_pipeline_queue_depth', 'depth', () => [{ labels: {}, value: depth }]);
  assert.match(registry.render(), /^ipo_pipeline_queue_depth 1$/m);
  depth = 7;
  assert.match(registry.render(), /^ipo_pipeline_queue_depth 7$/m);
});

test('touch() shows a series at 0; the same name twice returns the same family', () => {
  const registry = new MetricsRegistry();
  registry.counter('a_total', 'a').touch({ collector: 'syslog' });
  const again = registry.counter('a_total', 'a');
  again.inc({ collector: 'syslog' });
  assert.equal(again.get({ collector: 'syslog' }), 1);
  assert.throws(() => registry.gauge('a_total', 'a', () => []), /different types/);
});
