import { z } from 'zod';

/**
 * The `resiliency:` section: the waits of the resiliency engine. The defaults are IP Office's own: phones fail over
 * no sooner than 3 minutes after losing home (003:659-662; one-X Portal's example detection time is 3 minutes too,
 * 001:1541-1546) and go home once it has been up more than 10 minutes (003:647-648).
 */
export const DEFAULT_RESILIENCY_CONFIG = {
  /** A node still down this long after the loss has failed over (its phones are on the backup). */
  failoverSeconds: 180,
  /** A failed-over node up this long has failed back; the incident closes. */
  failbackSeconds: 600,
  /** Losses within this window count towards flapping. */
  flapWindowSeconds: 300,
  /** This many losses within the flap window raise one flapping alarm. */
  flapLosses: 3,
  /** A line, or a node back before failover, up this long closes its incident. */
  stableSeconds: 300,
  /** How often the failover and failback waits are checked: they happen within this much of their time. */
  checkIntervalSeconds: 15,
} as const;

const seconds = (max: number, fallback: number) => z.number().positive().max(max).default(fallback);

export const resiliencyConfigSchema = z.strictObject({
  failoverSeconds: seconds(3600, DEFAULT_RESILIENCY_CONFIG.failoverSeconds),
  failbackSeconds: seconds(86_400, DEFAULT_RESILIENCY_CONFIG.failbackSeconds),
  flapWindowSeconds: seconds(86_400, DEFAULT_RESILIENCY_CONFIG.flapWindowSeconds),
  flapLosses: z.number().int().min(2).max(100).default(DEFAULT_RESILIENCY_CONFIG.flapLosses),
  stableSeconds: seconds(86_400, DEFAULT_RESILIENCY_CONFIG.stableSeconds),
  checkIntervalSeconds: seconds(3600, DEFAULT_RESILIENCY_CONFIG.checkIntervalSeconds),
});

export type ResiliencyConfig = z.infer<typeof resiliencyConfigSchema>;
