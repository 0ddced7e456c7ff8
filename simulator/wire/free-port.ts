import { createSocket } from 'node:dgram';
import { once } from 'node:events';

/**
 * A UDP port free on `address` now (bind port 0, read it, close): for the agents of a run whose port must be known
 * before the stack's configuration is written (every agent uses the same port on its own address), and for tools
 * (snmpd, snmptrapd, rsyslog, GStreamer) that must bind a fixed port themselves.
 */
export async function freeUdpPort(address = '127.0.0.1'): Promise<number> {
  for (;;) {
    const port = await kernelChosenPort(address);
    // The kernel may pick a port it picked a moment ago (now released but about to be bound by its taker): callers
    // asking twice in a row (an RTP and an RTCP port) would get the same one. Never hand out a recent port again.
    if (recentlyGiven.includes(port)) continue;
    recentlyGiven.push(port);
    if (recentlyGiven.length > RECENT_PORTS_KEPT) recentlyGiven.shift();
    return port;
  }
}

const RECENT_PORTS_KEPT = 256;
const recentlyGiven: number[] = [];

async function kernelChosenPort(address: string): Promise<number> {
  const socket = createSocket('udp4');
  socket.bind(0, address);
  await once(socket, 'listening');
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}
