import type { MetricsRegistry } from '../metrics/registry.js';

type Sample = ReturnType<MetricsRegistry['samples']>[number];

export interface CollectorTotals {
  collector: string;
  received: number;
  accepted: number;
  refused: number;
  dropped: number;
}

/** What the collectors page shows, read from the metrics registry at one instant. */
export interface CollectorSnapshot {
  at: number;
  collectors: CollectorTotals[];
  refusedByReason: Array<{ collector: string; reason: string; count: number }>;
  droppedByReason: Array<{ collector: string; reason: string; count: number }>;
  /** Host-wide UDP receive-buffer drops by IP version (null when /proc/net/snmp cannot be read). */
  kernelDrops: Array<{ ip: string; count: number }> | null;
  unknownSourceEvents: number;
  queue: { depth: number; capacity: number } | null;
}

const sum = (samples: Sample[], name: string, collector: string) => samples.filter((s) => s.name === name && s.labels['collector'] === collector).reduce((n, s) => n + s.value, 0);

export function snapshotOf(samples: readonly Sample[], at: number): CollectorSnapshot {
  const all = [...samples];
  const names = [...new Set(all.filter((s) => s.name.startsWith('ipo_collector_') && s.labels['collector']).map((s) => s.labels['collector']!))].sort();
  const byReason = (name: string) =>
    all.filter((s) => s.name === name).map((s) => ({ collector: s.labels['collector'] ?? '', reason: s.labels['reason'] ?? '', count: s.value })).filter((r) => r.count > 0).sort((a, b) => b.count - a.count);
  const kernel = all.filter((s) => s.name === 'ipo_udp_rcvbuf_errors_total');
  const value = (name: string) => all.find((s) => s.name === name)?.value;
  const depth = value('ipo_pipeline_queue_depth');
  const capacity = value('ipo_pipeline_queue_capacity');
  return {
    at,
    collectors: names.map((collector) => ({
      collector,
      received: sum(all, 'ipo_collector_received_total', collector),
      accepted: sum(all, 'ipo_collector_accepted_total', collector),
      refused: sum(all, 'ipo_collector_refused_total', collector),
      dropped: sum(all, 'ipo_collector_dropped_total', collector),
    })),
    refusedByReason: byReason('ipo_collector_refused_total'),
    droppedByReason: byReason('ipo_collector_dropped_total'),
    kernelDrops: kernel.length > 0 ? kernel.map((s) => ({ ip: s.labels['ip'] ?? '', count: s.value })) : null,
    unknownSourceEvents: all.filter((s) => s.name === 'ipo_pipeline_unknown_source_events_total').reduce((n, s) => n + s.value, 0),
    queue: depth !== undefined && capacity !== undefined ? { depth, capacity } : null,
  };
}

export interface Rates {
  /** Seconds the rates are averaged over. */
  overSeconds: number;
  perCollector: Map<string, { received: number; accepted: number; refused: number; dropped: number }>;
  kernelDrops: number | null;
}

/** Rates are averaged over about this long. */
export const RATE_WINDOW_MS = 60_000;
/** The chart shows this much history. */
export const HISTORY_MS = 10 * 60_000;
/** Two samples closer than this make no useful rate. */
const MIN_GAP_MS = 1_000;

/**
 * A small ring of snapshots, taken by a timer and on each page view, from
 * which per-second rates and a short history are computed. Holds at most
 * HISTORY_MS of samples at least MIN_GAP_MS apart.
 */
export class CollectorRateRing {
  private readonly ring: CollectorSnapshot[] = [];

  constructor(private readonly read: () => readonly Sample[]) {}

  /** Takes a snapshot now (unless the last one is under a second old) and returns the current one. */
  sample(now: number): CollectorSnapshot {
    const current = snapshotOf(this.read(), now);
    const last = this.ring.at(-1);
    if (!last || now - last.at >= MIN_GAP_MS) this.ring.push(current);
    while (this.ring.length > 0 && now - this.ring[0]!.at > HISTORY_MS) this.ring.shift();
    return current;
  }

  /** Per second between `current` and the oldest sample inside RATE_WINDOW_MS (at least a second older); null when there is none yet. */
  rates(current: CollectorSnapshot): Rates | null {
    const reference = this.ring.find((s) => current.at - s.at <= RATE_WINDOW_MS && current.at - s.at >= MIN_GAP_MS);
    return reference ? ratesBetween(reference, current) : null;
  }

  /** Accepted events per second per collector between consecutive samples: [times (s), ...series]. */
  history(): { collectors: string[]; times: number[]; series: number[][] } {
    const collectors = [...new Set(this.ring.flatMap((s) => s.collectors.map((c) => c.collector)))].sort();
    const times: number[] = [];
    const series: number[][] = collectors.map(() => []);
    for (let i = 1; i < this.ring.length; i++) {
      const rates = ratesBetween(this.ring[i - 1]!, this.ring[i]!);
      times.push(Math.round(this.ring[i]!.at / 1000));
      collectors.forEach((name, k) => series[k]!.push(round(rates.perCollector.get(name)?.accepted ?? 0)));
    }
    return { collectors, times, series };
  }
}

function ratesBetween(before: CollectorSnapshot, after: CollectorSnapshot): Rates {
  const seconds = (after.at - before.at) / 1000;
  const perCollector = new Map<string, { received: number; accepted: number; refused: number; dropped: number }>();
  for (const now of after.collectors) {
    const then = before.collectors.find((c) => c.collector === now.collector) ?? { received: 0, accepted: 0, refused: 0, dropped: 0 };
    const rate = (a: number, b: number) => Math.max(0, a - b) / seconds;
    perCollector.set(now.collector, { received: rate(now.received, then.received), accepted: rate(now.accepted, then.accepted), refused: rate(now.refused, then.refused), dropped: rate(now.dropped, then.dropped) });
  }
  const kernel = (s: CollectorSnapshot) => (s.kernelDrops ? s.kernelDrops.reduce((n, k) => n + k.count, 0) : null);
  const k0 = kernel(before);
  const k1 = kernel(after);
  return { overSeconds: seconds, perCollector, kernelDrops: k0 !== null && k1 !== null ? Math.max(0, k1 - k0) / seconds : null };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
