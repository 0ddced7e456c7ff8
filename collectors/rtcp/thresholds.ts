import type { RtcpConfig, RtcpThresholds } from './config.js';

/**
 * The thresholds of a call's site: the defaults (IP Office's), then every
 * `siteThresholds` entry for the site id, then those that also name the customer.
 */
export function thresholdsResolver(config: Pick<RtcpConfig, 'thresholds' | 'siteThresholds'>): (customerId: string | null, siteId: string | null) => RtcpThresholds {
  const base: RtcpThresholds = {
    jitterMs: config.thresholds.jitterMs,
    roundTripMs: config.thresholds.roundTripMs,
    lossPercent: config.thresholds.lossPercent,
    mosBelow: config.thresholds.mosBelow,
  };
  const cache = new Map<string, RtcpThresholds>();
  return (customerId, siteId) => {
    if (siteId === null || config.siteThresholds.length === 0) return base;
    const key = `${customerId}\u0000${siteId}`;
    let found = cache.get(key);
    if (!found) {
      const entries = config.siteThresholds.filter((entry) => entry.site === siteId && (entry.customer === undefined || entry.customer === customerId));
      const ordered = [...entries.filter((e) => e.customer === undefined), ...entries.filter((e) => e.customer !== undefined)];
      found = { ...base };
      for (const { site: _s, customer: _c, ...overrides } of ordered) {
        for (const [name, value] of Object.entries(overrides)) if (value !== undefined) (found as Record<string, unknown>)[name] = value;
      }
      cache.set(key, found);
    }
    return found;
  };
}
