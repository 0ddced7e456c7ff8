import { CodedError } from '../../src/errors.js';
import type { FleetIndex } from '../../src/fleet/fleet-index.js';
import type { Collector, CollectorContext, CollectorFactory, Endpoint } from '../types.js';
import { Attributor } from './attribution.js';
import { CallWriter } from './call-writer.js';
import { CodecTable } from './codec-table.js';
import { rtcpConfigSchema, type RtcpConfig } from './config.js';
import { DegradationWatch } from './degradation.js';
import { createUdpListener, type UdpListener } from '../shared/udp-listener.js';
import { createPacketHandler } from './packet-handler.js';
import { createRtcpMetrics } from './rtcp-metrics.js';
import { StreamTable } from './stream-table.js';
import { thresholdsResolver } from './thresholds.js';

/** The RTCP collector, with hooks for tests and the benchmark. */
export interface RtcpCollector extends Collector {
  /** Handles one datagram as if it had arrived from `fromAddress` (benchmark, tests). */
  handle(bytes: Buffer, fromAddress: string): void;
  /** Writes call records now (and ends timed-out streams), as the flush timer does. */
  flush(): void;
  /** Evaluates sustained degradation now, as its timer does. */
  evaluateDegradation(): void;
  activeStreams(): number;
}

/** RTCP QoS collector: SR/RR/SDES/BYE/APP/XR on UDP 5005 → call records, threshold and degradation alarms (README.md). */
export const rtcpCollector: CollectorFactory<RtcpConfig> = {
  type: 'rtcp',
  configSchema: rtcpConfigSchema,
  create: (config, ctx) => createRtcpCollector(config, ctx),
};

export function createRtcpCollector(config: RtcpConfig, ctx: CollectorContext): RtcpCollector {
  const codecs = new CodecTable(config.codecs, config.defaultCodec);
  const attributor = new Attributor(config, ctx.fleet, ctx.phones);
  const table: StreamTable = new StreamTable({
    codecs,
    attributor,
    maxStreams: config.maxStreams,
    maxSamplesPerCall: config.maxSamplesPerCall,
    rttFromLsr: config.rttFromLsr,
    onStreamStarted: (stream) => metrics.streamStarted(stream.owner.attribution),
  });
  const metrics = createRtcpMetrics(ctx.registry, () => table.size);
  const emit = (event: Parameters<CollectorContext['emit']>[0]) => void ctx.emit(event);
  const writer = new CallWriter({
    table,
    attributor,
    recorder: ctx.store,
    thresholdsFor: thresholdsResolver(config),
    alarms: { raise: config.thresholds.raiseAlarms, graceMs: config.thresholds.graceSeconds * 1000 },
    emit,
    log: ctx.log,
    onStoreFailure: () => metrics.storeFailed(),
  });
  const degradation = ctx.store && config.degradation.enabled ? new DegradationWatch(config.degradation, ctx.store, ctx.fleet, emit) : null;
  const handle = createPacketHandler(ctx, table, metrics);
  const timeoutMs = config.streamTimeoutSeconds * 1000;
  let udp: UdpListener | null = null;
  const timers: NodeJS.Timeout[] = [];

  const flush = () => {
    try {
      table.endTimedOut(ctx.clock.now(), timeoutMs);
      const result = writer.flush(ctx.clock.now());
      for (const reason of result.ended) metrics.streamEnded(reason);
    } catch (error) {
      ctx.log.error({ err: error }, 'rtcp: flush failed');
    }
  };
  const evaluateDegradation = () => {
    try {
      degradation?.evaluate(ctx.clock.now());
    } catch (error) {
      ctx.log.error({ err: error }, 'rtcp: degradation check failed');
    }
  };

  return {
    async start() {
      if (udp) return;
      checkNodes(config, ctx.fleet);
      const listener = createUdpListener(
        { collector: 'rtcp', listenAddress: config.listenAddress, port: config.port, receiveBufferBytes: config.receiveBufferBytes },
        (bytes, from) => handle(bytes, from.address),
        (error) => ctx.log.error({ err: error }, 'rtcp: UDP socket error'),
      );
      await listener.start();
      udp = listener;
      timers.push(setInterval(flush, config.flushIntervalMs));
      if (degradation) timers.push(setInterval(evaluateDegradation, config.degradation.evaluateSeconds * 1000));
      for (const timer of timers) timer.unref();
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      const listener = udp;
      udp = null;
      await listener?.close();
      if (listener) {
        // Segments still open are stored as ended, so no record stays open across restarts.
        table.endAll(ctx.clock.now());
        flush();
      }
    },
    endpoints(): Endpoint[] {
      const bound = udp?.bound();
      return bound ? [{ transport: 'udp', address: bound.address, port: bound.port }] : [];
    },
    handle,
    flush,
    evaluateDegradation,
    activeStreams: () => table.size,
  };
}

/** `sources` and `trunks` name fleet nodes; a typo would silently attribute nothing. */
function checkNodes(config: RtcpConfig, fleet: FleetIndex | undefined): void {
  const named = [...config.sources.map((s, i) => [`collectors.rtcp.sources[${i}].node`, s.node] as const), ...config.trunks.map((t, i) => [`collectors.rtcp.trunks[${i}].node`, t.node] as const)];
  const problems = named.filter(([, node]) => !fleet?.node(node)).map(([path, node]) => `${path}: node "${node}" is not in the fleet`);
  if (problems.length > 0) throw new CodedError('IPO_ERR_CONFIG_INVALID', problems.join('\n'));
}
