// Real RTP/RTCP peers for the end-to-end tests: GStreamer (rtpbin, netsim) and ffmpeg, as in
// ../shared/reference/ipo-and-voip.md §5.1-5.2, bounded and killed in cleanup.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';

/** A UDP port that was free a moment ago (bind 0, read, close): for tools that need a fixed port. */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/** Starts a tool; `stop()` (register it with t.after first) kills it, SIGKILL after 2 s. */
export function startTool(command: string, args: string[]): { child: ChildProcess; stderr: () => string; stop(): Promise<void> } {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return {
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}

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
