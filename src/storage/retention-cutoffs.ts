import type { RetentionPolicy } from './store.js';

const DAY_MS = 86_400_000;

/** Rows strictly older than these epoch-ms instants are removed; both stores share the arithmetic. */
export function retentionCutoffs(policy: RetentionPolicy, now: number): { events: number; clearedAlarms: number } {
  return { events: now - policy.eventsDays * DAY_MS, clearedAlarms: now - policy.clearedAlarmsDays * DAY_MS };
}
