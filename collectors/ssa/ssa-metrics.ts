import type { MetricsRegistry } from '../../src/metrics/registry.js';
import type { SsaChange } from './diff.js';

/** The SSA collector's own families, beside the four every collector has. */
export interface SsaMetrics {
  snapshot(via: 'api' | 'folder', result: 'accepted' | 'refused' | 'partial'): void;
  change(change: SsaChange): void;
}

export function createSsaMetrics(registry?: MetricsRegistry): SsaMetrics {
  if (!registry) return { snapshot: () => {}, change: () => {} };
  const snapshots = registry.counter('ipo_ssa_snapshots_total', 'SSA alarm snapshots, by how they came (api, folder) and result (accepted, refused, partial: queue full)');
  const changes = registry.counter('ipo_ssa_entry_changes_total', 'SSA alarm entries that changed between snapshots, by change (new, increase, cleared, ...)');
  return {
    snapshot: (via, result) => snapshots.inc({ via, result }),
    change: (change) => changes.inc({ change }),
  };
}
