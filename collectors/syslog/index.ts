import { readFileSync } from 'node:fs';
import { CodedError } from '../../src/errors.js';
import { normaliseAddress } from '../../src/fleet/normalise-address.js';
import type { Collector, CollectorContext, CollectorFactory, Endpoint } from '../types.js';
import { syslogConfigSchema, type SyslogConfig } from './config.js';
import { createConnectionHandler } from './connection-handler.js';
import { createMessageHandler, type MessageHandler } from './message-handler.js';
import { createSourceAllowlist } from '../shared/address-prefix.js';
import { createSourceRateLimiter } from '../shared/source-rate-limit.js';
import { createStreamGates, type StreamGates } from './stream-gates.js';
import { createStreamListener, type StreamListener } from './stream-listener.js';
import { createSyslogMetrics, type SyslogMetrics } from './syslog-metrics.js';
import { createUdpListener, type DatagramHandler, type UdpListener } from '../shared/udp-listener.js';

/** Syslog collector: UDP, TCP and TLS; RFC 3164 and 5424; IP Office alarms, audit trail and known texts (README.md). */
export const syslogCollector: CollectorFactory<SyslogConfig> = {
  type: 'syslog',
  configSchema: syslogConfigSchema,
  create: (config, ctx) => createSyslogCollector(config, ctx),
};

interface Running {
  udp: UdpListener | null;
  streams: Array<{ transport: 'tcp' | 'tls'; listener: StreamListener }>;
  gates: StreamGates;
}

function createSyslogCollector(config: SyslogConfig, ctx: CollectorContext): Collector {
  const metrics = createSyslogMetrics(ctx.registry);
  const rateLimiter = createSourceRateLimiter(config.rateLimit, { collector: 'syslog', source: 'syslog', clock: ctx.clock, emit: (event) => void ctx.emit(event) });
  const handler = createMessageHandler({ maxMessageBytes: config.maxMessageBytes, rateLimiter }, ctx, metrics);
  let running: Running | null = null;

  const stopAll = async (r: Running) => {
    await Promise.all([r.udp?.close(), ...r.streams.map((s) => s.listener.close())]);
    r.gates.flush(); // after the sockets closed, so nothing more arrives
    rateLimiter.stop();
    metrics.udpReceiveBuffer(null);
  };

  return {
    async start() {
      if (running) return;
      const r: Running = { udp: null, streams: [], gates: createStreamGates(ctx, metrics) };
      running = r;
      rateLimiter.start();
      try {
        if (config.udp.enabled) {
          r.udp = createUdpListener({ collector: 'syslog', ...config.udp }, udpHandler(config, handler), (error) => ctx.log.error({ err: error }, 'syslog: UDP socket error'));
          const bound = await r.udp.start();
          metrics.udpReceiveBuffer(bound.receiveBufferBytes);
          if (config.udp.receiveBufferBytes > 0 && bound.receiveBufferBytes < config.udp.receiveBufferBytes) {
            ctx.log.warn(
              { asked: config.udp.receiveBufferBytes, granted: bound.receiveBufferBytes },
              'syslog: the kernel granted a smaller UDP receive buffer than udp.receiveBufferBytes; raise net.core.rmem_max (sysctl) to absorb bursts',
            );
          }
        }
        for (const transport of ['tcp', 'tls'] as const) {
          if (!config[transport].enabled) continue;
          const listener = createStreamListener(streamOptions(config, transport), streamEvents(config, transport, handler, ctx, metrics, r.gates));
          r.streams.push({ transport, listener });
          await listener.start();
        }
      } catch (error) {
        if (running === r) running = null;
        await stopAll(r);
        throw error;
      }
    },
    async stop() {
      const r = running;
      running = null;
      if (r) await stopAll(r);
    },
    endpoints(): Endpoint[] {
      if (!running) return [];
      const out: Endpoint[] = [];
      const udp = running.udp?.bound();
      if (udp) out.push({ transport: 'udp', address: udp.address, port: udp.port });
      for (const { transport, listener } of running.streams) {
        const bound = listener.bound();
        if (bound) out.push({ transport, address: bound.address, port: bound.port });
      }
      return out;
    },
  };
}

/** Normalises the sender, applies the allowlist, and hands the datagram on. */
function udpHandler(config: SyslogConfig, handler: MessageHandler): DatagramHandler {
  const isAllowed = createSourceAllowlist(config.udp.allowedSources);
  return (bytes, from) => {
    const address = normaliseAddress(from.address);
    if (isAllowed(address)) return handler.message(bytes, { address, listener: 'udp' });
    const source = { address, listener: 'udp' as const, unlisted: true };
    if (config.udp.unlistedSources === 'keep') return handler.message(bytes, source);
    handler.refused('unlisted-source', 'the sender is not in udp.allowedSources', bytes, bytes.length, source);
  };
}

function streamEvents(config: SyslogConfig, transport: 'tcp' | 'tls', handler: MessageHandler, ctx: CollectorContext, metrics: SyslogMetrics, gates: StreamGates) {
  const section = config[transport];
  return createConnectionHandler(
    { listener: transport, maxMessageBytes: config.maxMessageBytes, isAllowed: createSourceAllowlist(section.allowedSources), unlistedSources: section.unlistedSources, gates },
    handler,
    ctx,
    metrics,
  );
}

function streamOptions(config: SyslogConfig, transport: 'tcp' | 'tls') {
  const { listenAddress, port, maxConnections, maxConnectionsPerSource, idleTimeoutSeconds } = config[transport];
  const base = { transport, listenAddress, port, maxConnections, maxConnectionsPerSource, idleTimeoutSeconds };
  if (transport === 'tcp') return base;
  const { certFile, keyFile, caFile, requireClientCert } = config.tls;
  return {
    ...base,
    tls: {
      cert: readPem('tls.certFile', certFile),
      key: readPem('tls.keyFile', keyFile),
      ...(caFile !== null && { ca: readPem('tls.caFile', caFile) }),
      requireClientCert,
    },
  };
}

/** TLS files are read at start, so a renewed certificate takes effect on restart; a missing one stops startup with its path. */
function readPem(key: string, path: string | null): Buffer {
  if (path === null) throw new CodedError('IPO_ERR_COLLECTOR_BIND_FAILED', `syslog: ${key} is required when tls.enabled is true`);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new CodedError('IPO_ERR_COLLECTOR_BIND_FAILED', `syslog: cannot start TLS: cannot read ${key} ${path}: ${(error as Error).message}`, { cause: error });
  }
}
