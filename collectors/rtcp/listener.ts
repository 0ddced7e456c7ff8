import { createSocket, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { CodedError } from '../../src/errors.js';

export interface BoundAddress {
  address: string;
  port: number;
}

/** Called once per datagram; must not throw. */
export type DatagramHandler = (bytes: Buffer, fromAddress: string) => void;

export interface UdpListener {
  start(): Promise<BoundAddress>;
  /** Idempotent and safe before start(). */
  close(): Promise<void>;
  bound(): BoundAddress | null;
}

/** The RTCP socket and nothing else: bytes and the sender's address go to the handler. */
export function createUdpListener(
  options: { listenAddress: string; port: number; receiveBufferBytes: number },
  onDatagram: DatagramHandler,
  onError: (error: Error) => void,
): UdpListener {
  let socket: Socket | null = null;
  let bound: BoundAddress | null = null;
  return {
    start() {
      if (socket) return Promise.reject(new Error('RTCP UDP listener already started'));
      const s = createSocket({ type: isIPv6(options.listenAddress) ? 'udp6' : 'udp4', ...(options.receiveBufferBytes > 0 && { recvBufferSize: options.receiveBufferBytes }) });
      socket = s;
      s.on('message', (bytes, rinfo) => onDatagram(bytes, rinfo.address));
      const where = `${options.listenAddress}:${options.port}`;
      return new Promise((resolve, reject) => {
        const failed = (error: Error) => {
          s.off('close', closedEarly);
          if (socket === s) socket = null;
          s.close();
          reject(new CodedError('IPO_ERR_COLLECTOR_BIND_FAILED', `rtcp: cannot bind UDP ${where}: ${error.message}`, { cause: error }));
        };
        const closedEarly = () => {
          s.off('error', failed);
          reject(new CodedError('IPO_ERR_COLLECTOR_BIND_FAILED', `rtcp: UDP ${where} was closed before it was bound`));
        };
        s.once('error', failed);
        s.once('close', closedEarly);
        s.bind(options.port, options.listenAddress, () => {
          s.off('error', failed);
          s.off('close', closedEarly);
          s.on('error', onError);
          const { address, port } = s.address();
          bound = { address, port };
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
