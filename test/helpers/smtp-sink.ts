import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  parsed: ParsedMail;
  envelopeTo: string[];
  /** True when the session ran over TLS (STARTTLS or implicit). */
  secure: boolean;
  user: string | undefined;
}

export interface SmtpSinkOptions {
  certFile: string;
  keyFile: string;
  user: string;
  password: string;
  /** Implicit TLS from the first byte (port 465 style) instead of STARTTLS. */
  secure?: boolean;
}

/**
 * notifiers.email.transport for a sink on `port`: STARTTLS required, the test CA trusted, login as `ipo-observer`
 * with `password` from a 0600 file written in `dir` (as an operator would configure it).
 */
export function sinkTransport(options: { dir: string; port: number; ca: string; password: string; timeoutSeconds: number }) {
  const passwordFile = join(options.dir, 'smtp-password');
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  return { kind: 'smtp', host: '127.0.0.1', port: options.port, requireTls: true, auth: { user: 'ipo-observer', passwordFile }, caFile: options.ca, timeoutSeconds: options.timeoutSeconds };
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 that offers STARTTLS with the
 * test's certificate, requires login over TLS, refuses the addresses in
 * `refuse` with 550, and parses every message with mailparser. stop() and
 * start(port) again make "the mail server is down" for a while.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  readonly refuse = new Set<string>();
  port = 0;
  private server: SMTPServer | null = null;

  constructor(private readonly options: SmtpSinkOptions) {}

  async start(port = this.port): Promise<number> {
    const server = new SMTPServer({
      secure: this.options.secure ?? false,
      key: readFileSync(this.options.keyFile),
      cert: readFileSync(this.options.certFile),
      logger: false,
      closeTimeout: 200,
      authMethods: ['PLAIN', 'LOGIN'],
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.options.user && auth.password === this.options.password) return callback(null, { user: auth.username });
        return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo: (address, _session, callback) => {
        if (this.refuse.has(address.address)) return callback(Object.assign(new Error(`5.1.1 <${address.address}> no such user`), { responseCode: 550 }));
        return callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          simpleParser(Buffer.concat(chunks))
            .then((parsed) => {
              this.received.push({ parsed, envelopeTo: session.envelope.rcptTo.map((r) => r.address), secure: session.secure, user: session.user as string | undefined });
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const address = server.server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    return this.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.envelopeTo.includes(address));
  }
}
