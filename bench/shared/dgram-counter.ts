import { createSocket } from 'node:dgram';
import type { CountingReceiver } from './send-and-settle.js';

const RECV_BUFFER = 4 * 1024 * 1024;

/** The reference ceiling for the UDP benchmarks: a node:dgram socket (4 MiB receive buffer) that only counts. */
export async function startDgramCounter(): Promise<CountingReceiver & { stop(): Promise<void> }> {
  const socket = createSocket({ type: 'udp4', recvBufferSize: RECV_BUFFER });
  let count = 0;
  let last = 0;
  socket.on('message', () => {
    count++;
    last = performance.now();
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, processed: () => count, lastProgressAt: () => last, stop: () => new Promise((resolve) => socket.close(() => resolve())) };
}
