import { EventEmitter, once } from 'node:events';
import { readFileSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';
import { nowMs } from '../shared/latency-summary.js';


export interface Arrival {
  /** When the message's DATA ended (nowMs). */
  at: number;
  raw: string;
}

/**
 * A submission server as the notifier meets one: smtp-server on 127.0.0.1
 * with STARTTLS and login. It notes when each message's DATA ended and keeps
 * the raw message; nothing is parsed before the time is taken.
 */
export class TimingSmtpSink {
  readonly arrivals: Arrival[] = [];
  private readonly events = new EventEmitter();
  private server: SMTPServer | null = null;

  constructor(private readonly options: { certFile: string; keyFile: string; user: string; password: string }) {}

  async start(): Promise<number> {
    const server = new SMTPServer({
      key: readFileSync(this.options.keyFile),
      cert: readFileSync(this.options.certFile),
      logger: false,
      closeTimeout: 200,
      authMethods: ['PLAIN', 'LOGIN'],
      onAuth: (auth, _session, callback) =>
        auth.username === this.options.user && auth.password === this.options.password ? callback(null, { user: auth.username }) : callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 })),
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.arrivals.push({ at: nowMs(), raw: Buffer.concat(chunks).toString('latin1') });
          this.events.emit('arrival');
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    return (server.server.address() as { port: number }).port;
  }

  /** Resolves once `count` messages have arrived in all, or after timeoutMs (the caller counts what is missing). */
  async waitFor(count: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.arrivals.length < count && Date.now() < deadline) {
      const timeout = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
      await once(this.events, 'arrival', { signal: timeout }).catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
