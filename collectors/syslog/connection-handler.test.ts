import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { metricValue } from '../../test/helpers/http-json.js';
import { createConnectionHandler } from './connection-handler.js';
import { createFakeContext } from '../../test/fakes/collector-context.js';
import { createFakeFlow } from '../../test/fakes/connection-flow.js';
import { createMessageHandler } from './message-handler.js';
import { createSourceAllowlist } from '../shared/address-prefix.js';
import { createSyslogMetrics } from './syslog-metrics.js';

function setup(unlistedSources: 'keep' | 'refuse' = 'keep') {
  const fake = createFakeContext();
  const registry = new MetricsRegistry();
  const metrics = createSyslogMetrics(registry);
  const handler = createMessageHandler({ maxMessageBytes: 480 }, fake.ctx, metrics);
  const events = createConnectionHandler({ listener: 'tcp', maxMessageBytes: 480, isAllowed: createSourceAllowlist(['10.0.0.0/8']), unlistedSources }, handler, fake.ctx, metrics);
  return { fake, events, metric: (name: string, labels: Record<string, string>) => metricValue(registry.render(), name, labels) };
}

const FRAME = '<134>Nov 21 05:10:17 ipo-hq IPOffice: Configuration merged';

test('each connection gets its own frame decoder; frames become events with the listener and sender', () => {
  const { fake, events, metric } = setup();
  const a = events.connect({ address: '10.0.0.1' }, createFakeFlow())!;
  const b = events.connect({ address: '10.0.0.2' }, createFakeFlow())!;
  a.data(Buffer.from(`${FRAME.length} ${FRAME.slice(0, 10)}`));
  b.data(Buffer.from(`${FRAME}\n`));
  a.data(Buffer.from(FRAME.slice(10)));
  assert.deepEqual(fake.events.map((e) => [e.sourceAddress, e.code, e.attributes['listener']]), [
    ['10.0.0.2', 'syslog.audit.config-merged', 'tcp'],
    ['10.0.0.1', 'syslog.audit.config-merged', 'tcp'],
  ]);
  assert.equal(metric('ipo_syslog_connections', { listener: 'tcp' }), 2);
  events.closed('peer');
  assert.equal(metric('ipo_syslog_connections', { listener: 'tcp' }), 1);
});

test('a peer that stops mid-frame: the partial counted frame is refused as truncated-frame when the connection ends', () => {
  const { fake, events } = setup();
  const sink = events.connect({ address: '10.0.0.1' }, createFakeFlow())!;
  sink.data(Buffer.from('45 <134>Nov 21 05:10:17 vm IPOffice: cut'));
  sink.end();
  sink.end();
  assert.deepEqual(fake.counters.refused, { 'truncated-frame': 1 });
  assert.equal(fake.events.length, 0);
});

test('unlisted senders: kept and flagged by default, turned away with unlistedSources refuse', () => {
  const keep = setup('keep');
  keep.events.connect({ address: '203.0.113.9' }, createFakeFlow())!.data(Buffer.from(`${FRAME}\n`));
  assert.equal(keep.fake.events[0]!.attributes['unlistedSource'], true);
  assert.equal(keep.metric('ipo_syslog_unlisted_source_total', { listener: 'tcp' }), 1);

  const refuse = setup('refuse');
  assert.equal(refuse.events.connect({ address: '203.0.113.9' }, createFakeFlow()), null);
  assert.equal(refuse.metric('ipo_syslog_connections_rejected_total', { listener: 'tcp', reason: 'unlisted-source' }), 1);
  assert.equal(refuse.metric('ipo_syslog_connections', { listener: 'tcp' }), 0);
});

test('a verified TLS client certificate name is kept on the event', () => {
  const { fake, events } = setup();
  events.connect({ address: '10.0.0.1', tlsPeer: 'rsyslog-relay-1' }, createFakeFlow())!.data(Buffer.from(`${FRAME}\n`));
  assert.equal(fake.events[0]!.attributes['tlsPeer'], 'rsyslog-relay-1');
});
