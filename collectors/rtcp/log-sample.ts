import type { Clock } from '../../src/clock.js';

/**
 * Rate-limits log lines per key (a refusal reason), so a sender spraying
 * garbage costs one warn line per interval, not one per datagram.
 */
export function createLogSample(clock: Clock, intervalMs = 10_000): (key: string) => { suppressed: number } | null {
  const state = new Map<string, { loggedAt: number; suppressed: number }>();
  return (key) => {
    const now = clock.now();
    const entry = state.get(key);
    if (entry && now - entry.loggedAt < intervalMs) {
      entry.suppressed++;
      return null;
    }
    state.set(key, { loggedAt: now, suppressed: 0 });
    return { suppressed: entry?.suppressed ?? 0 };
  };
}
