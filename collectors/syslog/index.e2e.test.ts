import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect } from 'node:net';
import { test } from 'node:test';
import { FleetEventSchema } from '../../src/events/fleet-event.js';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { eventually } from '../../test/helpers/eventually.js';
import { metricValue } from '../../test/helpers/http-json.js';
import { sendWithLogger } from '../../test/helpers/send-logger.js';
import { sendUdp } from '../../test/helpers/send-udp.js';
import { syslogConfigSchema } from './config.js';
import { createFakeContext } from '../../test/fakes/collector-context.js';
import { syslogCollector } from './index.js';
import { sendWithLoggerAs } from './logger-client.js';

const config = (udp: Record<string, unknown> = {}, rest: Record<string, unknown> = {}) =>
  syslogConfigSchema.parse({ udp: { listenAddress: '127.0.0.1', port: 0, ...udp }, maxMessageBytes: 480, ...rest });

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
  assert.deepEqual(fake.counters, { received: 2, accepted: 2, refused: {}, dropped: {} });
  assert.equal(raise!.attributes['listener'], 'udp');
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

function portOf(collector: { endpoints(): Array<{ transport: string; port?: number }> }, transport: string): number {
  const port = collector.endpoints().find((e) => e.transport === transport)?.port;
  assert.ok(port !== undefined && port > 0, `a started collector reports its ${transport} port`);
  return port;
}

test('syslog collector: logger over UDP and TCP, RFC 3164 and 5424, with and without octet counting', async (t) => {
  const fake = createFakeContext({ now: Date.now() });
  const collector = syslogCollector.create(config({}, { tcp: { enabled: true, listenAddress: '127.0.0.1', port: 0 } }), fake.ctx);
  t.after(() => collector.stop());
  await collector.start();
  const udp = portOf(collector, 'udp');
  const tcp = portOf(collector, 'tcp');

  const sd = ['--msgid', 'QOS', '--sd-id', 'qos@32473', '--sd-param', 'jitter="45"', '--sd-param', 'rtd="420"'];
  await sendWithLoggerAs(udp, 'QoS alarm ext 201', { transport: 'udp', format: 'rfc5424', priority: 'local0.err', extra: sd });
  await sendWithLoggerAs(tcp, 'tcp rfc3164 lf', { transport: 'tcp', format: 'rfc3164' });
  await sendWithLoggerAs(tcp, 'tcp rfc3164 counted', { transport: 'tcp', format: 'rfc3164', octetCount: true });
  await sendWithLoggerAs(tcp, 'tcp rfc5424 lf', { transport: 'tcp', format: 'rfc5424' });
  await sendWithLoggerAs(tcp, 'Audit: Configuration merged', { transport: 'tcp', format: 'rfc5424', octetCount: true, priority: 'local0.notice' });
  await eventually(() => assert.equal(fake.events.length, 5), { message: 'all five logger messages should be emitted' });

  const byText = new Map(fake.events.map((e) => [e.text, e]));
  const qos = byText.get('QoS alarm ext 201')!;
  assert.equal(qos.attributes['format'], 'rfc5424');
  assert.equal(qos.attributes['msgId'], 'QOS');
  assert.equal(qos.attributes['sd.qos@32473.jitter'], '45');
  assert.equal(qos.attributes['listener'], 'udp');
  assert.deepEqual(qos.entity, { kind: 'extension', id: '201', name: 'ext 201' });
  for (const text of ['tcp rfc3164 lf', 'tcp rfc3164 counted', 'tcp rfc5424 lf']) {
    assert.equal(byText.get(text)?.attributes['listener'], 'tcp', text);
  }
  const merged = fake.events.find((e) => e.code === 'syslog.audit.config-merged');
  assert.ok(merged, 'the audit line is recognised');
  assert.equal(merged.raisesAlarm, false);
  assert.deepEqual(fake.counters.refused, {});
});

