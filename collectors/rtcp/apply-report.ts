import type { QosDetails } from '../../src/qos/qos-call.js';
import { inferClockRate } from './clock-rate.js';
import type { CodecEntry, CodecTable } from './codec-table.js';
import { emodel } from './emodel.js';
import { roundTripMs } from './ntp.js';
import type { AvayaSubtype4, ReportBlock, SenderInfo, VoipMetrics } from './rtcp-packet.js';
import type { StreamState } from './stream-state.js';

/** What one datagram said about one stream (its reporter SSRC). */
export interface StreamReport {
  at: number;
  sr: SenderInfo | null;
  blocks: ReportBlock[];
  voip: VoipMetrics | null;
  avaya: AvayaSubtype4 | null;
  cname: string | null;
}

export interface ReportContext {
  codecs: CodecTable;
  /** The clock rate the far end's own SRs revealed for this SSRC, when another stream has it. */
  peerClockRate(ssrc: number): number | null;
  rttFromLsr: boolean;
  maxSamplesPerCall: number;
}

/** Folds one report into the stream and queues its sample. Pure apart from mutating the stream. Returns whether an LSR round trip was implausible. */
export function applyReport(stream: StreamState, report: StreamReport, ctx: ReportContext): { rttDiscarded: boolean } {
  stream.lastReportAt = Math.max(stream.lastReportAt, report.at);
  stream.reports += 1;
  stream.dirty = true;
  if (report.cname !== null) stream.cname = report.cname;
  if (report.sr) applySenderInfo(stream, report.sr);
  if (report.avaya) {
    stream.lastAvaya = report.avaya;
    stream.remoteAddress = report.avaya.remoteAddress;
  }
  const block = pickBlock(stream, report);
  if (report.voip) {
    stream.lastXr = report.voip;
    stream.remoteSsrc ??= report.voip.ssrc;
  }
  resolveCodec(stream, ctx);

  const sample = { jitterMs: null as number | null, lossPercent: null as number | null, cumulativeLost: null as number | null, rttMs: null as number | null, mos: null as number | null, rFactor: null as number | null };
  const details: QosDetails = {};
  if (block) {
    const jitterMs = (block.jitter / stream.clockRate) * 1000;
    stream.jitterSumMs += jitterMs;
    stream.jitterCount += 1;
    stream.jitterMaxMs = Math.max(stream.jitterMaxMs ?? 0, jitterMs);
    const loss = (block.fractionLost / 256) * 100;
    stream.lossMaxPercent = Math.max(stream.lossMaxPercent ?? 0, loss);
    stream.firstBlock ??= block;
    stream.lastBlock = block;
    Object.assign(sample, { jitterMs, lossPercent: loss, cumulativeLost: block.cumulativeLost });
  } else if (report.voip) {
    sample.lossPercent = (report.voip.lossRate / 256) * 100;
  }

  let rttDiscarded = false;
  let rtt: { ms: number; source: string } | null = null;
  if (report.voip?.roundTripDelayMs) rtt = { ms: report.voip.roundTripDelayMs, source: 'xr' };
  else if (report.avaya && report.avaya.roundTripMs > 0) rtt = { ms: report.avaya.roundTripMs, source: 'avaya-app' };
  else if (block && ctx.rttFromLsr && block.lsr !== 0) {
    const ms = roundTripMs(report.at, block.lsr, block.dlsr);
    if (ms === null) rttDiscarded = true;
    else rtt = { ms, source: 'lsr-dlsr' };
  }
  if (rtt) {
    stream.rttSumMs += rtt.ms;
    stream.rttCount += 1;
    stream.rttMaxMs = Math.max(stream.rttMaxMs ?? 0, rtt.ms);
    stream.rttLastMs = rtt.ms;
    stream.rttSource = rtt.source;
    sample.rttMs = rtt.ms;
  }

  const xrMos = report.voip ? (report.voip.mosCq ?? report.voip.mosLq) : null;
  if (xrMos !== null) {
    stream.xrMosSum += xrMos;
    stream.xrMosCount += 1;
    sample.mos = xrMos;
    sample.rFactor = report.voip!.rFactor;
    if (report.voip!.rFactor !== null) stream.xrRSum += report.voip!.rFactor;
  } else if (sample.lossPercent !== null) {
    const discard = report.voip ? (report.voip.discardRate / 256) * 100 : 0;
    const { r, mos } = emodel({ ie: stream.codec.ie, bpl: stream.codec.bpl, lossPercent: sample.lossPercent + discard, oneWayDelayMs: oneWayDelayMs(stream, sample.jitterMs, stream.rttLastMs) });
    sample.mos = mos;
    sample.rFactor = r;
  }
  if (sample.mos !== null) stream.mosMin = Math.min(stream.mosMin ?? 5, sample.mos);
  // Only what the columns do not hold: a sample row is written per report, so it stays small.
  if (report.voip) Object.assign(details, { xrDiscardRate: report.voip.discardRate, xrMosLq: report.voip.mosLq });
  if (report.sr) details['senderPackets'] = report.sr.packetCount;

  if (stream.samplesStored + stream.pending.length < ctx.maxSamplesPerCall) stream.pending.push({ at: report.at, kind: 'rtcp', ...sample, details });
  else stream.samplesDropped += 1;
  return { rttDiscarded };
}

