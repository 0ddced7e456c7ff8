import { CodedError } from '../src/errors.js';
import { DEFAULT_RESILIENCY_CONFIG, type ResiliencyConfig } from '../src/resiliency/config.js';

/**
 * The time scale the demo runs the stack's resiliency engine at: failover after 10 s instead of 3 min, failback
 * 33 s after the node is back instead of 10 min, so a newcomer sees a whole incident within two minutes.
 */
export const DEMO_RESILIENCY_SCALE = 18;

/**
 * The `resiliency:` section with IP Office's waits divided by `scale` (at least 1 s each, checked ten times per
 * failover wait), so a short run shows node down → failover → node up → failback → closed. Scale 30: failover 6 s,
 * failback 20 s, stable and flap window 10 s, checks every 0.6 s.
 */
export function scaledResiliency(scale: number): ResiliencyConfig {
  if (!(scale > 0 && Number.isFinite(scale))) throw new CodedError('IPO_ERR_BAD_REQUEST', `the resiliency time scale must be a number greater than 0, got ${scale}`);
  const d = DEFAULT_RESILIENCY_CONFIG;
  const scaled = (seconds: number) => Math.max(1, Math.round((seconds / scale) * 10) / 10);
  const failoverSeconds = scaled(d.failoverSeconds);
  return {
    failoverSeconds,
    failbackSeconds: scaled(d.failbackSeconds),
    flapWindowSeconds: scaled(d.flapWindowSeconds),
    flapLosses: d.flapLosses,
    stableSeconds: scaled(d.stableSeconds),
    checkIntervalSeconds: Math.min(d.checkIntervalSeconds, Math.max(0.5, Math.round(failoverSeconds) / 10)),
  };
}
