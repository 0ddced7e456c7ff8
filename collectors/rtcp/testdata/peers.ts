// Real RTP/RTCP peers for the end-to-end tests: GStreamer (rtpbin, netsim) and ffmpeg, as in
// ../shared/reference/ipo-and-voip.md §5.1-5.2, bounded and killed in cleanup.
// The shared tool starter and free-port finder, re-exported for the RTCP end-to-end tests.
import { startTool, type StartedTool } from '../../../test/helpers/start-tool.js';

export { startTool } from '../../../test/helpers/start-tool.js';
export { freeUdpPort } from '../../../simulator/wire/free-port.js';

const RECEIVER_START_TIMEOUT_MS = 30_000;

/** RTCP every ~0.5 s instead of rtpbin's 5 s minimum, so a test sees several reports in a few seconds. */
const FAST_RTCP = 'rtpsession0::rtcp-min-interval=500000000';

/**
 * A receiving rtpbin (PCMU, RTP on `rtpPort`, the sender's RTCP on `rtcpInPort`) whose receiver reports
 * (RR + SDES) go to `reportTo`, like a phone sending its RTCP to the QoS collector.
 */
export function gstReceiverArgs(ports: { rtpPort: number; rtcpInPort: number; reportTo: number }): string[] {
  return [
    '-q', 'rtpbin', 'name=rb', FAST_RTCP,
    'udpsrc', 'address=127.0.0.1', `port=${ports.rtpPort}`, 'caps=application/x-rtp,media=audio,clock-rate=8000,encoding-name=PCMU,payload=0',
    '!', 'rb.recv_rtp_sink_0', 'rb.', '!', 'rtppcmudepay', '!', 'mulawdec', '!', 'fakesink',
    'udpsrc', 'address=127.0.0.1', `port=${ports.rtcpInPort}`, '!', 'rb.recv_rtcp_sink_0',
    'rb.send_rtcp_src_0', '!', 'udpsink', 'host=127.0.0.1', `port=${ports.reportTo}`, 'sync=false', 'async=false',
  ];
}

/**
 * The receiver of gstReceiverArgs, with `playing`: resolves once both its udpsrc elements are PLAYING (from
 * GStreamer's state-change log on stderr). Start the sender after it: RTP that arrives earlier waits in the socket
 * and is read in one burst, and each packet of a burst looks a whole packet interval late to the jitter estimate
 * (with ffmpeg's 128 ms packets, three queued packets already report over 20 ms). Register stop() before awaiting
 * `playing`.
 */
export function startGstReceiver(ports: { rtpPort: number; rtcpInPort: number; reportTo: number }): StartedTool & { playing: Promise<void> } {
  const tool = startTool('gst-launch-1.0', gstReceiverArgs(ports), { env: { ...process.env, GST_DEBUG: 'GST_STATES:4', GST_DEBUG_NO_COLOR: '1' } });
  const playing = new Promise<void>((resolve, reject) => {
    const sources = new Set<string>();
    let tail = '';
    const timer = setTimeout(() => done(new Error(`gst-launch receiver not PLAYING within ${RECEIVER_START_TIMEOUT_MS} ms: ${tool.stderr()}`)), RECEIVER_START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      const text = tail + chunk.toString();
      for (const match of text.matchAll(/<(udpsrc\d+)> completed state change to PLAYING/g)) sources.add(match[1]!);
      tail = text.slice(-200); // a line split across chunks
      if (sources.size === 2) done();
    };
    const onExit = () => done(new Error(`gst-launch receiver exited before PLAYING: ${tool.stderr()}`));
    const done = (error?: Error) => {
      clearTimeout(timer);
      tool.child.stderr?.off('data', onData);
      tool.child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    tool.child.stderr?.on('data', onData);
    tool.child.once('exit', onExit);
  });
  playing.catch(() => undefined); // awaited by the caller; a test that fails earlier must not leave it unhandled
  return { ...tool, playing };
}

/** A sending rtpbin: a live 8 kHz PCMU tone, through netsim (real loss and delay) when `impair` is given. */
export function gstSenderArgs(ports: { rtpPort: number; rtcpPort: number }, impair?: { dropProbability: number; delayProbability: number; minDelayMs: number; maxDelayMs: number }): string[] {
  const netsim = impair
    ? ['netsim', `drop-probability=${impair.dropProbability}`, `delay-probability=${impair.delayProbability}`, `min-delay=${impair.minDelayMs}`, `max-delay=${impair.maxDelayMs}`, '!']
    : [];
  return [
    '-q', 'rtpbin', 'name=rb', FAST_RTCP,
    'audiotestsrc', 'is-live=true', 'samplesperbuffer=160', '!', 'audioconvert', '!', 'audio/x-raw,rate=8000,channels=1', '!', 'mulawenc', '!', 'rtppcmupay', '!', 'rb.send_rtp_sink_0',
    'rb.send_rtp_src_0', '!', ...netsim, 'udpsink', 'host=127.0.0.1', `port=${ports.rtpPort}`, 'sync=false', 'async=false',
    'rb.send_rtcp_src_0', '!', 'udpsink', 'host=127.0.0.1', `port=${ports.rtcpPort}`, 'sync=false', 'async=false',
  ];
}

/** ffmpeg sending `seconds` of a PCMU tone as RTP to `rtpPort`, its lone SRs to `rtcpPort`. */
export function ffmpegArgs(ports: { rtpPort: number; rtcpPort: number }, seconds: number): string[] {
  return [
    '-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', `sine=frequency=1000:sample_rate=8000:duration=${seconds}`,
    '-c:a', 'pcm_mulaw', '-ar', '8000', '-ac', '1', '-f', 'rtp', `rtp://127.0.0.1:${ports.rtpPort}?rtcpport=${ports.rtcpPort}`,
  ];
}
