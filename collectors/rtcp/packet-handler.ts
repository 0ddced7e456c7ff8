import type { CollectorContext } from '../types.js';
import { createLogSample } from '../shared/log-sample.js';
import { parseRtcp } from './parse-compound.js';
import type { RtcpMetrics } from './rtcp-metrics.js';
import type { StreamTable } from './stream-table.js';

/** Refused by the handler itself, beyond the parser's reasons: a bug, counted instead of crashing. */
export const HANDLER_REFUSAL_REASONS = ['internal-error'] as const;

/** Dropped (counted under ipo_collector_dropped_total): good reports we could not keep. */
export const DROP_REASONS = ['max-streams'] as const;

/**
 * One datagram: count it, parse it (pure), refuse it with a reason or fold its
 * packets into the stream table. Never throws into the socket loop; logs
 * one sample per refusal reason per 10 s, never a line per datagram.
 */
export function createPacketHandler(ctx: CollectorContext, table: StreamTable, metrics: RtcpMetrics): (bytes: Buffer, fromAddress: string) => void {
  const sample = createLogSample(ctx.clock);
  return (bytes, fromAddress) => {
    ctx.metrics.received();
    try {
      const result = parseRtcp(bytes);
      if (!result.ok) {
        ctx.metrics.refused(result.reason);
        const logged = sample.take(result.reason);
        if (logged) ctx.log.warn({ reason: result.reason, from: fromAddress, bytes: bytes.length, head: bytes.subarray(0, 16).toString('hex'), suppressed: logged.suppressed }, 'rtcp: datagram refused');
        return;
      }
      for (const packet of result.packets) metrics.packet(packet.type);
      for (const reason of result.skipped) metrics.skipped(reason);
      for (const flag of result.flags) metrics.flagged(flag);
      const ingested = table.ingest(fromAddress, result.packets, ctx.clock.now());
      if (ingested.overflow > 0) ctx.metrics.dropped('max-streams', ingested.overflow);
      if (ingested.rttDiscarded > 0) metrics.rttDiscarded(ingested.rttDiscarded);
    } catch (error) {
      // A bug, not bad input: count it like bad input and keep the socket loop alive.
      ctx.metrics.refused('internal-error');
      const logged = sample.take('internal-error');
      if (logged) ctx.log.error({ err: error, from: fromAddress, suppressed: logged.suppressed }, 'rtcp: a datagram could not be handled');
    }
  };
}
