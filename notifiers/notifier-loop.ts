import type { Logger } from 'pino';

/**
 * Runs a notifier's step on a timer: one step at a time (a tick that finds
 * one running asks for another right after it), errors logged and retried on
 * the next tick. wake() runs a step soon without waiting for the timer (the
 * pipeline stored new outbox rows); the timer stays for what only time makes
 * due (group wait, group interval, retries, backoff). stop() clears the timer
 * and waits for the step in flight, so a send that has started is recorded
 * before the store closes.
 */
export class NotifierLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private wakeScheduled = false;

  constructor(
    private readonly step: () => Promise<void>,
    private readonly tickMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref();
    void this.tick();
  }

  /** Runs one step now (tests call this with a fake clock instead of starting the timer). */
  tick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.step();
        } catch (error) {
          this.log.error({ err: error }, 'notifier step failed; will try again');
        }
      } while (this.again && this.timer !== null);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Asks for a step on the next turn of the event loop, once however many
   * wake-ups arrive before it (one per stored batch in a burst). Ignored
   * before start() and after stop(). The step is the same as a tick's, one at
   * a time, so a wake-up never sends anything twice.
   */
  wake(): void {
    if (this.timer === null || this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      if (this.timer !== null) void this.tick();
    });
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
