import type { ProblemSeverity } from '../events/severity.js';
import type { EscalationPolicy } from './config.js';

export const DAY_MS = 86_400_000;

/** Whole days left, as IP Office counts them: 30 on the first day of a 30-day grace, 1 on its last, 0 once over. */
export function daysRemaining(expiresAt: number, now: number): number {
  return Math.max(0, Math.ceil((expiresAt - now) / DAY_MS));
}

/** Days since a grace started: 0 on its first day. */
export function daysInGrace(startedAt: number, now: number): number {
  return Math.max(0, Math.floor((now - startedAt) / DAY_MS));
}

/**
 * The grace alarm's severity: the step with the fewest days that still covers `remaining` (e.g. major from 7 days,
 * critical from 1 day), else onEntry. An open-ended grace (remaining null) stays at onEntry.
 */
export function graceSeverity(policy: EscalationPolicy, remaining: number | null): ProblemSeverity {
  if (remaining === null) return policy.onEntry;
  let best: { daysRemaining: number; severity: ProblemSeverity } | undefined;
  for (const step of policy.steps) {
    if (remaining <= step.daysRemaining && (best === undefined || step.daysRemaining < best.daysRemaining)) best = step;
  }
  return best?.severity ?? policy.onEntry;
}

/** What changes once a day in a grace: days remaining, or days in an open-ended one. */
export function reminderKey(grace: { graceStartedAt: number | null; graceExpiresAt: number | null }, now: number): number | null {
  if (grace.graceExpiresAt !== null) return daysRemaining(grace.graceExpiresAt, now);
  if (grace.graceStartedAt !== null) return daysInGrace(grace.graceStartedAt, now);
  return null;
}
