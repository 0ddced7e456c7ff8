import { z } from 'zod';
import type { Clock } from '../../src/clock.js';
import type { EventSource } from '../../src/events/event-sources.js';
import type { FleetEvent } from '../../src/events/fleet-event.js';

export const SOURCE_STORM_CODE = 'collector.source-storm';

/** Defaults of every collector's `rateLimit:` section: far above what an IP Office sends when healthy. */
export const DEFAULT_RATE_LIMIT = { perSourcePerSecond: 1000, burst: 5000, quietSeconds: 60 } as const;

/** `rateLimit:` of a collector; perSourcePerSecond 0 turns limiting off. */
export const rateLimitSchema = z.strictObject({
  /** Messages per second one sender address may keep up (a token bucket); 0 = no limit. */
  perSourcePerSecond: z.number().int().min(0).max(1_000_000).default(DEFAULT_RATE_LIMIT.perSourcePerSecond),
  /** Messages a sender may send at once above the rate (the bucket's size). */
  burst: z.number().int().min(1).max(10_000_000).default(DEFAULT_RATE_LIMIT.burst),
  /** The storm alarm clears once the sender has had nothing dropped for this long. */
  quietSeconds: z.number().int().min(1).max(86_400).default(DEFAULT_RATE_LIMIT.quietSeconds),
});
export type RateLimitConfig = z.infer<typeof rateLimitSchema>;

export interface SourceRateLimiterOptions {
  /** Collector type, for the event's `collector` and text. */
  collector: string;
  source: EventSource;
  clock: Clock;
  /** Offers the storm raise and clear events to the pipeline (they are not rate limited). */
  emit(event: FleetEvent): void;
  /** Senders tracked one by one; later ones share one bucket (spoofed floods cannot grow the map). */
  maxSources?: number;
}

export interface SourceRateLimiter {
  /** One message from address: true to keep it, false when over the limit (the caller counts it dropped, "rate-limited"). */
  take(address: string): boolean;
  /** Clears storms that went quiet and forgets idle senders; a timer calls it (start/stop), tests call it directly. */
  sweep(): void;
  start(intervalMs?: number): void;
  stop(): void;
  /** Senders tracked now (bounded by maxSources + 1). */
  readonly size: number;
}

interface Bucket {
  tokens: number;
  at: number;
  storm: { raisedAt: number; lastDropAt: number; dropped: number } | null;
}

/** Senders past maxSources share this key; its storm alarm names no sender. */
export const OVERFLOW_SOURCE = 'other-sources';
const DEFAULT_MAX_SOURCES = 10_000;

/**
 * A token bucket per sender address. A sender over its limit gets one storm
 * alarm (code collector.source-storm, on its node when the fleet knows the
 * address), not one event per dropped message; it clears after quietSeconds
 * without drops. Memory is bounded: at most maxSources buckets, idle full
 * buckets are forgotten at each sweep.
 */
export function createSourceRateLimiter(config: RateLimitConfig, options: SourceRateLimiterOptions): SourceRateLimiter {
  const buckets = new Map<string, Bucket>();
  const maxSources = options.maxSources ?? DEFAULT_MAX_SOURCES;
  const rate = config.perSourcePerSecond / 1000; // tokens per ms
  const quietMs = config.quietSeconds * 1000;
  let timer: NodeJS.Timeout | null = null;

  const bucketOf = (address: string, now: number): Bucket => {
    const existing = buckets.get(address);
    if (existing) return existing;
    const key = buckets.size >= maxSources ? OVERFLOW_SOURCE : address;
    const shared = buckets.get(key);
    if (shared) return shared;
    const created: Bucket = { tokens: config.burst, at: now, storm: null };
    buckets.set(key, created);
    return created;
  };

  const sweep = () => {
    const now = options.clock.now();
    for (const [address, bucket] of buckets) {
      if (bucket.storm && now - bucket.storm.lastDropAt >= quietMs) {
        options.emit(stormEvent(options, address, now, 'cleared', bucket.storm.dropped, config));
        bucket.storm = null;
      }
      const refilled = Math.min(config.burst, bucket.tokens + (now - bucket.at) * rate);
      if (!bucket.storm && refilled >= config.burst) buckets.delete(address);
    }
  };

  return {
    take(address) {
      if (config.perSourcePerSecond === 0) return true;
      const now = options.clock.now();
      const bucket = bucketOf(address, now);
      bucket.tokens = Math.min(config.burst, bucket.tokens + Math.max(0, now - bucket.at) * rate);
      bucket.at = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return true;
      }
      if (bucket.storm) {
        bucket.storm.lastDropAt = now;
        bucket.storm.dropped += 1;
      } else {
        bucket.storm = { raisedAt: now, lastDropAt: now, dropped: 1 };
        const key = buckets.get(address) === bucket ? address : OVERFLOW_SOURCE;
        options.emit(stormEvent(options, key, now, 'minor', 1, config));
      }
      return false;
    },
    sweep,
    start(intervalMs = 5000) {
      if (timer || config.perSourcePerSecond === 0) return;
      timer = setInterval(sweep, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    get size() {
      return buckets.size;
    },
  };
}

function stormEvent(options: SourceRateLimiterOptions, address: string, at: number, severity: 'minor' | 'cleared', dropped: number, config: RateLimitConfig): FleetEvent {
  const who = address === OVERFLOW_SOURCE ? `senders beyond the first ${options.maxSources ?? DEFAULT_MAX_SOURCES}` : address;
  const text =
    severity === 'cleared'
      ? `${options.collector}: ${who} is below its rate limit again (${dropped} messages were dropped during the storm)`
      : `${options.collector}: ${who} sends more than ${config.perSourcePerSecond} messages/s (burst ${config.burst}); the excess is dropped and counted (reason rate-limited)`;
  return {
    receivedAt: at,
    source: options.source,
    collector: options.collector,
    // The sender itself, so the pipeline puts the alarm on its node (or flags an unknown source).
    sourceAddress: address,
    nodeId: null,
    entity: null,
    category: 'Generic',
    severity,
    raisesAlarm: true,
    code: SOURCE_STORM_CODE,
    alarmKey: `${options.collector}:${address}`,
    text,
    attributes: { collector: options.collector, perSourcePerSecond: config.perSourcePerSecond, burst: config.burst, dropped },
    raw: { encoding: 'utf8', data: text },
  };
}
