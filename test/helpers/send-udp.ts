import { createSocket } from 'node:dgram';

/** Sends datagrams from a chosen loopback address (127.0.0.2 plays a device that is not in the fleet). */
export async function sendUdp(port: number, payloads: Uint8Array[], fromAddress = '127.0.0.1'): Promise<void> {
  const socket = createSocket('udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, fromAddress, () => resolve());
    });
    for (const payload of payloads) {
      await new Promise<void>((resolve, reject) => socket.send(payload, port, '127.0.0.1', (error) => (error ? reject(error) : resolve())));
    }
  } finally {
    socket.close();
  }
}
