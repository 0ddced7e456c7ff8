import type { MetricsRegistry } from '../../src/metrics/registry.js';

/** The RTCP collector's own families, beside the four every collector has; no-ops without a registry (unit tests). */
export interface RtcpMetrics {
  packet(type: string): void;
  skipped(reason: string): void;
  flagged(flag: string): void;
  streamStarted(attribution: string): void;
  streamEnded(reason: string): void;
  rttDiscarded(n: number): void;
  storeFailed(): void;
}

export function createRtcpMetrics(registry: MetricsRegistry | undefined, activeStreams: () => number): RtcpMetrics {
  if (!registry) return { packet() {}, skipped() {}, flagged() {}, streamStarted() {}, streamEnded() {}, rttDiscarded() {}, storeFailed() {} };
  const packets = registry.counter('ipo_rtcp_packets_total', 'RTCP packets read inside accepted datagrams, by type');
  const skipped = registry.counter('ipo_rtcp_packets_skipped_total', 'RTCP packets skipped inside accepted datagrams, by reason');
  const flagged = registry.counter('ipo_rtcp_datagrams_flagged_total', 'Accepted RTCP datagrams with something odd but harmless, by flag');
  const started = registry.counter('ipo_rtcp_streams_started_total', 'RTCP streams (call segments) seen, by how they were attributed');
  const ended = registry.counter('ipo_rtcp_streams_ended_total', 'RTCP streams ended, by reason (bye, timeout, shutdown)');
  const rtt = registry.counter('ipo_rtcp_rtt_discarded_total', 'LSR/DLSR round trips discarded as negative or implausible (clocks not synchronised)');
  const store = registry.counter('ipo_rtcp_store_failures_total', 'Flushes whose call records could not be stored (kept in memory and retried)');
  registry.gauge('ipo_rtcp_streams_active', 'RTCP streams being tracked', () => [{ labels: {}, value: activeStreams() }]);
  return {
    packet: (type) => packets.inc({ type }),
    skipped: (reason) => skipped.inc({ reason }),
    flagged: (flag) => flagged.inc({ flag }),
    streamStarted: (attribution) => started.inc({ attribution }),
    streamEnded: (reason) => ended.inc({ reason }),
    rttDiscarded: (n) => rtt.inc({}, n),
    storeFailed: () => store.inc(),
  };
}
