import type { Logger } from 'pino';
import type { FleetEvent } from '../../src/events/fleet-event.js';
import type { QosCall, QosMeasures } from '../../src/qos/qos-call.js';
import type { QosCallUpdate } from '../../src/qos/qos-repository.js';
import type { QosRecorder } from '../../src/qos/qos-recorder.js';
import type { Attributor } from './attribution.js';
import type { RtcpThresholds } from './config.js';
import { callAlarmKey, thresholdClearEvent, thresholdEvent } from './map.js';
import { measuresOf } from './measures.js';
import type { StreamState } from './stream-state.js';
import type { StreamTable } from './stream-table.js';

export interface CallWriterDeps {
  table: StreamTable;
  attributor: Attributor;
  /** Absent in unit tests without a store: figures and alarms still work, nothing is stored. */
  recorder: QosRecorder | undefined;
  thresholdsFor(customerId: string | null, siteId: string | null): RtcpThresholds;
  alarms: { raise: boolean; graceMs: number };
  emit(event: FleetEvent): void;
  log: Logger;
  onStoreFailure(): void;
}

export interface FlushResult {
  written: number;
  /** End reasons of the segments stored as ended. */
  ended: string[];
  failed: boolean;
}

/**
 * Each flush: streams with news become call records (insert once, then
 * update) with their new samples, all in one transaction; then crossed
 * thresholds raise an alarm per call segment, and ended segments clear theirs.
 */
export class CallWriter {
  constructor(private readonly deps: CallWriterDeps) {}

  flush(now: number): FlushResult {
    const { table, recorder } = this.deps;
    const work = table.takeWork();
    if (work.length === 0) return { written: 0, ended: [], failed: false };
    const prepared = work.map((stream) => this.prepare(stream));
    if (recorder) {
      try {
        recorder.transaction(() => {
          for (const { stream, record } of prepared) this.write(recorder, stream, record);
        });
      } catch (error) {
        // Nothing of this flush landed: ids given inside the transaction are void; try again next time.
        for (const { stream, hadId } of prepared) {
          if (!hadId) stream.callId = null;
          stream.dirty = true;
          table.requeueEnded(stream);
        }
        this.deps.onStoreFailure();
        this.deps.log.error({ err: error, streams: work.length }, 'rtcp: storing call records failed; they stay in memory and are retried');
        return { written: 0, ended: [], failed: true };
      }
    }
    const ended: string[] = [];
    for (const { stream, record } of prepared) {
      stream.samplesStored += stream.pending.length;
      stream.pending = [];
      stream.dirty = false;
      this.alarm(stream, record, now);
      if (stream.endReason !== null) ended.push(stream.endReason);
    }
    return { written: prepared.length, ended, failed: false };
  }

  private prepare(stream: StreamState): { stream: StreamState; record: Omit<QosCall, 'id'>; hadId: boolean } {
    // The phone table may have been polled since the stream began: attribute again until a phone is found.
    if (stream.owner.attribution !== 'phone') {
      const better = this.deps.attributor.owner(stream.sourceAddress, stream.cname);
      if (better.attribution !== 'unknown') stream.owner = better;
    }
    const limits = this.deps.thresholdsFor(stream.owner.customerId, stream.owner.siteId);
    const measures: QosMeasures = measuresOf(stream, limits);
    for (const threshold of measures.thresholds) stream.thresholds.add(threshold);
    const { remoteParty, trunk } = this.deps.attributor.farEnd(stream, this.deps.table.peerOf(stream));
    const record: Omit<QosCall, 'id'> = {
      streamKey: stream.key,
      sourceAddress: stream.sourceAddress,
      ssrc: stream.ssrc,
      remoteSsrc: stream.remoteSsrc,
      ...stream.owner,
      remoteParty,
      trunk,
      codec: stream.codec.name,
      clockRate: stream.clockRate,
      startedAt: stream.startedAt,
      endedAt: stream.endedAt,
      lastReportAt: stream.lastReportAt,
      endReason: stream.endReason,
      ...measures,
      thresholds: [...stream.thresholds],
      poor: stream.thresholds.size > 0,
      trap: null,
      details: detailsOf(stream),
    };
    return { stream, record, hadId: stream.callId !== null };
  }

  private write(recorder: QosRecorder, stream: StreamState, record: Omit<QosCall, 'id'>): void {
    if (stream.callId === null) stream.callId = recorder.insertQosCall(record).id;
    else {
      const { streamKey: _k, sourceAddress: _a, ssrc: _s, startedAt: _t, trap: _trap, ...update } = record;
      recorder.updateQosCall(stream.callId, update satisfies QosCallUpdate);
    }
    if (stream.pending.length > 0) recorder.insertQosSamples(stream.pending.map((sample) => ({ ...sample, callId: stream.callId! })));
  }

  private alarm(stream: StreamState, record: Omit<QosCall, 'id'>, now: number): void {
    const { alarms, emit } = this.deps;
    const old = stream.lastReportAt - stream.startedAt >= alarms.graceMs;
    if (alarms.raise && old) {
      const limits = this.deps.thresholdsFor(stream.owner.customerId, stream.owner.siteId);
      for (const threshold of record.thresholds) {
        if (stream.raised.has(threshold)) continue;
        stream.raised.set(threshold, { nodeId: stream.owner.nodeId, extension: stream.owner.extension, alarmKey: callAlarmKey(stream) });
        emit(thresholdEvent(stream, threshold, record, limits, now));
      }
    }
    if (stream.endedAt !== null) {
      for (const [threshold, raised] of stream.raised) emit(thresholdClearEvent(stream, threshold, raised, now));
      stream.raised.clear();
    }
  }
}

function detailsOf(stream: StreamState): QosCall['details'] {
  const details: QosCall['details'] = {
    codecSource: stream.codecSource,
    clockRateSource: stream.clockRateSource,
    cname: stream.cname,
    remoteAddress: stream.remoteAddress,
    samplesDropped: stream.samplesDropped,
    remoteChanges: stream.remoteChanges,
  };
  if (stream.lastSr) Object.assign(details, { senderPackets: stream.lastSr.packetCount, senderOctets: stream.lastSr.octetCount });
  if (stream.lastXr) {
    const xr = stream.lastXr;
    Object.assign(details, {
      xrDiscardPercent: (xr.discardRate / 256) * 100,
      xrBurstDensity: xr.burstDensity,
      xrGapDensity: xr.gapDensity,
      xrBurstDurationMs: xr.burstDurationMs,
      xrGapDurationMs: xr.gapDurationMs,
      xrEndSystemDelayMs: xr.endSystemDelayMs,
      xrSignalLevelDbm: xr.signalLevelDbm,
      xrNoiseLevelDbm: xr.noiseLevelDbm,
      xrRerlDb: xr.rerlDb,
      xrMosLq: xr.mosLq,
      xrMosCq: xr.mosCq,
      xrRFactor: xr.rFactor,
      xrJitterBufferNominalMs: xr.jitterBufferNominalMs,
      xrJitterBufferMaxMs: xr.jitterBufferMaxMs,
      xrJitterBufferAbsMaxMs: xr.jitterBufferAbsMaxMs,
    });
  }
  if (stream.lastAvaya) {
    const av = stream.lastAvaya;
    Object.assign(details, { avRoundTripMs: av.roundTripMs, avJitterBufferMs: av.jitterBufferDelayMs, avMaxJitter: av.maxJitter, avPayloadType: av.payloadType, avRemoteAddress: av.remoteAddress, avDscp: av.dscp, avReceivedPackets: av.receivedPackets });
  }
  return details;
}