test('syslog collector over TCP: oversize, a broken count and a peer that stops mid-frame are refused; the connection stays in sync', async (t) => {
  const fake = createFakeContext();
  const collector = syslogCollector.create(config({ enabled: false }, { tcp: { enabled: true, listenAddress: '127.0.0.1', port: 0 } }), fake.ctx);
  t.after(() => collector.stop());
  await collector.start();
  const port = portOf(collector, 'tcp');

  const good = (text: string) => `<134>Nov 21 05:10:17 ipo-hq IPOffice: ${text}`;
  const counted = (text: string) => `${Buffer.byteLength(good(text))} ${good(text)}`;
  const socket = connect({ host: '127.0.0.1', port });
  t.after(() => socket.destroy());
  await once(socket, 'connect');
  socket.write(counted('first') + `1000000 ${'A'.repeat(2000)}`);
  socket.write('A'.repeat(1_000_000 - 2000) + counted('after oversize'));
  socket.write('12x broken count\n' + counted('after broken count'));
  socket.end('45 <134>Nov 21 05:10:17 ipo-hq IPOffice: cut');
  await eventually(() => {
    assert.deepEqual(fake.events.map((e) => e.text), ['first', 'after oversize', 'after broken count']);
    assert.deepEqual(fake.counters.refused, { oversize: 1, 'bad-frame': 1, 'truncated-frame': 1 });
  }, { message: 'good frames around the bad ones should arrive' });
  assert.equal(fake.counters.received, 6);
});

test('syslog collector: allowedSources keeps and flags, or refuses, senders outside the list', async (t) => {
  const keep = createFakeContext();
  const kept = syslogCollector.create(config({ allowedSources: ['127.0.0.1/32'] }), keep.ctx);
  const refuse = createFakeContext();
  const refused = syslogCollector.create(config({ allowedSources: ['127.0.0.1'], unlistedSources: 'refuse' }), refuse.ctx);
  t.after(() => Promise.all([kept.stop(), refused.stop()]));
  await Promise.all([kept.start(), refused.start()]);

  const line = Buffer.from('<132>Nov 21 05:10:17 branch7 IPOffice: System ID has changed');
  for (const collector of [kept, refused]) {
    await sendUdp(udpPort(collector), [line], '127.0.0.2');
    await sendUdp(udpPort(collector), [line], '127.0.0.1');
  }
  await eventually(() => {
    assert.deepEqual(keep.events.map((e) => [e.sourceAddress, e.attributes['unlistedSource'] ?? false]), [['127.0.0.2', true], ['127.0.0.1', false]]);
    assert.deepEqual(refuse.events.map((e) => e.sourceAddress), ['127.0.0.1']);
    assert.deepEqual(refuse.counters.refused, { 'unlisted-source': 1 });
  });
});

test('syslog collector with TLS enabled but an unreadable key file fails to start and names the file', async (t) => {
  const collector = syslogCollector.create(
    config({ enabled: false }, { tls: { enabled: true, listenAddress: '127.0.0.1', port: 0, certFile: '/nonexistent/cert.pem', keyFile: '/nonexistent/key.pem' } }),
    createFakeContext().ctx,
  );
  t.after(() => collector.stop());
  await assert.rejects(collector.start(), { code: 'IPO_ERR_COLLECTOR_BIND_FAILED', message: /tls\.certFile \/nonexistent\/cert\.pem/ });
  assert.deepEqual(collector.endpoints(), []);
});

test('syslog collector asks for its UDP receive buffer and reports what the kernel granted', async (t) => {
  const registry = new MetricsRegistry();
  const fake = createFakeContext();
  const collector = syslogCollector.create(config({ receiveBufferBytes: 65536 }), { ...fake.ctx, registry });
  t.after(() => collector.stop());
  await collector.start();
  const text = registry.render();
  assert.ok(metricValue(text, 'ipo_syslog_udp_receive_buffer_bytes') >= 65536, text);
  assert.match(text, /^ipo_udp_rcvbuf_errors_total\{ip="4"\} \d+$/m);
});
