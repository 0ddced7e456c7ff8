import { createSocket, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { CodedError } from '../../src/errors.js';

export interface BoundAddress {
  address: string;
  port: number;
}

export interface Sender {
  address: string;
  port: number;
}

/** Called once per datagram; must not throw. `reply` sends a datagram back to the sender from the same socket. */
export type DatagramHandler = (bytes: Buffer, from: Sender, reply: (bytes: Buffer) => void) => void;

export interface UdpListener {
  start(): Promise<BoundAddress>;
  /** Idempotent and safe before start(). */
  close(): Promise<void>;
  bound(): BoundAddress | null;
}

/** Kernel receive buffer asked for: trap bursts arrive faster than one event-loop turn. */
const RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * The trap socket and nothing else: bytes and the sender go to the handler,
 * which may answer (inform acknowledgements, v3 reports) through `reply`.
 */
export function createUdpListener(options: { listenAddress: string; port: number }, onDatagram: DatagramHandler, onError: (error: Error) => void): UdpListener {
  let socket: Socket | null = null;
  let bound: BoundAddress | null = null;
  return {
    start() {
      if (socket) return Promise.reject(new Error('SNMP UDP listener already started'));
      const s = createSocket({ type: isIPv6(options.listenAddress) ? 'udp6' : 'udp4', recvBufferSize: RECEIVE_BUFFER_BYTES });
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
          reject(new CodedError('IPO_ERR_COLLECTOR_BIND_FAILED', `snmp: cannot bind UDP ${where}: ${error.message}`, { cause: error }));
        };
        const closedEarly = () => {
          s.off('error', failed);
          reject(new CodedError('IPO_ERR_COLLECTOR_BIND_FAILED', `snmp: UDP ${where} was closed before it was bound`));
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
