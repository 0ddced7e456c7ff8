import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { metricValue } from '../../test/helpers/http-json.js';
import { createSyslogMetrics } from './syslog-metrics.js';

test('per-sender series are capped; later senders count under "other"', () => {
  const registry = new MetricsRegistry();
  const metrics = createSyslogMetrics(registry, 2);
  for (const source of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) metrics.received('udp', source);
  const text = registry.render();
  assert.equal(metricValue(text, 'ipo_syslog_source_received_total', { source: 'other' }), 2);
  assert.equal(text.match(/^ipo_syslog_source_received_total\{/gm)?.length, 3);
  assert.equal(metricValue(text, 'ipo_syslog_received_total', { listener: 'udp' }), 4);
});

test('the connections gauge follows opened and closed connections, per listener', () => {
  const registry = new MetricsRegistry();
  const metrics = createSyslogMetrics(registry);
  metrics.connectionOpened('tcp');
  metrics.connectionOpened('tcp');
  metrics.connectionOpened('tls');
  metrics.connectionClosed('tcp', 'idle-timeout');
  metrics.connectionRejected('tls', 'tls-handshake');
  const text = registry.render();
  assert.equal(metricValue(text, 'ipo_syslog_connections', { listener: 'tcp' }), 1);
  assert.equal(metricValue(text, 'ipo_syslog_connections', { listener: 'tls' }), 1);
  assert.equal(metricValue(text, 'ipo_syslog_connections_opened_total', { listener: 'tcp' }), 2);
  assert.equal(metricValue(text, 'ipo_syslog_connections_closed_total', { listener: 'tcp', reason: 'idle-timeout' }), 1);
  assert.equal(metricValue(text, 'ipo_syslog_connections_rejected_total', { listener: 'tls', reason: 'tls-handshake' }), 1);
});

test('a second collector on the same registry shares the families and the gauges', () => {
  const registry = new MetricsRegistry();
  createSyslogMetrics(registry).connectionOpened('tcp');
  createSyslogMetrics(registry).connectionOpened('tcp');
  assert.equal(metricValue(registry.render(), 'ipo_syslog_connections', { listener: 'tcp' }), 2);
});

test('the UDP receive buffer and the kernel’s RcvbufErrors are read at scrape time', { skip: process.platform !== 'linux' }, () => {
  const registry = new MetricsRegistry();
  const metrics = createSyslogMetrics(registry);
  assert.doesNotMatch(registry.render(), /^ipo_syslog_udp_receive_buffer_bytes /m, 'no sample before a socket is bound');
  metrics.udpReceiveBuffer(425984);
  const text = registry.render();
  assert.equal(metricValue(text, 'ipo_syslog_udp_receive_buffer_bytes'), 425984);
  assert.match(text, /^ipo_udp_rcvbuf_errors_total\{ip="4"\} \d+$/m);
});
