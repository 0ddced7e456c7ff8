import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { FleetEventSchema } from '../../src/events/fleet-event.js';
import { eventually } from '../../test/helpers/eventually.js';
import { sendWithLogger } from '../../test/helpers/send-logger.js';
import { sendUdp } from '../../test/helpers/send-udp.js';
import { syslogConfigSchema } from './config.js';
import { createFakeContext } from './fake-context.js';
import { syslogCollector } from './index.js';

const config = (udp: Record<string, unknown> = {}) =>
  syslogConfigSchema.parse({ udp: { listenAddress: '127.0.0.1', port: 0, ...udp }, maxMessageBytes: 480 });

function udpPort(collector: { endpoints(): Array<{ port?: number }> }): number {
  const port = collector.endpoints()[0]?.port;
  assert.ok(port !== undefined && port > 0, 'a started collector reports its UDP port');
  return port;
}

test('syslog collector: a logger alarm line becomes a FleetEvent', async (t) => {
  const fake = createFakeContext({ now: Date.now() });
  const collector = syslogCollector.create(config(), fake.ctx);
  t.after(() => collector.stop());

  assert.equal(syslogCollector.type, 'syslog');
  assert.deepEqual(collector.endpoints(), []);
  await collector.start();
  assert.deepEqual(collector.endpoints(), [{ transport: 'udp', address: '127.0.0.1', port: udpPort(collector) }]);

  await sendWithLogger(udpPort(collector), 'Alarm: Trunk: Trunk Slot B T1 PRI 2 red alarm', { priority: 'local0.warning' });
  await sendWithLogger(udpPort(collector), 'Alarm Cleared: Trunk: Trunk Slot B T1 PRI 2 red alarm', { priority: 'local0.notice' });
  const [raise, clear] = await eventually(() => {
    assert.equal(fake.events.length, 2);
    return fake.events;
  }, { message: 'both logger lines should be emitted' });

  assert.doesNotThrow(() => FleetEventSchema.parse(raise));
  assert.equal(raise!.source, 'syslog');
  assert.equal(raise!.sourceAddress, '127.0.0.1');
  assert.equal(raise!.category, 'Trunk lines');
  assert.equal(raise!.severity, 'warning');
  assert.equal(raise!.code, 'syslog.alarm.trunk');
  assert.equal(raise!.attributes['appName'], 'IPOffice');
  assert.match(raise!.raw.data, /^<132>/);
  assert.equal(clear!.severity, 'cleared');
  assert.equal(clear!.alarmKey, raise!.alarmKey);
  // logger writes the host's wall-clock time and the collector reads BSD timestamps as UTC.
  const hostOffsetMs = -new Date().getTimezoneOffset() * 60_000;
  assert.ok(Math.abs(raise!.occurredAt! - (raise!.receivedAt + hostOffsetMs)) < 2 * 60_000, 'occurredAt comes from the logger timestamp');
  assert.deepEqual(fake.counters, { received: 2, accepted: 0, refused: {}, dropped: {} });
});

test('syslog collector refuses and counts oversize and garbage datagrams, and keeps running', async (t) => {
  const fake = createFakeContext();
  const collector = syslogCollector.create(config(), fake.ctx);
  t.after(() => collector.stop());
  await collector.start();
  const port = udpPort(collector);

  const garbage = Buffer.concat([Buffer.from([0x00, 0xff]), randomBytes(200)]);
  await sendUdp(port, [Buffer.alloc(481, 0x41), garbage, Buffer.from('<13>Nov 21 04:19:13 vm IPOffice: still alive')]);
  await eventually(() => {
    assert.equal(fake.counters.received, 3);
    assert.equal(fake.counters.refused['oversize'], 1);
    assert.equal(fake.counters.refused['not-syslog'], 1);
    assert.equal(fake.events.length, 1);
  }, { message: 'oversize and garbage should be refused, the good line emitted' });
  assert.equal(fake.events[0]!.text, 'still alive');
});

test('syslog collector stop() is idempotent, safe before start, and the collector restarts', async (t) => {
  const collector = syslogCollector.create(config(), createFakeContext().ctx);
  t.after(() => collector.stop());
  await collector.stop();
  await collector.start();
  await collector.stop();
  await collector.stop();
  assert.deepEqual(collector.endpoints(), []);
  await collector.start();
  assert.equal(collector.endpoints().length, 1);
  await collector.stop();
});

test('syslog collector start() rejects with IPO_ERR_COLLECTOR_BIND_FAILED when the port is taken', async (t) => {
  const first = syslogCollector.create(config(), createFakeContext().ctx);
  t.after(() => first.stop());
  await first.start();
  const second = syslogCollector.create(config({ port: udpPort(first) }), createFakeContext().ctx);
  t.after(() => second.stop());
  await assert.rejects(second.start(), { code: 'IPO_ERR_COLLECTOR_BIND_FAILED' });
  assert.deepEqual(second.endpoints(), []);
});

test('syslog collector with udp.enabled false binds nothing', async (t) => {
  const collector = syslogCollector.create(config({ enabled: false }), createFakeContext().ctx);
  t.after(() => collector.stop());
  await collector.start();
  assert.deepEqual(collector.endpoints(), []);
});
