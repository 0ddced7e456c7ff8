import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { CodedError } from '../../src/errors.js';
import { normaliseAddress } from '../../src/fleet/normalise-address.js';
import type { BoundAddress } from '../shared/udp-listener.js';
import type { ConnectionCloseReason, ConnectionRejectReason } from './syslog-metrics.js';

export interface StreamListenerOptions {
  transport: 'tcp' | 'tls';
  listenAddress: string;
  port: number;
  maxConnections: number;
  /** Open connections from one address at most (a misbehaving relay cannot take every slot). */
  maxConnectionsPerSource: number;
  /** 0: never close a quiet connection. */
  idleTimeoutSeconds: number;
  /** PEM contents for TLS (RFC 5425). */
  tls?: { cert: Buffer; key: Buffer; ca?: Buffer; requireClientCert: boolean };
}

/** Where one connection's bytes go. */
export interface ConnectionSink {
  data(chunk: Buffer): void;
  /** The connection is over (peer closed, idle, error, shutdown): flush what is left. Called once. */
  end(): void;
}

/**
 * Back-pressure on one connection. pause() stops reading (the kernel's TCP
 * window then slows the sender) and suspends the idle timeout: the silence is
 * ours, not the peer's. resume() reads again and re-arms the timeout.
 */
export interface ConnectionFlow {
  pause(): void;
  resume(): void;
}

export interface StreamListenerEvents {
  /** A connection (for TLS: after the handshake). Return its sink, or null to close it at once. */
  connect(peer: { address: string; tlsPeer?: string }, flow: ConnectionFlow): ConnectionSink | null;
  /** A connection turned away before connect(): too many open (in all or from its address), or a failed TLS handshake. */
  rejected(reason: Exclude<ConnectionRejectReason, 'unlisted-source'>, address: string, error?: Error): void;
  /** A connection that connect() took has closed. */
  closed(reason: ConnectionCloseReason): void;
  /** A server error after it was bound. */
  error(error: Error): void;
}

export interface StreamListener {
  start(): Promise<BoundAddress>;
  /** Closes the server and every open connection (each sink ends with 'shutdown'). Idempotent. */
  close(): Promise<void>;
  bound(): BoundAddress | null;
  /** Open connections. */
  connections(): number;
}

// A TLS peer that connects and never finishes the handshake holds a connection slot; this bounds it.
const HANDSHAKE_TIMEOUT_MS = 30_000;

/**
 * A TCP or TLS server and nothing else: it enforces the connection limit
 * (node's maxConnections; the 'drop' event counts who was turned away) and
 * the idle timeout, and hands each connection's bytes to its sink. We never
 * write to a syslog peer.
 */
export function createStreamListener(options: StreamListenerOptions, events: StreamListenerEvents): StreamListener {
  let server: Server | null = null;
  let bound: BoundAddress | null = null;
  const open = new Map<Socket, { reason: ConnectionCloseReason }>();
  /** Open connections per address; an entry goes when its last connection closes, so the map is bounded by maxConnections. */
  const perSource = new Map<string, number>();
  const label = options.transport.toUpperCase();

  const accept = (socket: Socket) => {
    const address = normaliseAddress(socket.remoteAddress ?? '');
    const fromSource = perSource.get(address) ?? 0;
    if (fromSource >= options.maxConnectionsPerSource) {
      events.rejected('max-connections-per-source', address);
      socket.destroy();
      return;
    }
    const tlsPeer = options.transport === 'tls' ? peerName(socket as TLSSocket) : undefined;
    const idleMs = options.idleTimeoutSeconds * 1000; // 0 disarms
    const flow: ConnectionFlow = {
      pause: () => {
        socket.pause();
        socket.setTimeout(0);
      },
      resume: () => {
        if (socket.destroyed) return;
        socket.setTimeout(idleMs);
        socket.resume();
      },
    };
    const sink = events.connect({ address, ...(tlsPeer !== undefined && { tlsPeer }) }, flow);
    if (!sink) {
      socket.destroy();
      return;
    }
    const state = { reason: 'peer' as ConnectionCloseReason };
    open.set(socket, state);
    perSource.set(address, fromSource + 1);
    if (idleMs > 0) {
      socket.on('timeout', () => {
        state.reason = 'idle-timeout';
        socket.destroy();
      });
      socket.setTimeout(idleMs);
    }
    socket.on('data', (chunk: Buffer) => sink.data(chunk));
    socket.on('error', () => {
      if (state.reason === 'peer') state.reason = 'error'; // reset by peer and the like; 'close' follows
    });
    socket.once('close', () => {
      open.delete(socket);
      const left = (perSource.get(address) ?? 1) - 1;
      if (left > 0) perSource.set(address, left);
      else perSource.delete(address);
      sink.end();
      events.closed(state.reason);
    });
  };

  return {
    start() {
      if (server) return Promise.reject(new Error(`${label} listener already started`));
      const tls = options.tls;
      const s: Server = tls
        ? createTlsServer({
            cert: tls.cert,
            key: tls.key,
            ...(tls.ca && { ca: tls.ca }),
            requestCert: tls.requireClientCert,
            rejectUnauthorized: tls.requireClientCert,
            handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
            minVersion: 'TLSv1.2',
          })
        : createTcpServer();
      server = s;
      s.maxConnections = options.maxConnections;
      s.on('drop', (data) => events.rejected('max-connections', normaliseAddress(data?.remoteAddress ?? '')));
      s.on(tls ? 'secureConnection' : 'connection', accept);
      if (tls) s.on('tlsClientError', (error: Error, socket: TLSSocket) => events.rejected('tls-handshake', normaliseAddress(socket.remoteAddress ?? ''), error));
      const where = `${options.listenAddress}:${options.port}`;
      return new Promise((resolve, reject) => {
        const failed = (error: Error) => {
          if (server === s) server = null;
          s.close();
          reject(new CodedError('IPO_ERR_COLLECTOR_BIND_FAILED', `syslog: cannot listen on ${label} ${where}: ${error.message}`, { cause: error }));
        };
        s.once('error', failed);
        s.listen({ host: options.listenAddress, port: options.port }, () => {
          s.off('error', failed);
          if (server !== s) {
            // close() came while the listen was pending: do not leave a server nobody owns.
            s.close();
            reject(new CodedError('IPO_ERR_COLLECTOR_BIND_FAILED', `syslog: ${label} ${where} was closed before it was listening`));
            return;
          }
          s.on('error', events.error);
          const address = s.address();
          bound = typeof address === 'object' && address ? { address: address.address, port: address.port } : { address: options.listenAddress, port: options.port };
          resolve(bound);
        });
      });
    },
    close() {
      const s = server;
      server = null;
      bound = null;
      if (!s) return Promise.resolve();
      const closed = new Promise<void>((resolve) => s.close(() => resolve()));
      for (const [socket, state] of open) {
        state.reason = 'shutdown';
        socket.destroy();
      }
      return closed;
    },
    bound: () => bound,
    connections: () => open.size,
  };
}

/** The subject CN of a verified client certificate, for the event's attributes. */
function peerName(socket: TLSSocket): string | undefined {
  if (!socket.authorized) return undefined;
  const cn = socket.getPeerCertificate()?.subject?.CN;
  return Array.isArray(cn) ? cn.join(',') : cn || undefined;
}
