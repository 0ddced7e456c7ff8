import type { FleetEvent } from '../../src/events/fleet-event.js';
import type { CollectorContext } from '../types.js';
import { createLogSample } from '../shared/log-sample.js';
import type { SourceRateLimiter } from '../shared/source-rate-limit.js';
import { mapSyslogToEvent, type ListenerName } from './map.js';
import { parseSyslog } from './parse-syslog.js';
import type { SyslogMetrics } from './syslog-metrics.js';

/** Who sent a message, and through which listener. */
export interface MessageSource {
  /** Normalised (normaliseAddress): one spelling per sender. */
  address: string;
  listener: ListenerName;
  /** Outside the listener's allowedSources, kept: the event is flagged. */
  unlisted?: boolean;
  tlsPeer?: string;
}

export interface MessageHandler {
  /** One datagram or one frame; its event goes to deliver (a stream's gate) or else ctx.emit. Never throws: it runs inside a socket loop. */
  message(bytes: Uint8Array, source: MessageSource, deliver?: (event: FleetEvent) => void): void;
  /** Input refused before it was a message: framing errors on TCP/TLS, or a sender the allowlist refuses. */
  refused(reason: string, detail: string, sample: Uint8Array, size: number, source: MessageSource): void;
}

export interface MessageHandlerOptions {
  maxMessageBytes: number;
  timeZoneOffsetMinutes?: number;
  /** Per-sender token buckets; a message over the limit is dropped (reason rate-limited) before it is parsed. */
  rateLimiter?: SourceRateLimiter;
}

/** Refusal reasons the collector adds to the parser's (SYSLOG_REFUSAL_REASONS) and framing's; metric labels, never renamed. */
export const COLLECTOR_REFUSAL_REASONS = ['unlisted-source', 'internal-error'] as const;

const SAMPLE_BYTES = 120;

/**
 * Per message: count it (collector, listener, sender), refuse what is too
 * long or not syslog (counted by reason, logged as a sample at most once per
 * reason per 10 s), else hand the event to the pipeline, which counts
 * accepted and dropped. Never throws.
 */
export function createMessageHandler(options: MessageHandlerOptions, ctx: CollectorContext, metrics: SyslogMetrics): MessageHandler {
  const logSample = createLogSample(ctx.clock);

  const received = (source: MessageSource) => {
    ctx.metrics.received();
    metrics.received(source.listener, source.address);
  };

  const refuse = (reason: string, detail: string, sample: Uint8Array, size: number, source: MessageSource) => {
    ctx.metrics.refused(reason);
    metrics.refused(source.listener, source.address, reason);
    const logged = logSample.take(reason);
    if (logged) {
      ctx.log.warn({ reason, detail, listener: source.listener, sourceAddress: source.address, bytes: size, sample: preview(sample), suppressed: logged.suppressed }, 'syslog input refused');
    }
  };

  const internalError = (error: unknown, bytes: Uint8Array, source: MessageSource) => {
    try {
      ctx.metrics.refused('internal-error');
      metrics.refused(source.listener, source.address, 'internal-error');
      if (logSample.take('internal-error')) ctx.log.error({ err: error, sourceAddress: source.address, sample: preview(bytes) }, 'syslog: failed to handle a message');
    } catch {
      // Nothing left to report with; the socket loop must survive.
    }
  };

  return {
    refused(reason, detail, sample, size, source) {
      try {
        received(source);
        refuse(reason, detail, sample, size, source);
      } catch (error) {
        internalError(error, sample, source);
      }
    },
    message(bytes, source, deliver) {
      try {
        received(source);
        if (options.rateLimiter && !options.rateLimiter.take(source.address)) {
          ctx.metrics.dropped('rate-limited');
          return;
        }
        if (bytes.length > options.maxMessageBytes) {
          refuse('oversize', `${bytes.length} bytes is more than maxMessageBytes ${options.maxMessageBytes}`, bytes, bytes.length, source);
          return;
        }
        const receivedAt = ctx.clock.now();
        const parsed = parseSyslog(bytes, receivedAt, { timeZoneOffsetMinutes: options.timeZoneOffsetMinutes ?? 0 });
        if (!parsed.ok) {
          refuse(parsed.reason, parsed.detail, bytes, bytes.length, source);
          return;
        }
        metrics.parsed(source.listener, source.address);
        if (source.unlisted) metrics.unlistedSource(source.listener);
        const event = mapSyslogToEvent(parsed, {
          sourceAddress: source.address,
          receivedAt,
          raw: bytes,
          listener: source.listener,
          ...(source.unlisted && { unlisted: true }),
          ...(source.tlsPeer !== undefined && { tlsPeer: source.tlsPeer }),
        });
        if (deliver) deliver(event);
        else ctx.emit(event);
      } catch (error) {
        internalError(error, bytes, source);
      }
    },
  };
}

/** The start of the input with anything unprintable as '.', safe for any log viewer. */
function preview(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SAMPLE_BYTES)).toString('latin1').replace(/[^\x20-\x7E]/g, '.');
}
