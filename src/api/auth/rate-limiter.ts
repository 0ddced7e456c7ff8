const WINDOW_MS = 60_000;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A fixed one-minute window per key (client address, user name): simple, and enough to turn guessing passwords or
 * hammering the API into a crawl. Keys are bounded: past maxKeys the oldest window is dropped.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts one request for key and says whether it is within the limit. */
  take(key: string, now: number): RateDecision {
    const decision = this.peek(key, now);
    if (!decision.allowed) return decision;
    const window = this.current(key, now);
    window.count += 1;
    return decision;
  }

  /** Whether one more would be allowed, without counting it. */
  peek(key: string, now: number): RateDecision {
    const window = this.windows.get(key);
    if (!window || now - window.startedAt >= WINDOW_MS || window.count < this.perMinute) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000)) };
  }

  private current(key: string, now: number): { startedAt: number; count: number } {
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      this.windows.delete(key);
      if (this.windows.size >= this.maxKeys) this.dropOldest(now);
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  private dropOldest(now: number): void {
    for (const [key, window] of this.windows) if (now - window.startedAt >= WINDOW_MS) this.windows.delete(key);
    const oldest = this.windows.keys().next();
    if (this.windows.size >= this.maxKeys && !oldest.done) this.windows.delete(oldest.value);
  }
}
