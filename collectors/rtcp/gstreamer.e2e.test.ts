import assert from 'node:assert/strict';
import { it } from 'node:test';
import { eventually } from '../../test/helpers/eventually.js';
import { startCollector } from './testdata/harness.js';
import { freeUdpPort, gstSenderArgs, startGstReceiver, startTool } from './testdata/peers.js';

const REPORTS = 6;

type CallRecord = ReturnType<Awaited<ReturnType<typeof startCollector>>['fake']['store']['listQosCalls']>[number];

/**
 * A GStreamer call leg whose receiver reports reach the collector; returns the call record once it has REPORTS
 * reports and `ready` holds (RTCP intervals are randomised, so e.g. the first RR that carries an LSR comes when
 * it comes: wait for it rather than for a fixed count).
 */
async function measure(t: { after(fn: () => unknown): void }, impair?: Parameters<typeof gstSenderArgs>[1], ready: (call: CallRecord) => boolean = () => true) {
  const { collector, fake, port } = await startCollector();
  t.after(() => collector.stop());
  const [rtpPort, rtcpInPort] = [await freeUdpPort(), await freeUdpPort()];
  const receiver = startGstReceiver({ rtpPort, rtcpInPort, reportTo: port });
  t.after(() => receiver.stop());
  await receiver.playing; // else the sender's first packets wait in the socket and arrive as one burst: jitter
  const sender = startTool('gst-launch-1.0', gstSenderArgs({ rtpPort, rtcpPort: rtcpInPort }, impair));
  t.after(() => sender.stop());
  return eventually(
    () => {
      collector.flush();
      const [call] = fake.store.listQosCalls({ limit: 10 }).filter((c) => c.reports >= REPORTS && ready(c));
      assert.ok(call, `no stream with ${REPORTS} reports (and ready) yet; receiver: ${receiver.stderr()} sender: ${sender.stderr()}`);
      return call;
    },
    { timeoutMs: 20_000, intervalMs: 100, message: 'GStreamer receiver reports' },
  );
}

it('GStreamer rtpbin through netsim (5 % drop, 50 % delayed 20–120 ms): the collector reports loss and jitter of that order', async (t) => {
  // Wait for a sample large enough for the ratio to mean something (10 lost ≈ 200 packets at 5 %): a few early
  // reports on a busy machine can carry only a couple of drops, and the segment's loss is then mostly chance.
  const call = await measure(t, { dropProbability: 0.05, delayProbability: 0.5, minDelayMs: 20, maxDelayMs: 120 }, (c) => (c.packetsLost ?? 0) >= 10);
  t.diagnostic(`loss ${call.lossPercent} %, worst ${call.lossMaxPercent} %, jitter mean ${call.jitterMeanMs} ms, max ${call.jitterMaxMs} ms, MOS ${call.mos}`);
  assert.equal(call.sourceAddress, '127.0.0.1');
  assert.equal(call.clockRate, 8000);
  assert.ok(call.lossPercent! > 1 && call.lossPercent! < 15, `segment loss ${call.lossPercent} % for 5 % dropped`);
  assert.ok(call.lossMaxPercent! > 1, `worst interval ${call.lossMaxPercent} %`);
  assert.ok(call.packetsLost! > 0);
  assert.ok(call.jitterMeanMs! > 15 && call.jitterMeanMs! < 120, `mean jitter ${call.jitterMeanMs} ms for delays of 20–120 ms on half the packets`);
  assert.ok(call.thresholds.includes('loss') && call.poor);
  assert.equal(call.mosSource, 'e-model');
  assert.ok(call.mos! < 4.3, `MOS ${call.mos} with loss`);
});

it('the same call without netsim: no loss, jitter near zero, a round trip from LSR/DLSR on one clock', async (t) => {
  const call = await measure(t, undefined, (c) => c.rttSource === 'lsr-dlsr');
  assert.equal(call.lossPercent, 0);
  assert.equal(call.packetsLost, 0);
  assert.ok(call.jitterMeanMs! < 15, `jitter mean ${call.jitterMeanMs}, max ${call.jitterMaxMs} ms on loopback (a live source on a busy machine)`);
  assert.equal(call.rttSource, 'lsr-dlsr');
  assert.ok(call.rttMaxMs! >= 0 && call.rttMaxMs! < 100, `round trip ${call.rttMaxMs} ms on loopback`);
  assert.ok(call.mos! > 4.3, `MOS ${call.mos}`);
  assert.deepEqual(call.thresholds, []);
});
