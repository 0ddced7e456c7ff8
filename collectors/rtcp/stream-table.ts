import { applyReport, type StreamReport } from './apply-report.js';
import type { Attributor } from './attribution.js';
import type { CodecTable } from './codec-table.js';
import { isVoipMetrics, type RtcpPacket } from './rtcp-packet.js';
import { createStream, streamKey, type StreamState } from './stream-state.js';

const SDES_CNAME = 1;

export interface StreamTableOptions {
  codecs: CodecTable;
  attributor: Attributor;
  maxStreams: number;
  maxSamplesPerCall: number;
  rttFromLsr: boolean;
  onStreamStarted?(stream: StreamState): void;
}

export interface IngestResult {
  created: number;
  /** Reports of new streams refused because maxStreams are tracked already. */
  overflow: number;
  rttDiscarded: number;
}

/**
 * The streams being tracked, keyed by (source address, reporter SSRC): not by
 * port, since GStreamer and phones send RTCP from ephemeral ports. A stream ends
 * on BYE or timeout and waits in `ended` until the writer has stored it.
 */
export class StreamTable {
  private readonly streams = new Map<string, StreamState>();
  /** The latest live stream of each SSRC, to find the far end's stream (and the clock rate its SRs reveal). */
  private readonly bySsrc = new Map<number, StreamState>();
  private ended: StreamState[] = [];

  constructor(private readonly options: StreamTableOptions) {}

  get size(): number {
    return this.streams.size;
  }

  get(address: string, ssrc: number): StreamState | undefined {
    return this.streams.get(streamKey(address, ssrc));
  }

  /** The live stream whose own SSRC is this one (the far end of a stream that reports on it). */
  peerOf(stream: StreamState): StreamState | undefined {
    if (stream.remoteSsrc === null) return undefined;
    const peer = this.bySsrc.get(stream.remoteSsrc);
    return peer && peer !== stream ? peer : undefined;
  }

  /** Folds one accepted datagram's packets into the streams of its sender. */
  ingest(address: string, packets: readonly RtcpPacket[], now: number): IngestResult {
    const result: IngestResult = { created: 0, overflow: 0, rttDiscarded: 0 };
    const reports = new Map<number, StreamReport>();
    const cnames = new Map<number, string>();
    const byes: number[] = [];
    const reportOf = (ssrc: number) => {
      let report = reports.get(ssrc);
      if (!report) reports.set(ssrc, (report = { at: now, sr: null, blocks: [], voip: null, avaya: null, cname: null }));
      return report;
    };
    for (const packet of packets) {
      switch (packet.type) {
        case 'sr':
          Object.assign(reportOf(packet.ssrc), { sr: packet.sender }).blocks.push(...packet.reports);
          break;
        case 'rr':
          reportOf(packet.ssrc).blocks.push(...packet.reports);
          break;
        case 'xr': {
          const voip = packet.blocks.find(isVoipMetrics);
          if (voip) reportOf(packet.ssrc).voip ??= voip;
          break;
        }
        case 'app':
          if (packet.avaya?.subtype === 4) reportOf(packet.ssrc).avaya = packet.avaya;
          break;
        case 'sdes':
          for (const chunk of packet.chunks) {
            const cname = chunk.items.find((item) => item.type === SDES_CNAME);
            if (cname) cnames.set(chunk.ssrc, cname.text);
          }
          break;
        case 'bye':
          byes.push(...packet.ssrcs);
          break;
        default:
          break; // feedback says nothing about quality
      }
    }

    const ctx = { ...this.options, peerClockRate: (ssrc: number) => this.bySsrc.get(ssrc)?.ownClockRate ?? null };
    for (const [ssrc, report] of reports) {
      report.cname = cnames.get(ssrc) ?? null;
      let stream = this.streams.get(streamKey(address, ssrc));
      if (!stream) {
        if (this.streams.size >= this.options.maxStreams) {
          result.overflow += 1;
          continue;
        }
        stream = createStream(address, ssrc, now, this.options.codecs.default, this.options.attributor.owner(address, report.cname));
        this.streams.set(stream.key, stream);
        this.bySsrc.set(ssrc, stream);
        result.created += 1;
        this.options.onStreamStarted?.(stream);
      }
      if (applyReport(stream, report, ctx).rttDiscarded) result.rttDiscarded += 1;
    }
    for (const [ssrc, cname] of cnames) {
      const stream = reports.has(ssrc) ? undefined : this.get(address, ssrc);
      if (stream) stream.cname = cname;
    }
    for (const ssrc of byes) {
      const stream = this.get(address, ssrc);
      if (stream) this.end(stream, now, 'bye');
    }
    return result;
  }

  /** Ends the streams with no report for `timeoutMs`; a timed-out stream ended at its last report. */
  endTimedOut(now: number, timeoutMs: number): number {
    let count = 0;
    for (const stream of this.streams.values()) {
      if (now - stream.lastReportAt >= timeoutMs) {
        this.end(stream, stream.lastReportAt, 'timeout');
        count += 1;
      }
    }
    return count;
  }

  /** Ends every stream (shutdown): stored as ended, so no record stays open forever. */
  endAll(now: number): void {
    for (const stream of [...this.streams.values()]) this.end(stream, now, 'shutdown');
  }

  /** What the writer must store: live streams with news, and every stream that ended since the last call. */
  takeWork(): StreamState[] {
    const work = [...this.streams.values()].filter((stream) => stream.dirty);
    work.push(...this.ended);
    this.ended = [];
    return work;
  }

  /** A stream whose write failed goes back, to be written at the next flush. */
  requeueEnded(stream: StreamState): void {
    if (stream.endedAt !== null) this.ended.push(stream);
  }

  private end(stream: StreamState, at: number, reason: NonNullable<StreamState['endReason']>): void {
    stream.endedAt = at;
    stream.endReason = reason;
    stream.dirty = true;
    this.streams.delete(stream.key);
    if (this.bySsrc.get(stream.ssrc) === stream) this.bySsrc.delete(stream.ssrc);
    this.ended.push(stream);
  }
}
