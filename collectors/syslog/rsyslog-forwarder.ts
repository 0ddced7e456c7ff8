import { spawn, execFile } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from '../../test/helpers/eventually.js';

const run = promisify(execFile);
export const RSYSLOGD = '/usr/sbin/rsyslogd';

export interface RsyslogForwarderOptions {
  /** A private folder: config, work dir, pid file and the input socket go here. */
  dir: string;
  /** Our TLS listener on 127.0.0.1. */
  port: number;
  ca: string;
  /** With a client certificate rsyslog authenticates the server by name (x509/name) and presents its own. */
  client?: { cert: string; key: string };
}

export interface RsyslogForwarder {
  /** Writes one line to rsyslog's input socket with util-linux logger, as a local program would. */
  log(message: string, options?: { tag?: string; priority?: string }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real rsyslogd (Debian rsyslog + rsyslog-gnutls) that reads a private
 * unix socket (imuxsock, so no port to pick) and forwards everything over
 * TLS with octet counting in RFC 5424 (RSYSLOG_SyslogProtocol23Format), the
 * way customers relay IP Office syslog (../shared/reference/ipo-and-voip.md §5.6).
 * Runs in the foreground (-n) with its own pid file; stop() kills it.
 */
export async function startRsyslogForwarder(options: RsyslogForwarderOptions): Promise<RsyslogForwarder> {
  const work = join(options.dir, 'rsyslog-work');
  mkdirSync(work, { recursive: true });
  const socket = join(options.dir, 'rsyslog-in.sock');
  const pidFile = join(options.dir, 'rsyslogd.pid');
  const client = options.client;
  const global = [`workDirectory="${work}"`, `DefaultNetstreamDriverCAFile="${options.ca}"`];
  if (client) global.push(`DefaultNetstreamDriverCertFile="${client.cert}"`, `DefaultNetstreamDriverKeyFile="${client.key}"`);
  const auth = client ? 'StreamDriverAuthMode="x509/name" StreamDriverPermittedPeers="127.0.0.1"' : 'StreamDriverAuthMode="anon"';
  const config = join(options.dir, 'rsyslog.conf');
  writeFileSync(
    config,
    `global(${global.join(' ')})
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="${socket}")
action(type="omfwd" target="127.0.0.1" port="${options.port}" protocol="tcp"
       TCP_Framing="octet-counted" template="RSYSLOG_SyslogProtocol23Format"
       StreamDriver="gtls" StreamDriverMode="1" ${auth})
`,
  );
  let output = '';
  const child = spawn(RSYSLOGD, ['-n', '-f', config, '-i', pidFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await eventually(() => {
      if (child.exitCode !== null) throw new Error(`rsyslogd exited with ${child.exitCode}: ${output}`);
      if (!existsSync(socket) || !existsSync(pidFile) || readFileSync(pidFile, 'utf8').trim() === '') throw new Error(`rsyslogd is not ready: ${output}`);
    }, { timeoutMs: 30_000, message: 'rsyslogd should open its input socket' });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    async log(message, { tag = 'IPOffice', priority = 'local0.warning' } = {}) {
      await run('logger', ['-u', socket, '-t', tag, '-p', priority, message]);
    },
    stop,
  };
}
