import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { connect as connectTls } from 'node:tls';
import { octetCounted, rfc3164Line, rfc5424Line, type SyslogSeverity } from './syslog-line.js';
import type { UdpPool } from './udp-pool.js';

export type SyslogTransport = 'udp' | 'tcp' | 'tls';

export interface SyslogTarget {
  host: string;
  udpPort: number | null;
  tcpPort: number | null;
  /** RFC 5425 syslog over TLS; null: none. */
  tlsPort?: number | null;
  /** PEM file of the CA (or the self-signed certificate) that signed the stack's TLS certificate; null: the system's CAs. */
  tlsCaFile?: string | null;
}

/**
 * Syslog from each system's own address: RFC 3164 over UDP (what IP Office sends), or RFC 5424 with octet counting
 * over TCP or TLS (RFC 5425; the stack's certificate verified) when the stack has that port (one connection per
 * system and transport, kept open).
 */
export class SyslogSender {
  private readonly connections = new Map<string, Promise<Socket>>();
  private readonly ca: Buffer | undefined;

  constructor(
    private readonly pool: UdpPool,
    private readonly target: SyslogTarget,
  ) {
    this.ca = target.tlsCaFile ? readFileSync(target.tlsCaFile) : undefined;
  }

  async send(from: string, hostname: string, severity: SyslogSeverity, message: string, transport: SyslogTransport = 'udp'): Promise<void> {
    const streamPort = transport === 'tcp' ? this.target.tcpPort : transport === 'tls' ? (this.target.tlsPort ?? null) : null;
    if (transport !== 'udp' && streamPort !== null) {
      const socket = await this.connection(from, transport, streamPort);
      socket.write(octetCounted(rfc5424Line(hostname, severity, message)));
      return;
    }
    if (this.target.udpPort === null) return;
    await this.pool.send(from, { host: this.target.host, port: this.target.udpPort }, Buffer.from(rfc3164Line(hostname, severity, message)));
  }

  async close(): Promise<void> {
    const all = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(
      all.map(async (pending) => {
        const socket = await pending.catch(() => null);
        if (!socket || socket.destroyed) return;
        socket.end();
        await once(socket, 'close').catch(() => undefined);
      }),
    );
  }

  private connection(from: string, transport: 'tcp' | 'tls', port: number): Promise<Socket> {
    const key = `${transport}/${from}`;
    let pending = this.connections.get(key);
    if (!pending) {
      pending = new Promise<Socket>((resolve, reject) => {
        const options = { host: this.target.host, port, localAddress: from };
        const socket: Socket =
          transport === 'tls' ? connectTls({ ...options, ...(this.ca && { ca: this.ca }) }, () => resolve(socket)) : connect(options, () => resolve(socket));
        socket.once('error', reject);
      });
      pending.then((socket) => socket.on('error', () => this.connections.delete(key))).catch(() => this.connections.delete(key));
      this.connections.set(key, pending);
    }
    return pending;
  }
}
