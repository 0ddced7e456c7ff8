import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Clock } from '../src/clock.js';
import type { FleetEvent } from '../src/events/fleet-event.js';
import type { CollectorCounters } from '../src/metrics/collector-metrics.js';

/** What the pipeline says when offered an event: taken, or refused because the queue is full. */
export type EmitResult = 'accepted' | 'queue-full';

export interface CollectorContext {
  /** pino child logger with `{ collector: type }`. */
  log: Logger;
  /** Hands an event to the pipeline. Never throws; counting accepted/dropped is done by the pipeline. */
  emit(event: FleetEvent): EmitResult;
  metrics: CollectorCounters;
  clock: Clock;
}

/** A socket or feed the collector listens on, reported after start() (port 0 becomes the real port). */
export interface Endpoint {
  transport: 'udp' | 'tcp' | 'tls' | 'http' | 'folder';
  address: string;
  port?: number;
  path?: string;
}

export interface Collector {
  /** Binds or connects. Rejects with a coded error (IPO_ERR_COLLECTOR_BIND_FAILED) if it cannot. */
  start(): Promise<void>;
  /** Idempotent, safe before start(); stops accepting input and releases sockets. */
  stop(): Promise<void>;
  endpoints(): Endpoint[];
}

export interface CollectorFactory<C> {
  /** Equals the folder name and the key under `collectors:` in the config. */
  readonly type: string;
  readonly configSchema: z.ZodType<C>;
  create(config: C, ctx: CollectorContext): Collector;
}
