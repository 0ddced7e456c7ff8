import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { eventually } from '../../test/helpers/eventually.js';
import { getJson, getText, metricValue } from '../../test/helpers/http-json.js';
import { startStackProcess, type StackProcess } from '../../test/helpers/stack-process.js';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { sendWithLoggerAs } from './logger-client.js';

test('the real program takes syslog over UDP and TCP into alarms, events and per-listener metrics', async (t) => {
  const dir = makeTempDir();
  let stack: StackProcess | null = null;
  t.after(async () => {
    await stack?.stop();
    dir.remove();
  });
  const config = join(dir.path, 'config.yaml');
  writeFileSync(
    config,
    `server: { http: { listenAddress: 127.0.0.1, port: 0 } }
storage: { dataDir: ${join(dir.path, 'data')} }
collectors:
  syslog:
    udp: { listenAddress: 127.0.0.1, port: 0 }
    tcp: { enabled: true, listenAddress: 127.0.0.1, port: 0 }
`,
  );
  stack = await startStackProcess(config, ['syslog/udp', 'syslog/tcp']);
  const udp = stack.collectorPorts.get('syslog/udp')!;
  const tcp = stack.collectorPorts.get('syslog/tcp')!;

  await sendWithLoggerAs(udp, 'SIP Channel License Exceeded: There are insufficient SIP Channel licenses License Type: Maximum SIP Trunk Sessions', { transport: 'udp', format: 'rfc3164' });
  await sendWithLoggerAs(tcp, 'Failed to load HOLD Music source file Source Name: Primary', { transport: 'tcp', format: 'rfc5424', octetCount: true });
  await sendWithLoggerAs(tcp, 'Audit: Configuration merged', { transport: 'tcp', format: 'rfc3164', priority: 'local0.notice' });

  // Both in one wait: the two alarms can be stored while the audit line (another connection) is still being read.
  const { alarms, events } = await eventually(async () => {
    const { alarms } = await getJson(`${stack!.httpUrl}/api/v1/alarms?state=open`);
    const { events } = await getJson(`${stack!.httpUrl}/api/v1/events?source=syslog`);
    assert.equal(alarms.length, 2);
    assert.equal(events.length, 3);
    return { alarms: alarms as Array<{ code: string; category: string }>, events: events as Array<{ code: string }> };
  }, { message: 'the two seed alarm texts should raise two alarms, and all three lines be stored as events' });
  assert.deepEqual(alarms.map((a) => a.code).sort(), ['syslog.hold-music.load-failed', 'syslog.licence.sip-channels-exceeded']);
  assert.ok(events.some((e) => e.code === 'syslog.audit.config-merged'), 'the audit line is stored as an event');

  await eventually(async () => {
    const metrics = await getText(`${stack!.httpUrl}/metrics`);
    assert.equal(metricValue(metrics, 'ipo_collector_accepted_total', { collector: 'syslog' }), 3);
    assert.equal(metricValue(metrics, 'ipo_syslog_parsed_total', { listener: 'udp' }), 1);
    assert.equal(metricValue(metrics, 'ipo_syslog_parsed_total', { listener: 'tcp' }), 2);
    assert.equal(metricValue(metrics, 'ipo_syslog_source_received_total', { source: '127.0.0.1' }), 3);
    assert.equal(metricValue(metrics, 'ipo_syslog_connections_opened_total', { listener: 'tcp' }), 2);
    assert.equal(metricValue(metrics, 'ipo_syslog_connections', { listener: 'tcp' }), 0, 'logger closes its connection');
    assert.match(metrics, /^ipo_udp_rcvbuf_errors_total\{ip="4"\} \d+$/m);
    assert.ok(metricValue(metrics, 'ipo_syslog_udp_receive_buffer_bytes') > 0);
  }, { message: 'per-listener and per-source metrics' });
});
