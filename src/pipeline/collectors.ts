import type { Logger } from 'pino';
import { collectorFactories } from '../../collectors/registry.js';
import type { Collector, CollectorContext, CollectorFactory, PhoneDirectory } from '../../collectors/types.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config/schema.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import { countersFor, type CollectorMetricFamilies } from '../metrics/collector-metrics.js';
import type { MetricsRegistry } from '../metrics/registry.js';
import type { Store } from '../storage/store.js';
import type { Pipeline } from './pipeline.js';

export interface RunningCollector {
  type: string;
  collector: Collector;
}

/**
 * Creates every enabled collector with its context. The emit function is
 * where "accepted" and "dropped: queue-full" are counted, so every collector
 * counts them the same way.
 */
export function createCollectors(
  config: Config,
  deps: { pipeline: Pipeline; log: Logger; clock: Clock; metrics: CollectorMetricFamilies; registry?: MetricsRegistry; fleet?: FleetIndex; store?: Store; phones?: PhoneDirectory },
): RunningCollector[] {
  const created: RunningCollector[] = [];
  for (const factory of collectorFactories as readonly CollectorFactory<unknown>[]) {
    const collectorConfig = (config.collectors as Record<string, { enabled: boolean }>)[factory.type];
    if (!collectorConfig?.enabled) continue;
    const counters = countersFor(deps.metrics, factory.type);
    const ctx: CollectorContext = {
      log: deps.log.child({ collector: factory.type }),
      clock: deps.clock,
      metrics: counters,
      ...(deps.registry && { registry: deps.registry }),
      ...(deps.fleet && { fleet: deps.fleet }),
      ...(deps.store && { store: deps.store }),
      ...(deps.phones && { phones: deps.phones }),
      stored: () => deps.pipeline.whenDrained(),
      emit: (event) => {
        const result = deps.pipeline.offer(event);
        if (result === 'accepted') counters.accepted();
        else counters.dropped(result);
        return result;
      },
      backPressure: {
        offer: (event) => {
          const result = deps.pipeline.offerDeferrable(event);
          if (result === 'accepted') counters.accepted(); // refused: the collector keeps it, nothing is dropped
          return result;
        },
        onDrain: (fn) => deps.pipeline.onDrain(fn),
      },
    };
    created.push({ type: factory.type, collector: factory.create(collectorConfig, ctx) });
  }
  return created;
}
