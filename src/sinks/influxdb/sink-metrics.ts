import type { Counter, MetricsRegistry } from '../../metrics/registry.js';

/** The sink's own series on /metrics (and, sampled, in InfluxDB itself). */
export interface InfluxSinkMetrics {
  spooled: Counter;
  sent: Counter;
  rejected: Counter;
  dropped: Counter;
  writeFailures: Counter;
}

export const INFLUX_DROP_REASONS = ['spool-full', 'spool-error'] as const;

export function createInfluxSinkMetrics(
  registry: MetricsRegistry,
  read: () => { spoolBytes: number; spoolMaxBytes: number; up: boolean },
): InfluxSinkMetrics {
  const metrics = {
    spooled: registry.counter('ipo_influx_points_spooled_total', 'Points written to the InfluxDB spool'),
    sent: registry.counter('ipo_influx_points_sent_total', 'Points InfluxDB acknowledged'),
    rejected: registry.counter('ipo_influx_points_rejected_total', 'Points InfluxDB refused as invalid (HTTP 400/413/422); not retried'),
    dropped: registry.counter('ipo_influx_points_dropped_total', 'Points lost before InfluxDB took them, by reason'),
    writeFailures: registry.counter('ipo_influx_write_failures_total', 'Write requests that failed and will be retried (InfluxDB down or refusing)'),
  };
  metrics.spooled.touch();
  metrics.sent.touch();
  metrics.rejected.touch();
  metrics.writeFailures.touch();
  for (const reason of INFLUX_DROP_REASONS) metrics.dropped.touch({ reason });
  registry.gauge('ipo_influx_spool_bytes', 'Bytes of the InfluxDB spool on disk', () => [{ labels: {}, value: read().spoolBytes }]);
  registry.gauge('ipo_influx_spool_max_bytes', 'Bound of the InfluxDB spool', () => [{ labels: {}, value: read().spoolMaxBytes }]);
  registry.gauge('ipo_influx_up', '1 when the last write to InfluxDB succeeded, 0 while writes fail', () => [{ labels: {}, value: read().up ? 1 : 0 }]);
  return metrics;
}
