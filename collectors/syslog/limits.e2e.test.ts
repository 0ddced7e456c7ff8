import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { test, type TestContext } from 'node:test';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { createFakeContext } from '../../test/fakes/collector-context.js';
import { eventually } from '../../test/helpers/eventually.js';
import { metricValue } from '../../test/helpers/http-json.js';
import { sendUdp } from '../../test/helpers/send-udp.js';
import { SOURCE_STORM_CODE } from '../shared/source-rate-limit.js';
import { syslogConfigSchema } from './config.js';
import { syslogCollector } from './index.js';

/** A fake context whose clock stands still (no refill) and whose dropped counter counts. */
function context() {
  const fake = createFakeContext({ now: Date.now() });
  const dropped: Record<string, number> = {};
  fake.ctx.metrics = { ...fake.ctx.metrics, dropped: (reason, n = 1) => void (dropped[reason] = (dropped[reason] ?? 0) + n) };
  return { fake, dropped };
}

const line = (i: number) => Buffer.from(`<134>Nov 21 04:20:00 ipo IPOffice: flood message ${i}`);

test('UDP: a sender over rateLimit is dropped and counted as rate-limited, with one storm alarm; another sender is unaffected', async (t) => {
  const { fake, dropped } = context();
  const config = syslogConfigSchema.parse({ udp: { listenAddress: '127.0.0.1', port: 0 }, rateLimit: { perSourcePerSecond: 1, burst: 20 } });
  const collector = syslogCollector.create(config, fake.ctx);
  t.after(() => collector.stop());
  await collector.start();
  const port = collector.endpoints()[0]!.port!;

  await sendUdp(port, Array.from({ length: 200 }, (_, i) => line(i)), '127.0.0.1');
  await sendUdp(port, Array.from({ length: 5 }, (_, i) => line(i)), '127.0.0.2');
  // Loopback does not lose datagrams at this rate; every one is received, then limited.
  await eventually(() => assert.equal(fake.counters.received, 205));
  const storms = fake.events.filter((event) => event.code === SOURCE_STORM_CODE);
  const messages = fake.events.filter((event) => event.code !== SOURCE_STORM_CODE);
  assert.deepEqual(dropped, { 'rate-limited': 180 });
  assert.equal(messages.filter((event) => event.sourceAddress === '127.0.0.1').length, 20, 'the burst');
  assert.equal(messages.filter((event) => event.sourceAddress === '127.0.0.2').length, 5, 'the quiet sender keeps everything');
  assert.equal(storms.length, 1, 'one storm alarm, not one per dropped datagram');
  assert.deepEqual({ address: storms[0]!.sourceAddress, severity: storms[0]!.severity, raises: storms[0]!.raisesAlarm }, { address: '127.0.0.1', severity: 'minor', raises: true });
});

async function open(t: TestContext, port: number, host = '127.0.0.1'): Promise<Socket> {
  const socket = connect({ host, port });
  t.after(() => socket.destroy());
  await once(socket, 'connect');
  return socket;
}

test('TCP: maxConnectionsPerSource turns away the extra connections of one sender (counted); another sender still connects', async (t) => {
  const { fake } = context();
  const registry = new MetricsRegistry();
  fake.ctx.registry = registry;
  const config = syslogConfigSchema.parse({ udp: { enabled: false }, tcp: { enabled: true, listenAddress: '127.0.0.1', port: 0, maxConnections: 10, maxConnectionsPerSource: 2 } });
  const collector = syslogCollector.create(config, fake.ctx);
  t.after(() => collector.stop());
  await collector.start();
  const port = collector.endpoints()[0]!.port!;
  const opened = () => metricValue(registry.render(), 'ipo_syslog_connections', { listener: 'tcp' });

  const kept = [await open(t, port), await open(t, port)];
  await eventually(() => assert.equal(opened(), 2));
  const third = await open(t, port);
  await once(third, 'close');
  await eventually(() => assert.equal(metricValue(registry.render(), 'ipo_syslog_connections_rejected_total', { listener: 'tcp', reason: 'max-connections-per-source' }), 1));

  // 127.0.0.2 is another sender with its own allowance.
  const other = connect({ host: '127.0.0.1', port, localAddress: '127.0.0.2' });
  t.after(() => other.destroy());
  await once(other, 'connect');
  other.write('<134>Nov 21 04:20:00 relay app: from another sender\n');
  await eventually(() => assert.equal(fake.events.length, 1));
  assert.equal(fake.events[0]!.sourceAddress, '127.0.0.2');
  assert.equal(opened(), 3);

  // Closing one frees a slot for the first sender.
  kept[0]!.destroy();
  await eventually(() => assert.equal(opened(), 2));
  const again = await open(t, port);
  again.write('<134>Nov 21 04:20:00 relay app: slot freed\n');
  await eventually(() => assert.equal(fake.events.length, 2));
  assert.equal(metricValue(registry.render(), 'ipo_syslog_connections_rejected_total', { listener: 'tcp', reason: 'max-connections-per-source' }), 1);
});
