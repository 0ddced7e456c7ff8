import { DEFAULT_RESILIENCY_CONFIG, type ResiliencyConfig } from './config.js';

/** The engine's waits in milliseconds, from the `resiliency:` section (config.ts explains each). */
export interface ResiliencyTiming {
  failoverMs: number;
  failbackMs: number;
  flapWindowMs: number;
  flapLosses: number;
  stableMs: number;
}

export function timingOf(config: Omit<ResiliencyConfig, 'checkIntervalSeconds'>): ResiliencyTiming {
  return {
    failoverMs: config.failoverSeconds * 1000,
    failbackMs: config.failbackSeconds * 1000,
    flapWindowMs: config.flapWindowSeconds * 1000,
    flapLosses: config.flapLosses,
    stableMs: config.stableSeconds * 1000,
  };
}

export const DEFAULT_TIMING: ResiliencyTiming = timingOf(DEFAULT_RESILIENCY_CONFIG);
