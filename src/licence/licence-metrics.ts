import type { Counter, MetricsRegistry } from '../metrics/registry.js';
import type { LicenceState } from './state.js';

/** The licence engine's Prometheus families. */
export interface LicenceMetrics {
  signals: Counter;
  transitions: Counter;
  ignored: Counter;
  dropped: Counter;
  failures: Counter;
}

export function registerLicenceMetrics(registry: MetricsRegistry, states: () => readonly LicenceState[]): LicenceMetrics {
  registry.gauge('ipo_licence_nodes', 'Nodes per licence track and mode', () => {
    const counts = new Map<string, { labels: { track: string; mode: string }; value: number }>();
    for (const state of states()) {
      const key = `${state.track}|${state.mode}`;
      const entry = counts.get(key) ?? { labels: { track: state.track, mode: state.mode }, value: 0 };
      entry.value += 1;
      counts.set(key, entry);
    }
    return [...counts.values()];
  });
  return {
    signals: registry.counter('ipo_licence_signals_total', 'Licence signals read from stored events, by signal'),
    transitions: registry.counter('ipo_licence_transitions_total', 'Changes of licence mode, by track and mode entered'),
    ignored: registry.counter('ipo_licence_ignored_total', 'Mode reports the engine could not use, by reason'),
    dropped: registry.counter('ipo_licence_events_dropped_total', 'Licence events the full pipeline queue refused, by code'),
    failures: registry.counter('ipo_licence_failures_total', 'Licence engine steps that failed (logged), by step'),
  };
}
