import type { Spool } from './spool.js';
import { describeWriteError, isPermanentWriteError, type LineWriter } from './writer.js';

export interface SenderOptions {
  spool: Spool;
  writer: LineWriter;
  /** Lines per request, at most (a single larger spooled batch still goes in one request). */
  batchSize: number;
  retryInitialMs: number;
  retryMaxMs: number;
  /** Told about every request's outcome, for metrics and logs. */
  onResult(result: SendResult): void;
}

export type SendResult =
  | { kind: 'sent'; lines: number; ms: number }
  | { kind: 'rejected'; lines: number; error: string }
  | { kind: 'failed'; lines: number; error: string; retryInMs: number };

/**
 * Sends the spool to InfluxDB in order, one request at a time: the oldest unacknowledged batches, then the next.
 * A refused write (bad data) is dropped and reported; a failed one (server down) stops sending until a retry timer
 * with exponential backoff fires, so after an outage the spool replays from where it stopped, oldest first.
 */
export class SpoolSender {
  private running: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs: number;
  private stopped = false;
  /** True while the last request failed: InfluxDB is unreachable or refusing. */
  failing = false;

  constructor(private readonly options: SenderOptions) {
    this.retryMs = options.retryInitialMs;
  }

  /** Starts sending unless a send is running or a retry is scheduled (that one will pick the new lines up). */
  kick(): void {
    if (this.stopped || this.running || this.retryTimer) return;
    this.running = this.sendAll().finally(() => {
      this.running = null;
    });
  }

  /** Sends until the spool is empty, a send fails, or the deadline passes; true when the spool is empty. */
  async drain(deadline: number): Promise<boolean> {
    while (!this.options.spool.isEmpty && Date.now() < deadline) {
      if (this.running) {
        await this.running;
        continue;
      }
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = null;
      let sent = false;
      this.running = this.sendOnce()
        .then((result) => {
          sent = result;
        })
        .finally(() => {
          this.running = null;
        });
      await this.running;
      if (!sent) break;
    }
    return this.options.spool.isEmpty;
  }

  /** No more sends or retries; a send in flight is awaited. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.running) await this.running;
  }

  private async sendAll(): Promise<void> {
    while (!this.stopped && (await this.sendOnce()));
  }

  /** One request. Returns true when the caller may go on (sent or dropped), false when nothing is left or it failed. */
  private async sendOnce(): Promise<boolean> {
    const { spool, writer, onResult } = this.options;
    const batches = spool.pending(this.options.batchSize);
    const last = batches.at(-1);
    if (!last) return false;
    const lines = batches.flatMap((batch) => batch.lines);
    const started = Date.now();
    try {
      await writer.write(lines);
    } catch (error) {
      if (isPermanentWriteError(error)) {
        spool.ack(last.seq);
        onResult({ kind: 'rejected', lines: lines.length, error: describeWriteError(error) });
        return true;
      }
      this.failing = true;
      const retryInMs = this.retryMs;
      this.retryMs = Math.min(this.retryMs * 2, this.options.retryMaxMs);
      onResult({ kind: 'failed', lines: lines.length, error: describeWriteError(error), retryInMs });
      if (!this.stopped) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.kick();
        }, retryInMs);
        this.retryTimer.unref();
      }
      return false;
    }
    spool.ack(last.seq);
    this.failing = false;
    this.retryMs = this.options.retryInitialMs;
    onResult({ kind: 'sent', lines: lines.length, ms: Date.now() - started });
    return true;
  }
}
