import type { Logger } from 'pino';
import type { Clock } from '../src/clock.js';
import type { Counter } from '../src/metrics/registry.js';
import type { Store } from '../src/storage/store.js';
import { backoffMs, type BackoffPolicy } from './backoff.js';
import type { OutboundMessage } from './delivery.js';
import type { Transport } from './transport.js';

export interface SenderOptions {
  notifier: string;
  store: Store;
  transport: Transport;
  clock: Clock;
  retry: BackoffPolicy & { giveUpHours: number };
  log: Logger;
  /** ipo_notifier_attempts_total{notifier,profile,result}. */
  attempts: Counter;
  random?: () => number;
}

const BATCH = 20;

/**
 * Sends the stored messages that are due, one at a time, and stores each
 * outcome before the next: sent; retrying with exponential backoff and
 * jitter; or failed for good (a 5xx refusal, or still failing after
 * giveUpHours). When the server itself is unreachable every message waits
 * (transport backoff), so an outage costs one attempt per backoff step, not
 * one per message. The log says when the transport starts and stops failing,
 * not once per message.
 */
export class Sender {
  private pausedUntil = 0;
  private transportFailures = 0;
  private stopping = false;

  constructor(private readonly options: SenderOptions) {}

  /** Makes sendDue() return after the message in flight. */
  stop(): void {
    this.stopping = true;
  }

  async sendDue(): Promise<number> {
    const { store, notifier, clock } = this.options;
    let sent = 0;
    while (!this.stopping && clock.now() >= this.pausedUntil) {
      const due = store.listDueMessages(notifier, clock.now(), BATCH);
      if (due.length === 0) break;
      for (const message of due) {
        if (this.stopping || clock.now() < this.pausedUntil) break;
        if (await this.attempt(message)) sent++;
      }
    }
    return sent;
  }

  private async attempt(message: OutboundMessage): Promise<boolean> {
    const { store, transport, clock, retry, log, notifier } = this.options;
    const result = await transport.send(message);
    const at = clock.now();
    const attempts = message.attempts + 1;
    const labels = { notifier, profile: message.profile };
    if (result.ok) {
      store.recordAttempt(message.id, { status: 'sent', attempts, nextAttemptAt: at, lastError: null, rejected: result.rejected, at });
      this.options.attempts.inc({ ...labels, result: 'sent' });
      if (this.transportFailures > 0) log.info({ notifier, transport: transport.description, failures: this.transportFailures }, 'notifier transport works again');
      this.transportFailures = 0;
      if (result.rejected.length > 0) log.warn({ notifier, messageId: message.id, rejected: result.rejected }, 'the mail server refused some recipients for good');
      return true;
    }
    const gaveUp = at - message.createdAt >= retry.giveUpHours * 3_600_000;
    if (!result.retryable || gaveUp) {
      const error = gaveUp && result.retryable ? `gave up after ${retry.giveUpHours} h: ${result.error}` : result.error;
      store.recordAttempt(message.id, { status: 'failed-permanent', attempts, nextAttemptAt: at, lastError: error, rejected: [], at });
      this.options.attempts.inc({ ...labels, result: 'failed-permanent' });
      log.warn({ notifier, messageId: message.id, profile: message.profile, error }, 'message failed for good');
      return false;
    }
    let next = at + backoffMs(attempts, retry, this.options.random);
    if (result.transport) {
      this.transportFailures++;
      this.pausedUntil = at + backoffMs(this.transportFailures, retry, this.options.random);
      next = Math.max(next, this.pausedUntil);
      if (this.transportFailures === 1) log.warn({ notifier, transport: transport.description, error: result.error }, 'notifier transport is failing; messages wait and are retried');
    }
    store.recordAttempt(message.id, { status: 'retrying', attempts, nextAttemptAt: next, lastError: result.error, rejected: [], at });
    this.options.attempts.inc({ ...labels, result: 'retry' });
    return false;
  }
}
