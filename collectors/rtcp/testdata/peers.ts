// Real RTP/RTCP peers for the end-to-end tests: GStreamer (rtpbin, netsim) and ffmpeg, as in
// ../shared/reference/ipo-and-voip.md §5.1-5.2, bounded and killed in cleanup.
// The shared tool starter and free-port finder, re-exported for the RTCP end-to-end tests.
export { startTool } from '../../../test/helpers/start-tool.js';
export { freeUdpPort } from '../../../simulator/wire/free-port.js';

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
