import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { freeUdpPort, gstReceiverArgs, gstSenderArgs, startTool } from '../../collectors/rtcp/testdata/peers.js';
import { eventually } from '../helpers/eventually.js';
import { getJson, getText, metricValue } from '../helpers/http-json.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { writeStackConfig } from '../helpers/stack-config.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const B = '1.3.6.1.4.1.6889.2.2.1.2.1';

function writeConfig(dir: string): string {
  return writeStackConfig(dir, {
    collectors: {
      syslog: { enabled: false },
      snmp: { enabled: true, traps: { listenAddress: '127.0.0.1', port: 0 } },
      rtcp: { enabled: true, listenAddress: '127.0.0.1', port: 0, flushIntervalMs: 200 },
    },
    nodes: [{ id: 'acme-hq-ip500', name: 'HQ IP500 V2', role: 'ip500v2', addresses: ['127.0.0.1'] }],
  });
}

test('a GStreamer call with netsim loss shows up in the QoS API; an IP Office QoS trap becomes a poor call record', async (t) => {
  const dir = makeTempDir();
  let stack: StackProcess | null = null;
  t.after(async () => {
    await stack?.stop();
    dir.remove();
  });
  stack = await startStackProcess(writeConfig(dir.path), ['rtcp/udp', 'snmp/udp']);
  const [rtpPort, rtcpInPort] = [await freeUdpPort(), await freeUdpPort()];
  const receiver = startTool('gst-launch-1.0', gstReceiverArgs({ rtpPort, rtcpInPort, reportTo: stack.collectorPorts.get('rtcp/udp')! }));
  t.after(() => receiver.stop());
  const sender = startTool('gst-launch-1.0', gstSenderArgs({ rtpPort, rtcpPort: rtcpInPort }, { dropProbability: 0.05, delayProbability: 0.5, minDelayMs: 5, maxDelayMs: 80 }));
  t.after(() => sender.stop());

  const call = await eventually(
    async () => {
      const { calls } = await getJson(`${stack!.httpUrl}/api/v1/qos/calls?site=acme-hq`);
      const found = calls.find((c: { reports: number; lossPercent: number }) => c.reports >= 5 && c.lossPercent > 0);
      assert.ok(found, `calls: ${JSON.stringify(calls)}; gst: ${receiver.stderr()} ${sender.stderr()}`);
      return found;
    },
    { timeoutMs: 20_000, intervalMs: 200, message: 'a call record with loss from the GStreamer receiver reports' },
  );
  await Promise.all([sender.stop(), receiver.stop()]);
  assert.equal(call.node.id, 'acme-hq-ip500');
  assert.equal(call.attribution, 'node');
  assert.equal(call.codec, 'G.711');
  assert.ok(call.lossPercent > 0 && call.lossPercent < 15, `loss ${call.lossPercent} % for 5 % dropped`);
  assert.ok(call.jitterMeanMs > 5, `jitter ${call.jitterMeanMs} ms`);
  assert.ok(call.mos > 1 && call.mos < 4.4);

  const detail = await getJson(`${stack.httpUrl}/api/v1/qos/calls/${call.id}`);
  assert.ok(detail.reports.length >= 5);
  assert.ok(detail.reports.some((r: { lossPercent: number }) => r.lossPercent > 0));

  const metrics = await getText(`${stack.httpUrl}/metrics`);
  assert.ok(metricValue(metrics, 'ipo_rtcp_packets_total', { type: 'rr' }) >= 5, metrics);
  assert.ok(metricValue(metrics, 'ipo_rtcp_streams_started_total', { attribution: 'node' }) >= 1);

  // IP Office's own QoS notification for extension 201 (§5.4 varbinds): no RTCP record of 201, so a record of its own.
  const target = `127.0.0.1:${stack.collectorPorts.get('snmp/udp')!}`;
  await run('snmptrap', ['-m', '', '-v', '2c', '-c', 'public', target, '', '1.3.6.1.4.1.6889.2.2.1.2.0.36',
    `${B}.9`, 'i', '6', `${B}.10`, 's', 'IPO0000001', `${B}.13`, 'u', '45', `${B}.14`, 'u', '420', `${B}.15`, 'u', '3',
    `${B}.16`, 'u', '12345', `${B}.17`, 'i', '2', `${B}.18`, 'u', '7', `${B}.19`, 'u', '201'], { timeout: 10_000 });
  const trapCall = await eventually(async () => {
    const { calls } = await getJson(`${stack!.httpUrl}/api/v1/qos/calls?extension=201&poor=true`);
    assert.equal(calls.length, 1, JSON.stringify(calls));
    return calls[0];
  }, { message: 'the QoS notification as a call record' });
  assert.deepEqual([trapCall.attribution, trapCall.node.id, trapCall.jitterMaxMs, trapCall.roundTripMaxMs, trapCall.ipoQos.callId, trapCall.ipoQos.packetLoss], ['trap', 'acme-hq-ip500', 45, 420, 12345, 3]);

  const summary = await getJson(`${stack.httpUrl}/api/v1/qos/summary?site=acme-hq`);
  assert.equal(summary.sites[0].key, 'acme-hq');
  assert.ok(summary.sites[0].calls >= 2 && summary.sites[0].poorCalls >= 1);
  assert.deepEqual(summary.extensions.map((e: { key: string }) => e.key), ['201']);
});
