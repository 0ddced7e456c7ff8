import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';

/**
 * UDP sockets by source address, so each simulated system or phone sends from its own loopback address. Bounded:
 * beyond `max` sockets the least recently used one is closed (an alarm storm of 500 systems must not hold 500+
 * descriptors per protocol).
 */
export class UdpPool {
  private readonly sockets = new Map<string, Promise<Socket>>();

  constructor(private readonly max = 256) {}

  async send(from: string, to: { host: string; port: number }, payload: Buffer): Promise<void> {
    const socket = await this.socketFor(from);
    await new Promise<void>((resolve, reject) => socket.send(payload, to.port, to.host, (error) => (error ? reject(error) : resolve())));
  }

  async close(): Promise<void> {
    const all = [...this.sockets.values()];
    this.sockets.clear();
    await Promise.all(all.map(async (pending) => closeSocket(await pending.catch(() => null))));
  }

  private socketFor(address: string): Promise<Socket> {
    const found = this.sockets.get(address);
    if (found) {
      this.sockets.delete(address);
      this.sockets.set(address, found);
      return found;
    }
    if (this.sockets.size >= this.max) {
      const [oldest, pending] = this.sockets.entries().next().value as [string, Promise<Socket>];
      this.sockets.delete(oldest);
      void pending.then(closeSocket, () => undefined);
    }
    const opened = bind(address);
    this.sockets.set(address, opened);
    opened.catch(() => this.sockets.delete(address));
    return opened;
  }
}

async function bind(address: string): Promise<Socket> {
  const socket = createSocket(address.includes(':') ? 'udp6' : 'udp4');
  socket.on('error', () => undefined);
  socket.bind(0, address);
  await once(socket, 'listening');
  return socket;
}

async function closeSocket(socket: Socket | null): Promise<void> {
  if (!socket) return;
  await new Promise<void>((resolve) => {
    try {
      socket.close(() => resolve());
    } catch {
      resolve();
    }
  });
}
