import type { Clock } from '../../src/clock.js';

export interface LogSample {
  /**
   * Whether to log now for this key: the first call per key per interval
   * says yes and how many calls were held back since the last yes; the
   * rest say no (null).
   */
  take(key: string): { suppressed: number } | null;
}

/**
 * Rate-limits log lines per key (a refusal reason), so a device spraying
 * garbage costs one warn line per interval, not one per datagram. Keys are
 * a small fixed set, so the map stays small.
 */
export function createLogSample(clock: Clock, intervalMs = 10_000): LogSample {
  const state = new Map<string, { loggedAt: number; suppressed: number }>();
  return {
    take(key) {
      const now = clock.now();
      const entry = state.get(key);
      if (entry && now - entry.loggedAt < intervalMs) {
        entry.suppressed++;
        return null;
      }
      state.set(key, { loggedAt: now, suppressed: 0 });
      return { suppressed: entry?.suppressed ?? 0 };
    },
  };
}
