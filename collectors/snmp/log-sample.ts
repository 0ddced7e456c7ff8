import type { Clock } from '../../src/clock.js';

/**
 * Rate-limits log lines per key (a refusal reason): the first call per key
 * per interval says yes, with how many were held back since; the rest say
 * no. Keys are a small fixed set, so the map stays small.
 */
export function createLogSample(clock: Clock, intervalMs = 10_000): { take(key: string): { suppressed: number } | null } {
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
