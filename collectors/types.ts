import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Clock } from '../src/clock.js';
import type { FleetEvent } from '../src/events/fleet-event.js';
import type { FleetIndex } from '../src/fleet/fleet-index.js';
import type { CollectorCounters } from '../src/metrics/collector-metrics.js';
import type { MetricsRegistry } from '../src/metrics/registry.js';
import type { Store } from '../src/storage/store.js';

/** What the pipeline says when offered an event: taken, or refused because the queue is full. */
export type EmitResult = 'accepted' | 'queue-full';

export interface CollectorContext {
  /** pino child logger with `{ collector: type }`. */
  log: Logger;
  /** Hands an event to the pipeline. Never throws; counting accepted/dropped is done by the pipeline. */
  emit(event: FleetEvent): EmitResult;
  metrics: CollectorCounters;
  clock: Clock;
  /** For a collector's own families beyond the four shared counters (e.g. per listener); absent in unit tests. */
  registry?: MetricsRegistry;
  /** The fleet, for collectors that check senders per node (SNMP allowlists, polling); absent in unit tests. */
  fleet?: FleetIndex;
  /** For collectors that remember state across restarts (SSA snapshots); events still go through emit(). */
  store?: Store;
  /** Resolves once every event emitted before the call is in the store (pipeline drained); absent in unit tests. */
  stored?(): Promise<void>;
  /** Phones by address and extension, as polling learnt them (RTCP attribution); absent when nothing polls. */
  phones?: PhoneDirectory;
  /** For input whose sender can be made to wait (TCP/TLS streams); absent in unit tests unless asked for. */
  backPressure?: BackPressure;
}

/**
 * Pausing instead of dropping. offer() is emit() for a sender that can wait:
 * it answers 'queue-full' already at the queue's high-water mark, and counts
 * nothing then: the caller keeps the event, stops reading its sender and
 * offers the event again when onDrain calls back (queue at its low-water mark).
 */
export interface BackPressure {
  offer(event: FleetEvent): EmitResult;
  /** fn runs once per drain after an offer() was refused. Returns a function that removes fn. */
  onDrain(fn: () => void): () => void;
}

/** A phone of a node: what the IPO-PHONES-MIB table says about it. */
export interface PhoneEntry {
  nodeId: string;
  extension: string | null;
  user: string | null;
  type: string | null;
  address: string;
}

/** Finds the phone behind an address or an extension; built in main.ts from the inventories collectors learn. */
export interface PhoneDirectory {
  byAddress(address: string): PhoneEntry | null;
  byExtension(nodeId: string, extension: string): PhoneEntry | null;
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

/** A collector that learns a node's inventory (cards, modules, ports, phones), e.g. by SNMP polling. */
export interface InventorySource {
  inventory(nodeId: string): object | null;
}

export function isInventorySource(collector: Collector): collector is Collector & InventorySource {
  return typeof (collector as Partial<InventorySource>).inventory === 'function';
}
