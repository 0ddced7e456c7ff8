import type { Logger } from 'pino';
import type { EmitResult } from '../../collectors/types.js';
import type { CorrelationEngine } from '../correlation/engine.js';
import type { FleetEvent } from '../events/fleet-event.js';
import type { Store } from '../storage/store.js';
import { BoundedQueue } from './bounded-queue.js';
import type { PipelineMetrics } from './pipeline-metrics.js';
import { recordDecision, type RecordedDecision } from './record-decision.js';

export interface PipelineOptions {
  store: Store;
  engine: CorrelationEngine;
  queueCapacity: number;
  batchSize: number;
  log: Logger;
  metrics: PipelineMetrics;
}

const RETRY_DELAY_MS = 1000;
/**
 * Deferrable offers (TCP/TLS syslog, which can push back) are refused from 80 %
 * of the queue, so the last fifth stays free for input that cannot wait (UDP,
 * traps); onDrain fires at 50 %, so senders are not paused and resumed per event.
 */
const HIGH_WATER = 0.8;
const LOW_WATER = 0.5;

/**
 * Collectors -> bounded queue -> correlation -> store. Collectors offer events
 * and get an immediate answer; a drain loop takes batches and stores each batch
 * in one transaction. A batch that fails to store goes back to the front of the
 * queue and is retried, so an accepted event is not lost while the process runs.
 */
export class Pipeline {
  private readonly queue: BoundedQueue<FleetEvent>;
  private scheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private running = false;
  private drainedWaiters: Array<() => void> = [];
  private readonly listeners: Array<(recorded: RecordedDecision[]) => void> = [];
  private readonly drainListeners = new Set<() => void>();
  /** A deferrable offer was refused and onDrain has not fired since. */
  private deferring = false;
  readonly highWater: number;
  readonly lowWater: number;

  constructor(private readonly options: PipelineOptions) {
    this.queue = new BoundedQueue(options.queueCapacity);
    this.highWater = Math.max(1, Math.floor(options.queueCapacity * HIGH_WATER));
    this.lowWater = Math.min(this.highWater - 1, Math.floor(options.queueCapacity * LOW_WATER));
    options.metrics.registerQueue(() => ({ depth: this.queue.size, capacity: this.queue.capacity }));
  }

  start(): void {
    this.running = true;
    this.schedule();
  }

  /**
   * Calls fn after each stored batch, outside the transaction, with what was
   * stored (sinks such as InfluxDB, live updates, the licence and resiliency
   * engines). A listener that throws is logged; it cannot undo the batch.
   */
  addListener(fn: (recorded: RecordedDecision[]) => void): void {
    this.listeners.push(fn);
  }

  offer(event: FleetEvent): EmitResult {
    if (!this.queue.push(event)) return 'queue-full';
    this.schedule();
    return 'accepted';
  }

  /**
   * For input whose sender can wait (a TCP/TLS stream): refused ('queue-full')
   * from the high-water mark on, and the caller keeps the event and offers it
   * again after onDrain.
   */
  offerDeferrable(event: FleetEvent): EmitResult {
    if (this.queue.size >= this.highWater) {
      this.deferring = true;
      return 'queue-full';
    }
    return this.offer(event);
  }

  /** Calls fn when the queue is back at the low-water mark after a deferrable offer was refused. Returns a function that removes fn. */
  onDrain(fn: () => void): () => void {
    this.drainListeners.add(fn);
    return () => void this.drainListeners.delete(fn);
  }

  get depth(): number {
    return this.queue.size;
  }

  /** Stores everything still queued, then stops draining. Collectors must be stopped first. */
  async stop(): Promise<void> {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    while (this.queue.size > 0) {
      if (!this.drainOnce()) break; // the store is failing; what is left is reported below
    }
    if (this.queue.size > 0) this.options.log.error({ lost: this.queue.size }, 'pipeline stopped with events it could not store');
    this.running = false;
  }

  /** Resolves once the queue is empty (tests and shutdown). */
  whenDrained(): Promise<void> {
    if (this.queue.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainedWaiters.push(resolve));
  }

  private schedule(): void {
    if (!this.running || this.scheduled || this.retryTimer) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.drainOnce()) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.schedule();
        }, RETRY_DELAY_MS);
        return;
      }
      this.notifyBelowLowWater();
      if (this.queue.size > 0) this.schedule();
      else this.notifyDrained();
    });
  }

  /** Stores one batch. Returns false if the store failed (the batch is back in the queue). */
  private drainOnce(): boolean {
    const { store, engine, metrics, log } = this.options;
    const batch = this.queue.shiftBatch(this.options.batchSize);
    if (batch.length === 0) return true;
    let recorded: RecordedDecision[];
    try {
      recorded = store.transaction(() => batch.map((event) => recordDecision(store, engine.decide(event))));
    } catch (error) {
      this.queue.unshiftBatch(batch);
      metrics.storeFailures.inc();
      log.error({ err: error, batch: batch.length }, 'storing a batch failed; it stays queued and will be retried');
      return false;
    }
    metrics.countRecorded(recorded);
    for (const listener of this.listeners) {
      try {
        listener(recorded);
      } catch (error) {
        log.error({ err: error }, 'a listener failed after a batch was stored');
      }
    }
    return true;
  }

  private notifyBelowLowWater(): void {
    if (!this.deferring || this.queue.size > this.lowWater) return;
    this.deferring = false;
    for (const fn of [...this.drainListeners]) {
      try {
        fn(); // may offer again, and set deferring again
      } catch (error) {
        this.options.log.error({ err: error }, 'a drain listener failed');
      }
    }
  }

  private notifyDrained(): void {
    const waiters = this.drainedWaiters;
    this.drainedWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
