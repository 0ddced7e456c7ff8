export interface BackoffPolicy {
  initialSeconds: number;
  maxSeconds: number;
}

/**
 * Delay before attempt `attempt + 1`, after `attempt` failures (1, 2, …):
 * exponential from initialSeconds, capped at maxSeconds, with "equal jitter"
 * (half fixed, half random) so retries after an outage do not arrive at once.
 * `random` is injected for tests.
 */
export function backoffMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const base = Math.min(policy.maxSeconds, policy.initialSeconds * 2 ** Math.max(0, attempt - 1)) * 1000;
  return Math.round(base / 2 + random() * (base / 2));
}
