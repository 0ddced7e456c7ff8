import type { CollectorContext } from '../types.js';
import type { DatagramHandler } from './listener.js';
import { createLogSample } from './log-sample.js';
import { mapSyslogToEvent } from './map.js';
import { parseRfc3164 } from './parse-rfc3164.js';

export interface DatagramHandlerOptions {
  maxMessageBytes: number;
  timeZoneOffsetMinutes?: number;
}

/** Refusal reasons the collector adds to the parser's (SYSLOG_REFUSAL_REASONS); metric labels, never renamed. */
export const COLLECTOR_REFUSAL_REASONS = ['oversize', 'internal-error'] as const;

const SAMPLE_BYTES = 120;

/**
 * Per datagram: count it, refuse what is too long or not syslog (counted by
 * reason, logged as a sample at most once per reason per 10 s), else hand
 * the event to the pipeline, which counts accepted and dropped. Never throws:
 * it runs inside the socket loop, where a throw would kill the process.
 */
export function createDatagramHandler(options: DatagramHandlerOptions, ctx: CollectorContext): DatagramHandler {
  const logSample = createLogSample(ctx.clock);

  const refuse = (reason: string, detail: string, bytes: Uint8Array, sourceAddress: string) => {
    ctx.metrics.refused(reason);
    const sample = logSample.take(reason);
    if (sample) ctx.log.warn({ reason, detail, sourceAddress, bytes: bytes.length, sample: preview(bytes), suppressed: sample.suppressed }, 'syslog input refused');
  };

  return (bytes, sourceAddress) => {
    try {
      ctx.metrics.received();
      if (bytes.length > options.maxMessageBytes) {
        refuse('oversize', `${bytes.length} bytes is more than maxMessageBytes ${options.maxMessageBytes}`, bytes, sourceAddress);
        return;
      }
      const receivedAt = ctx.clock.now();
      const parsed = parseRfc3164(bytes, receivedAt, { timeZoneOffsetMinutes: options.timeZoneOffsetMinutes ?? 0 });
      if (!parsed.ok) {
        refuse(parsed.reason, parsed.detail, bytes, sourceAddress);
        return;
      }
      ctx.emit(mapSyslogToEvent(parsed, { sourceAddress, receivedAt, raw: bytes }));
    } catch (error) {
      try {
        ctx.metrics.refused('internal-error');
        if (logSample.take('internal-error')) ctx.log.error({ err: error, sourceAddress, sample: preview(bytes) }, 'syslog: failed to handle a datagram');
      } catch {
        // Nothing left to report with; the socket loop must survive.
      }
    }
  };
}

/** The start of the input with anything unprintable as '.', safe for any log viewer. */
function preview(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(0, SAMPLE_BYTES)).toString('latin1').replace(/[^\x20-\x7E]/g, '.');
}
