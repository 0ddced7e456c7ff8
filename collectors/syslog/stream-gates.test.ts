import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { createFakeContext } from '../../test/fakes/collector-context.js';
import { createFakeFlow } from '../../test/fakes/connection-flow.js';
import { metricValue } from '../../test/helpers/http-json.js';
import { createConnectionHandler } from './connection-handler.js';
import { createMessageHandler } from './message-handler.js';
import { createStreamGates } from './stream-gates.js';
import { createSyslogMetrics } from './syslog-metrics.js';

function setup(backPressure = true) {
  const fake = createFakeContext({ backPressure });
  const registry = new MetricsRegistry();
  const metrics = createSyslogMetrics(registry);
  const gates = createStreamGates(fake.ctx, metrics);
  const handler = createMessageHandler({ maxMessageBytes: 480 }, fake.ctx, metrics);
  const events = createConnectionHandler({ listener: 'tcp', maxMessageBytes: 480, isAllowed: () => true, unlistedSources: 'keep', gates }, handler, fake.ctx, metrics);
  const metric = (name: string) => metricValue(registry.render(), name, { listener: 'tcp' });
  return { fake, gates, events, metric };
}

/** Octet-counted frames "<134>… IPOffice: line N" for each n, in one chunk. */
const frames = (...ns: number[]) =>
  Buffer.from(
    ns
      .map((n) => {
        const message = `<134>Nov 21 05:10:17 ipo-hq IPOffice: line ${n}`;
        return `${message.length} ${message}`;
      })
      .join(''),
  );
const lines = (texts: string[]) => texts.map((text) => Number(/line (\d+)/.exec(text)?.[1]));

test('a full queue pauses the connection and keeps what it read; a drain delivers it all, in order, none dropped', () => {
  const { fake, events, metric } = setup();
  const flowA = createFakeFlow();
  const flowB = createFakeFlow();
  const a = events.connect({ address: '10.0.0.1' }, flowA)!;
  const b = events.connect({ address: '10.0.0.2' }, flowB)!;
  a.data(frames(1, 2, 3));
  fake.emitResult = 'queue-full';
  a.data(frames(4, 5, 6, 7));
  assert.deepEqual([flowA.paused, flowA.pauses], [true, 1], 'refused at frame 4: A stops reading');
  a.data(frames(8)); // a chunk the socket had already read
  b.data(frames(100, 101));
  assert.equal(flowB.paused, true);
  assert.deepEqual([metric('ipo_syslog_stream_paused_total'), metric('ipo_syslog_stream_paused_connections')], [2, 2]);
  assert.deepEqual([fake.deferred, fake.counters.dropped], [2, {}], 'one refused offer per connection, nothing dropped');

  fake.drain(); // still full: both stay paused, nothing delivered twice, not counted again
  assert.deepEqual([flowA.paused, flowA.pauses, flowB.paused, fake.events.length], [true, 1, true, 3]);

  fake.emitResult = 'accepted';
  fake.drain();
  assert.deepEqual([flowA.paused, flowB.paused], [false, false]);
  assert.deepEqual(lines(fake.events.map((e) => e.text)), [1, 2, 3, 4, 5, 6, 7, 8, 100, 101], 'each connection in order; paused first, replayed first');
  assert.deepEqual(fake.counters.dropped, {});
  assert.equal(fake.counters.accepted, 10);
  assert.equal(fake.counters.received, 10);
  assert.deepEqual([metric('ipo_syslog_stream_paused_total'), metric('ipo_syslog_stream_paused_connections')], [2, 0]);

  a.data(frames(9)); // reading again: straight through
  assert.deepEqual(lines(fake.events.slice(-1).map((e) => e.text)), [9]);
});

test('a drain that fills the queue again part-way leaves the connection paused with the rest, still in order', () => {
  const { fake, events } = setup();
  const flow = createFakeFlow();
  const sink = events.connect({ address: '10.0.0.1' }, flow)!;
  fake.emitResult = 'queue-full';
  sink.data(frames(1, 2, 3, 4));
  let room = 2;
  const backPressure = fake.ctx.backPressure!;
  const { offer } = backPressure;
  backPressure.offer = (event) => {
    fake.emitResult = room-- > 0 ? 'accepted' : 'queue-full';
    return offer(event);
  };
  fake.drain();
  assert.deepEqual([lines(fake.events.map((e) => e.text)), flow.paused], [[1, 2], true]);
  room = Infinity;
  fake.drain();
  assert.deepEqual([lines(fake.events.map((e) => e.text)), flow.paused, flow.pauses], [[1, 2, 3, 4], false, 1]);
});

test('a connection that closes while paused still delivers what it read on the next drain', () => {
  const { fake, events } = setup();
  const flow = createFakeFlow();
  const sink = events.connect({ address: '10.0.0.1' }, flow)!;
  fake.emitResult = 'queue-full';
  sink.data(frames(1, 2));
  sink.data(Buffer.from('<134>Nov 21 05:10:17 ipo-hq IPOffice: line 3')); // an LF-framed last line, delivered at end()
  sink.end();
  events.closed('peer');
  fake.emitResult = 'accepted';
  fake.drain();
  assert.deepEqual(lines(fake.events.map((e) => e.text)), [1, 2, 3]);
  assert.deepEqual(fake.counters.dropped, {});
});

test('at shutdown, events still held go to emit: a queue that is still full drops and counts them', () => {
  const { fake, gates, events, metric } = setup();
  const sink = events.connect({ address: '10.0.0.1' }, createFakeFlow())!;
  fake.emitResult = 'queue-full';
  sink.data(frames(1, 2, 3));
  gates.flush();
  assert.deepEqual(fake.counters.dropped, { 'queue-full': 3 });
  assert.equal(metric('ipo_syslog_stream_paused_connections'), 0);
  fake.emitResult = 'accepted';
  fake.drain();
  assert.equal(fake.events.length, 0, 'flushed gates are forgotten');
});

test('without back-pressure in the context (UDP-like), a full queue drops and counts, never pauses', () => {
  const { fake, events } = setup(false);
  const flow = createFakeFlow();
  const sink = events.connect({ address: '10.0.0.1' }, flow)!;
  fake.emitResult = 'queue-full';
  sink.data(frames(1, 2));
  assert.deepEqual([flow.pauses, fake.counters.dropped], [0, { 'queue-full': 2 }]);
});
