import { createSocket } from 'node:dgram';
import { once } from 'node:events';

/**
 * A UDP port free on `address` now (bind port 0, read it, close): for the agents of a run whose port must be known
 * before the stack's configuration is written. Every agent uses the same port on its own address.
 */
export async function freeUdpPort(address: string): Promise<number> {
  const socket = createSocket('udp4');
  socket.bind(0, address);
  await once(socket, 'listening');
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}
