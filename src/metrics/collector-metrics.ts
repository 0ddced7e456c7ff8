import type { Counter, MetricsRegistry } from './registry.js';

/**
 * The four counters every collector keeps, as one metric family each with a
 * `collector` label. received = inputs seen; accepted = handed to the
 * pipeline; refused = bad input, by reason; dropped = good input we could
 * not keep (queue full), by reason.
 */
export interface CollectorCounters {
  received(n?: number): void;
  accepted(n?: number): void;
  refused(reason: string, n?: number): void;
  dropped(reason: string, n?: number): void;
}

export interface CollectorMetricFamilies {
  received: Counter;
  accepted: Counter;
  refused: Counter;
  dropped: Counter;
}

export function registerCollectorMetrics(registry: MetricsRegistry): CollectorMetricFamilies {
  return {
    received: registry.counter('ipo_collector_received_total', 'Inputs (datagrams, frames, files, requests) received by a collector'),
    accepted: registry.counter('ipo_collector_accepted_total', 'Events a collector handed to the pipeline'),
    refused: registry.counter('ipo_collector_refused_total', 'Inputs refused as invalid, by reason'),
    dropped: registry.counter('ipo_collector_dropped_total', 'Valid events that could not be kept, by reason'),
  };
}

export function countersFor(families: CollectorMetricFamilies, collector: string): CollectorCounters {
  families.received.touch({ collector });
  families.accepted.touch({ collector });
  return {
    received: (n = 1) => families.received.inc({ collector }, n),
    accepted: (n = 1) => families.accepted.inc({ collector }, n),
    refused: (reason, n = 1) => families.refused.inc({ collector, reason }, n),
    dropped: (reason, n = 1) => families.dropped.inc({ collector, reason }, n),
  };
}
