import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from '../helpers/eventually.js';
import { getJson, getText, metricValue } from '../helpers/http-json.js';
import { sendUdp } from '../helpers/send-udp.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { writeStackConfig } from '../helpers/stack-config.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const line = (i: number) => Buffer.from(`<134>Nov 21 04:20:00 ipo IPOffice: storm message ${i}`);

test('a storming sender through the real program: the excess dropped and counted, one storm alarm on its node (unknown senders flagged), cleared when quiet', async (t) => {
  const dir = makeTempDir();
  let stack: StackProcess | null = null;
  t.after(async () => {
    await stack?.stop();
    dir.remove();
  });
  // quietSeconds well above how long 100 loopback datagrams take: a stall mid-send cannot clear a storm and raise it
  // again, and neither storm clears before the test has seen both open.
  const collectors = { syslog: { udp: { listenAddress: '127.0.0.1', port: 0 }, rateLimit: { perSourcePerSecond: 1, burst: 10, quietSeconds: 5 } } };
  stack = await startStackProcess(writeStackConfig(dir.path, { collectors }), ['syslog/udp']);
  const port = stack.collectorPorts.get('syslog/udp')!;
  const url = stack.httpUrl;
  const syslogCounters = async () => {
    const text = await getText(`${url}/metrics`);
    return {
      received: metricValue(text, 'ipo_collector_received_total', { collector: 'syslog' }),
      dropped: metricValue(text, 'ipo_collector_dropped_total', { collector: 'syslog', reason: 'rate-limited' }),
      accepted: metricValue(text, 'ipo_collector_accepted_total', { collector: 'syslog' }),
    };
  };

  await sendUdp(port, Array.from({ length: 100 }, (_, i) => line(i)), '127.0.0.1'); // HQ Primary
  await sendUdp(port, Array.from({ length: 100 }, (_, i) => line(i)), '127.0.0.2'); // not in the fleet
  const storms = await eventually(async () => {
    const { alarms } = await getJson(`${url}/api/v1/alarms?state=open`);
    const found = alarms.filter((a: { code: string }) => a.code === 'collector.source-storm');
    assert.equal(found.length, 2);
    return found as Array<{ node: { id: string } | null; severity: string; occurrences: number; sourceAddress?: string }>;
  }, { message: 'one storm alarm per sender' });
  assert.deepEqual(storms.map((a) => a.node?.id ?? null).sort(), ['acme-hq-primary', null].sort());
  assert.ok(storms.every((a) => a.severity === 'minor' && a.occurrences === 1), JSON.stringify(storms));
  // A storm is raised at a sender's 11th datagram; the rest may still sit in the socket buffer, so wait for all 200.
  const afterStorm = await eventually(async () => {
    const counters = await syslogCounters();
    assert.equal(counters.received, 200);
    return counters;
  }, { message: 'every datagram read' });
  // Each sender: its burst of 10, plus the little the rate (1/s) refilled while its 100 datagrams arrived, kept.
  assert.ok(afterStorm.dropped >= 2 * (100 - 10 - 5), `dropped ${afterStorm.dropped}`);

  await eventually(async () => {
    const { alarms } = await getJson(`${url}/api/v1/alarms?state=open`);
    assert.equal(alarms.filter((a: { code: string }) => a.code === 'collector.source-storm').length, 0);
  }, { timeoutMs: 30_000, message: 'the storms clear once the senders are quiet (5 s, swept every 5 s)' });
  // Both cleared, so the count no longer depends on when the sweep ran: every kept message, plus 2 storms raised and 2 cleared, was accepted.
  const { received, dropped, accepted } = await syslogCounters();
  assert.equal(received, 200);
  assert.equal(accepted - (received - dropped), 4, `received ${received}, dropped ${dropped}, accepted ${accepted}`);
});
