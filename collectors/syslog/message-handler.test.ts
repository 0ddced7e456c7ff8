import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { pino } from 'pino';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { metricValue } from '../../test/helpers/http-json.js';
import { createFakeContext } from '../../test/fakes/collector-context.js';
import { createMessageHandler } from './message-handler.js';
import { createSyslogMetrics } from './syslog-metrics.js';

const ALARM = Buffer.from('<131>Nov 21 04:19:13 vm IPOffice: Alarm: Trunk: Trunk Slot B, T1 PRI 2 red alarm');
const FROM = { address: '192.0.2.10', listener: 'udp' as const };

function capturedLog() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: 'warn' }, stream), lines };
}

function setup(options: { log?: ReturnType<typeof capturedLog>['log'] } = {}) {
  const fake = createFakeContext(options);
  const registry = new MetricsRegistry();
  const handler = createMessageHandler({ maxMessageBytes: 480 }, fake.ctx, createSyslogMetrics(registry));
  const metric = (name: string, labels: Record<string, string>) => metricValue(registry.render(), name, labels);
  return { fake, handler, metric };
}

test('createMessageHandler emits an event per good message and counts received and parsed', () => {
  const { fake, handler, metric } = setup();
  handler.message(ALARM, FROM);
  assert.equal(fake.events.length, 1);
  assert.equal(fake.events[0]!.sourceAddress, '192.0.2.10');
  assert.equal(fake.events[0]!.attributes['listener'], 'udp');
  assert.equal(fake.events[0]!.receivedAt, Date.UTC(2026, 10, 21, 4, 20, 0), 'receivedAt comes from the injected clock');
  assert.deepEqual(fake.counters, { received: 1, accepted: 1, refused: {}, dropped: {} }, 'accepted is counted by emit, as the pipeline does');
  assert.equal(metric('ipo_syslog_received_total', { listener: 'udp' }), 1);
  assert.equal(metric('ipo_syslog_parsed_total', { listener: 'udp' }), 1);
  assert.equal(metric('ipo_syslog_source_received_total', { source: '192.0.2.10' }), 1);
  assert.equal(metric('ipo_syslog_source_parsed_total', { source: '192.0.2.10' }), 1);
});

test('createMessageHandler refuses oversize messages without parsing them, per listener and sender', () => {
  const { fake, handler, metric } = setup();
  handler.message(Buffer.concat([ALARM, Buffer.alloc(481 - ALARM.length, 0x41)]), { address: '192.0.2.10', listener: 'tcp' });
  handler.message(Buffer.concat([ALARM, Buffer.alloc(480 - ALARM.length, 0x41)]), FROM);
  assert.deepEqual(fake.counters.refused, { oversize: 1 });
  assert.equal(fake.events.length, 1, 'exactly maxMessageBytes is accepted');
  assert.equal(metric('ipo_syslog_refused_total', { listener: 'tcp', reason: 'oversize' }), 1);
  assert.equal(metric('ipo_syslog_source_refused_total', { source: '192.0.2.10', reason: 'oversize' }), 1);
  assert.equal(metric('ipo_syslog_received_total', { listener: 'tcp' }), 1);
});

test('createMessageHandler flags and counts messages from senders outside the allowlist', () => {
  const { fake, handler, metric } = setup();
  handler.message(ALARM, { ...FROM, unlisted: true });
  assert.equal(fake.events[0]!.attributes['unlistedSource'], true);
  assert.equal(metric('ipo_syslog_unlisted_source_total', { listener: 'udp' }), 1);
});

test('createMessageHandler.refused counts input refused before parsing (framing, allowlist)', () => {
  const { fake, handler, metric } = setup();
  handler.refused('truncated-frame', 'peer closed', Buffer.from('45 <13>'), 7, { address: '192.0.2.10', listener: 'tls' });
  assert.deepEqual(fake.counters, { received: 1, accepted: 0, refused: { 'truncated-frame': 1 }, dropped: {} });
  assert.equal(metric('ipo_syslog_refused_total', { listener: 'tls', reason: 'truncated-frame' }), 1);
});

test('createMessageHandler logs at most one sample per reason per 10 s', () => {
  const { log, lines } = capturedLog();
  const { fake, handler } = setup({ log });
  for (let i = 0; i < 5; i++) handler.message(Buffer.from('hello'), FROM);
  handler.message(Buffer.from('<999>x'), FROM);
  fake.setNow(Date.UTC(2026, 10, 21, 4, 20, 10));
  handler.message(Buffer.from('hello'), FROM);

  assert.deepEqual(fake.counters.refused, { 'not-syslog': 6, 'bad-pri': 1 });
  assert.deepEqual(
    lines.map((l) => [l['reason'], l['suppressed']]),
    [['not-syslog', 0], ['bad-pri', 0], ['not-syslog', 4]],
  );
  assert.equal(lines[0]!['sample'], 'hello');
  assert.equal(lines[0]!['sourceAddress'], '192.0.2.10');
  assert.equal(lines[0]!['listener'], 'udp');
});

test('createMessageHandler never throws into the socket loop: a failure is counted as internal-error', () => {
  const { fake, handler } = setup();
  fake.ctx.emit = () => {
    throw new Error('boom');
  };
  assert.doesNotThrow(() => handler.message(ALARM, FROM));
  assert.deepEqual(fake.counters.refused, { 'internal-error': 1 });
  assert.equal(fake.counters.received, 1);
});