/**
 * Mouth-to-ear estimate for the E-model: half the round trip, the jitter buffer
 * (what the endpoint says, else twice the jitter), and the codec's own delay.
 */
export function oneWayDelayMs(stream: StreamState, jitterMs: number | null, rttMs: number | null): number {
  const buffer = stream.lastXr?.jitterBufferNominalMs || stream.lastAvaya?.jitterBufferDelayMs || 2 * (jitterMs ?? 0);
  return (rttMs ?? 0) / 2 + buffer + stream.codec.delayMs;
}

function applySenderInfo(stream: StreamState, sr: SenderInfo): void {
  if (stream.lastSr) {
    const rate = inferClockRate(stream.lastSr, sr);
    if (rate !== null) stream.ownClockRate = rate;
  }
  stream.lastSr = sr;
}

/** The block about the stream's far end; a new far-end SSRC (transfer, re-INVITE) restarts the loss baseline. */
function pickBlock(stream: StreamState, report: StreamReport): ReportBlock | null {
  if (report.blocks.length === 0) return null;
  const wanted = stream.remoteSsrc ?? report.avaya?.incomingSsrc ?? report.voip?.ssrc ?? report.blocks[0]!.ssrc;
  const block = report.blocks.find((b) => b.ssrc === wanted) ?? report.blocks[0]!;
  if (stream.remoteSsrc !== null && block.ssrc !== stream.remoteSsrc) {
    stream.remoteChanges += 1;
    stream.firstBlock = null;
  }
  stream.remoteSsrc = block.ssrc;
  return block;
}

/** Payload type from the Avaya APP, else the clock rate the far end's (or our own) SRs reveal, else the configured default. */
function resolveCodec(stream: StreamState, ctx: ReportContext): void {
  const byPt = stream.lastAvaya ? ctx.codecs.forPayloadType(stream.lastAvaya.payloadType) : undefined;
  if (byPt) {
    setCodec(stream, byPt, 'payload-type', byPt.clockRate, 'payload-type');
    return;
  }
  const peer = stream.remoteSsrc === null ? null : ctx.peerClockRate(stream.remoteSsrc);
  const rate = peer ?? stream.ownClockRate;
  if (rate === null) return;
  const fallback = ctx.codecs.default;
  const codec = fallback.clockRate === rate ? fallback : (ctx.codecs.withClockRate(rate) ?? fallback);
  setCodec(stream, codec, codec === fallback ? stream.codecSource : 'clock-rate', rate, peer !== null ? 'peer-sr' : 'own-sr');
}

function setCodec(stream: StreamState, codec: CodecEntry, codecSource: StreamState['codecSource'], clockRate: number, clockRateSource: StreamState['clockRateSource']): void {
  stream.codec = codec;
  stream.codecSource = codecSource;
  stream.clockRate = clockRate;
  stream.clockRateSource = clockRateSource;
}
