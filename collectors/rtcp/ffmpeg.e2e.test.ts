import assert from 'node:assert/strict';
import { it } from 'node:test';
import { eventually } from '../../test/helpers/eventually.js';
import { startCollector } from './testdata/harness.js';
import { ffmpegArgs, freeUdpPort, startGstReceiver, startTool } from './testdata/peers.js';

it('ffmpeg\'s lone SRs and a GStreamer receiver\'s RRs about its stream: two records, paired; nothing injected, nothing lost', async (t) => {
  const { collector, fake, port } = await startCollector();
  t.after(() => collector.stop());
  const [rtpPort, rtcpInPort] = [await freeUdpPort(), await freeUdpPort()];
  const receiver = startGstReceiver({ rtpPort, rtcpInPort, reportTo: port });
  t.after(() => receiver.stop());
  await receiver.playing; // else ffmpeg's first packets wait in the socket and arrive as one burst: jitter
  // ffmpeg sends an SR at its start and every ~5 s, to the collector (§5.2: no SDES).
  const ffmpeg = startTool('ffmpeg', ffmpegArgs({ rtpPort, rtcpPort: port }, 7));
  t.after(() => ffmpeg.stop());

  const { sender, rr } = await eventually(
    () => {
      collector.flush();
      const calls = fake.store.listQosCalls({ limit: 10 });
      const sender = calls.find((c) => c.reports >= 2 && c.jitterMaxMs === null);
      const rr = calls.find((c) => c.jitterMaxMs !== null && c.reports >= 3 && c.details['clockRateSource'] === 'peer-sr');
      assert.ok(sender && rr, `calls so far: ${JSON.stringify(calls.map((c) => [c.ssrc, c.reports]))}; gst: ${receiver.stderr()} ffmpeg: ${ffmpeg.stderr()}`);
      collector.flush();
      return { sender: fake.store.getQosCall(sender.id)!, rr: fake.store.getQosCall(rr.id)! };
    },
    { timeoutMs: 20_000, intervalMs: 200, message: 'two SRs from ffmpeg, and RRs from GStreamer after them' },
  );

  // The SR stream: a sender only, so no reception figures and no MOS; its SRs give an 8 kHz clock.
  assert.deepEqual([sender.lossPercent, sender.jitterMaxMs, sender.mos, sender.thresholds, sender.poor], [null, null, null, [], false]);
  assert.equal(sender.clockRate, 8000);
  assert.equal(sender.details['clockRateSource'], 'own-sr');
  assert.ok((sender.details['senderPackets'] as number) > 0);
  assert.equal(fake.counters.refused['not-rtcp'] ?? 0, 0);

  // The receiver's stream reports on ffmpeg's SSRC: paired, and its jitter uses the clock ffmpeg's SRs reveal.
  assert.equal(rr.remoteSsrc, sender.ssrc);
  assert.equal(rr.remoteParty, '127.0.0.1');
  assert.equal(rr.details['clockRateSource'], 'peer-sr');
  assert.equal(rr.clockRate, sender.clockRate);
  assert.equal(rr.lossPercent, 0);
  // Loopback jitter is only how promptly ffmpeg's -re pacing and GStreamer's reader get a CPU: a few ms when idle,
  // 20+ ms in the worst interval on a busy 2-core machine. Mean over the reports, and no interval near half of
  // ffmpeg's 128 ms packet spacing (1024 samples at 8 kHz).
  assert.ok(rr.jitterMeanMs! < 20 && rr.jitterMaxMs! < 64, `jitter mean ${rr.jitterMeanMs} ms, max ${rr.jitterMaxMs} ms on loopback`);
});
