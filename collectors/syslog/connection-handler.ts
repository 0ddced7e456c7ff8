import type { CollectorContext } from '../types.js';
import { createFrameDecoder } from './frame-decoder.js';
import { createLogSample } from '../shared/log-sample.js';
import type { MessageHandler } from './message-handler.js';
import type { ListenerName } from './map.js';
import { createStreamGates, type StreamGates } from './stream-gates.js';
import type { ConnectionSink, StreamListenerEvents } from './stream-listener.js';
import type { SyslogMetrics } from './syslog-metrics.js';

const REJECT_MESSAGES = {
  'max-connections': 'syslog connection refused: maxConnections reached',
  'max-connections-per-source': 'syslog connection refused: maxConnectionsPerSource reached for this sender',
  'tls-handshake': 'syslog TLS handshake failed',
} as const;

export interface ConnectionHandlerOptions {
  listener: Exclude<ListenerName, 'udp'>;
  maxMessageBytes: number;
  /** The listener's allowedSources check (source-allowlist.ts). */
  isAllowed(address: string): boolean;
  unlistedSources: 'keep' | 'refuse';
  /** Back-pressure, shared by the collector's TCP and TLS listeners; its own when absent (tests). */
  gates?: StreamGates;
}

/**
 * What a TCP or TLS listener does with each connection: check the sender
 * against the allowlist once, give the connection its own RFC 6587 frame
 * decoder, and pass frames and framing refusals to the message handler;
 * events go through the connection's gate, which pauses it when the
 * pipeline queue is at its high-water mark (stream-gates.ts).
 * Connections are counted (opened, closed and rejected, by reason);
 * rejections are logged as rate-limited samples.
 */
export function createConnectionHandler(options: ConnectionHandlerOptions, handler: MessageHandler, ctx: CollectorContext, metrics: SyslogMetrics): StreamListenerEvents {
  const { listener } = options;
  const gates = options.gates ?? createStreamGates(ctx, metrics);
  const logSample = createLogSample(ctx.clock);
  const warn = (reason: string, fields: Record<string, unknown>, message: string) => {
    const logged = logSample.take(reason);
    if (logged) ctx.log.warn({ listener, reason, ...fields, suppressed: logged.suppressed }, message);
  };

  return {
    connect(peer, flow): ConnectionSink | null {
      const allowed = options.isAllowed(peer.address);
      if (!allowed && options.unlistedSources === 'refuse') {
        metrics.connectionRejected(listener, 'unlisted-source');
        warn('unlisted-source', { sourceAddress: peer.address }, 'syslog connection refused: sender not in allowedSources');
        return null;
      }
      metrics.connectionOpened(listener);
      const source = { address: peer.address, listener, ...(!allowed && { unlisted: true }), ...(peer.tlsPeer !== undefined && { tlsPeer: peer.tlsPeer }) };
      const gate = gates.open(listener, flow);
      const decoder = createFrameDecoder(options.maxMessageBytes, {
        frame: (bytes) => handler.message(bytes, source, gate.deliver),
        refused: (reason, detail, sample, size) => handler.refused(reason, detail, sample, size, source),
      });
      let ended = false;
      return {
        data: (chunk) => decoder.push(chunk),
        end: () => {
          if (ended) return;
          ended = true;
          decoder.end();
        },
      };
    },
    rejected(reason, address, error) {
      metrics.connectionRejected(listener, reason);
      warn(reason, { sourceAddress: address, ...(error && { error: error.message }) }, REJECT_MESSAGES[reason]);
    },
    closed(reason) {
      metrics.connectionClosed(listener, reason);
    },
    error(error) {
      ctx.log.error({ err: error, listener }, `syslog: ${listener.toUpperCase()} server error`);
    },
  };
}
