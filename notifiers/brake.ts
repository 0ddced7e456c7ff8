/**
 * The storm brake of one profile: at most `maxPerInterval` messages in a
 * window of `intervalMs` that opens with the first message; what comes after
 * is held for one digest at the window's end. The digest does not count, so a
 * profile gets at most maxPerInterval + 1 mails per window, whatever the storm.
 */
export class Brake {
  private windowStart: number | null = null;
  private count = 0;
  private held: number | null = null;

  constructor(
    readonly maxPerInterval: number,
    readonly intervalMs: number,
  ) {}

  /** Resumes after a restart from the messages of the last interval (their creation times). */
  restore(sentAt: readonly number[], heldSince: number | null, now: number): void {
    const recent = sentAt.filter((at) => at > now - this.intervalMs).sort((a, b) => a - b);
    this.windowStart = recent[0] ?? (heldSince !== null ? Math.min(heldSince, now) : null);
    this.count = recent.length;
    this.held = heldSince;
  }

  /** When the first message of the pending digest was held, or null. */
  get heldSince(): number | null {
    return this.held;
  }

  /** True when one more message may go now (and counts it); false when it must wait for the digest. */
  allow(now: number): boolean {
    if (this.held === null && (this.windowStart === null || now >= this.windowStart + this.intervalMs)) {
      this.windowStart = now;
      this.count = 0;
    }
    if (this.held === null && this.count < this.maxPerInterval) {
      this.count++;
      return true;
    }
    this.held ??= now;
    return false;
  }

  /** When the digest of what was held is due, or null when nothing is held. */
  digestDueAt(): number | null {
    if (this.held === null) return null;
    return (this.windowStart ?? this.held) + this.intervalMs;
  }

  /** After the digest: a new window opens with the next message. */
  digestSent(): void {
    this.held = null;
    this.windowStart = null;
    this.count = 0;
  }

  describe(): string {
    return `${this.maxPerInterval} emails per ${Math.round(this.intervalMs / 60_000)} min`;
  }
}
