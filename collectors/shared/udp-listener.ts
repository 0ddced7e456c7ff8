import { createSocket, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { CodedError } from '../../src/errors.js';

export interface UdpListenerOptions {
  /** Collector type, for messages ("syslog: cannot bind UDP …"). */
  collector: string;
  listenAddress: string;
  port: number;
  /** SO_RCVBUF to ask for; 0 or absent keeps the OS default. The kernel caps it at net.core.rmem_max. */
  receiveBufferBytes?: number;
}

export interface BoundAddress {
  address: string;
  port: number;
}

export interface UdpBound extends BoundAddress {
  /** What the kernel granted (Linux reports double the bytes it books for payload). */
  receiveBufferBytes: number;
}

export interface Sender {
  address: string;
  port: number;
}

/**
 * Called once per datagram. Must not throw: it runs inside the socket's event
 * loop. `reply` sends a datagram back to the sender from the same socket
 * (SNMP inform acknowledgements, v3 reports).
 */
export type DatagramHandler = (bytes: Buffer, from: Sender, reply: (bytes: Buffer) => void) => void;

export interface UdpListener {
  /** Binds; resolves with the real address and port (port 0 becomes the one the OS chose). */
  start(): Promise<UdpBound>;
  /** Idempotent and safe before start(). */
  close(): Promise<void>;
  /** The bound address while listening, else null. */
  bound(): UdpBound | null;
}

/**
 * A UDP socket and nothing else, for every UDP collector: bytes and the
 * sender go to the handler, unparsed. udp4 or udp6 follows the listen
 * address. The receive buffer absorbs bursts while the event loop is busy;
 * beyond it the kernel drops datagrams and counts them in RcvbufErrors.
 */
export function createUdpListener(options: UdpListenerOptions, onDatagram: DatagramHandler, onError: (error: Error) => void): UdpListener {
  let socket: Socket | null = null;
  let bound: UdpBound | null = null;

  return {
    start() {
      if (socket) return Promise.reject(new Error(`${options.collector}: UDP listener already started`));
      const s = createSocket(isIPv6(options.listenAddress) ? 'udp6' : 'udp4');
      socket = s;
      s.on('message', (bytes, rinfo) => {
        const from = { address: rinfo.address, port: rinfo.port };
        onDatagram(bytes, from, (answer) => s.send(answer, from.port, from.address, (error) => error && onError(error)));
      });
      const where = `${options.listenAddress}:${options.port}`;
      return new Promise((resolve, reject) => {
        const failed = (error: Error) => {
          s.off('close', closedEarly);
          if (socket === s) socket = null;
          s.close();
          reject(new CodedError('IPO_ERR_COLLECTOR_BIND_FAILED', `${options.collector}: cannot bind UDP ${where}: ${error.message}`, { cause: error }));
        };
        // close() while the bind is pending: the bind callback never comes, so settle here.
        const closedEarly = () => {
          s.off('error', failed);
          reject(new CodedError('IPO_ERR_COLLECTOR_BIND_FAILED', `${options.collector}: UDP ${where} was closed before it was bound`));
        };
        s.once('error', failed);
        s.once('close', closedEarly);
        s.bind(options.port, options.listenAddress, () => {
          s.off('error', failed);
          s.off('close', closedEarly);
          s.on('error', onError);
          if (options.receiveBufferBytes) {
            try {
              s.setRecvBufferSize(options.receiveBufferBytes); // only possible once bound
            } catch (error) {
              onError(error as Error);
            }
          }
          const { address, port } = s.address();
          bound = { address, port, receiveBufferBytes: s.getRecvBufferSize() };
          resolve(bound);
        });
      });
    },
    close() {
      const s = socket;
      socket = null;
      bound = null;
      if (!s) return Promise.resolve();
      return new Promise((resolve) => s.close(() => resolve()));
    },
    bound: () => bound,
  };
}
