import { MetricsRegistry, type Counter } from '../../src/metrics/registry.js';
import type { ListenerName } from './map.js';
import { readUdpRcvbufErrors } from './proc-net-snmp.js';
import { createSourceLabels } from './source-labels.js';

/** Why a connection ended or was turned away; metric labels, never renamed. */
export type ConnectionCloseReason = 'peer' | 'idle-timeout' | 'error' | 'shutdown';
export type ConnectionRejectReason = 'max-connections' | 'max-connections-per-source' | 'unlisted-source' | 'tls-handshake';

/**
 * The syslog collector's own series, beside the four every collector keeps
 * (ipo_collector_*): per listener, per sender (bounded, see source-labels.ts),
 * connections, and the kernel's UDP receive-buffer drops.
 */
export interface SyslogMetrics {
  received(listener: ListenerName, source: string): void;
  parsed(listener: ListenerName, source: string): void;
  refused(listener: ListenerName, source: string, reason: string): void;
  unlistedSource(listener: ListenerName): void;
  connectionOpened(listener: ListenerName): void;
  connectionClosed(listener: ListenerName, reason: ConnectionCloseReason): void;
  connectionRejected(listener: ListenerName, reason: ConnectionRejectReason): void;
  /** A TCP/TLS connection stopped reading because the pipeline queue was at its high-water mark. */
  streamPaused(listener: ListenerName): void;
  /** A paused connection reads again (or, at shutdown, let go of what it held). */
  streamResumed(listener: ListenerName): void;
  /** The receive buffer the kernel granted the UDP socket (null when closed). */
  udpReceiveBuffer(bytes: number | null): void;
}

interface Families {
  received: Counter;
  parsed: Counter;
  refused: Counter;
  unlisted: Counter;
  sourceReceived: Counter;
  sourceParsed: Counter;
  sourceRefused: Counter;
  opened: Counter;
  closed: Counter;
  rejected: Counter;
  paused: Counter;
  /** Read by the gauges at scrape time; shared by every collector on one registry. */
  open: Map<ListenerName, number>;
  pausedNow: Map<ListenerName, number>;
  udpBuffers: Set<{ bytes: number | null }>;
}

// Gauges read their value when scraped, so their state lives with the registry they were registered on.
const families = new WeakMap<MetricsRegistry, Families>();

export function createSyslogMetrics(registry: MetricsRegistry = new MetricsRegistry(), maxSources = 1000): SyslogMetrics {
  const f = familiesOf(registry);
  const label = createSourceLabels(maxSources);
  const udpBuffer = { bytes: null as number | null };
  f.udpBuffers.add(udpBuffer);
  for (const listener of ['udp', 'tcp', 'tls'] as const) {
    f.received.touch({ listener });
    f.parsed.touch({ listener });
    if (listener !== 'udp') f.paused.touch({ listener });
  }
  return {
    received: (listener, source) => {
      f.received.inc({ listener });
      f.sourceReceived.inc({ source: label(source) });
    },
    parsed: (listener, source) => {
      f.parsed.inc({ listener });
      f.sourceParsed.inc({ source: label(source) });
    },
    refused: (listener, source, reason) => {
      f.refused.inc({ listener, reason });
      f.sourceRefused.inc({ source: label(source), reason });
    },
    unlistedSource: (listener) => f.unlisted.inc({ listener }),
    connectionOpened: (listener) => {
      f.opened.inc({ listener });
      f.open.set(listener, (f.open.get(listener) ?? 0) + 1);
    },
    connectionClosed: (listener, reason) => {
      f.closed.inc({ listener, reason });
      f.open.set(listener, Math.max(0, (f.open.get(listener) ?? 0) - 1));
    },
    connectionRejected: (listener, reason) => f.rejected.inc({ listener, reason }),
    streamPaused: (listener) => {
      f.paused.inc({ listener });
      f.pausedNow.set(listener, (f.pausedNow.get(listener) ?? 0) + 1);
    },
    streamResumed: (listener) => void f.pausedNow.set(listener, Math.max(0, (f.pausedNow.get(listener) ?? 0) - 1)),
    udpReceiveBuffer: (bytes) => void (udpBuffer.bytes = bytes),
  };
}

function familiesOf(registry: MetricsRegistry): Families {
  const existing = families.get(registry);
  if (existing) return existing;
  const open = new Map<ListenerName, number>();
  const pausedNow = new Map<ListenerName, number>();
  const udpBuffers = new Set<{ bytes: number | null }>();
  const created: Families = {
    received: registry.counter('ipo_syslog_received_total', 'Syslog messages (datagrams or frames) received, by listener'),
    parsed: registry.counter('ipo_syslog_parsed_total', 'Syslog messages parsed into events, by listener'),
    refused: registry.counter('ipo_syslog_refused_total', 'Syslog messages refused, by listener and reason'),
    unlisted: registry.counter('ipo_syslog_unlisted_source_total', 'Syslog messages from senders outside the listener allowedSources, by listener'),
    sourceReceived: registry.counter('ipo_syslog_source_received_total', 'Syslog messages received, by sender address (the first 1000 senders; later ones as "other")'),
    sourceParsed: registry.counter('ipo_syslog_source_parsed_total', 'Syslog messages parsed, by sender address (bounded as above)'),
    sourceRefused: registry.counter('ipo_syslog_source_refused_total', 'Syslog messages refused, by sender address (bounded as above) and reason'),
    opened: registry.counter('ipo_syslog_connections_opened_total', 'TCP/TLS syslog connections accepted, by listener'),
    closed: registry.counter('ipo_syslog_connections_closed_total', 'TCP/TLS syslog connections closed, by listener and reason'),
    rejected: registry.counter('ipo_syslog_connections_rejected_total', 'TCP/TLS syslog connections turned away, by listener and reason'),
    paused: registry.counter('ipo_syslog_stream_paused_total', 'Times a TCP/TLS syslog connection stopped reading because the pipeline queue was at its high-water mark, by listener'),
    open,
    pausedNow,
    udpBuffers,
  };
  registry.gauge('ipo_syslog_connections', 'Open TCP/TLS syslog connections, by listener', () =>
    (['tcp', 'tls'] as const).map((listener) => ({ labels: { listener }, value: open.get(listener) ?? 0 })),
  );
  registry.gauge('ipo_syslog_stream_paused_connections', 'TCP/TLS syslog connections not reading now (back-pressure), by listener', () =>
    (['tcp', 'tls'] as const).map((listener) => ({ labels: { listener }, value: pausedNow.get(listener) ?? 0 })),
  );
  registry.gauge('ipo_syslog_udp_receive_buffer_bytes', 'Receive buffer the kernel granted the syslog UDP socket (SO_RCVBUF as reported, i.e. doubled)', () =>
    [...udpBuffers].filter((b) => b.bytes !== null).slice(0, 1).map((b) => ({ labels: {}, value: b.bytes! })),
  );
  registry.gauge(
    'ipo_udp_rcvbuf_errors_total',
    'UDP datagrams the kernel dropped because a receive buffer was full (RcvbufErrors of /proc/net/snmp and snmp6): host-wide, every UDP socket, a counter read when scraped',
    () => readUdpRcvbufErrors().map(({ ip, value }) => ({ labels: { ip }, value })),
  );
  families.set(registry, created);
  return created;
}
