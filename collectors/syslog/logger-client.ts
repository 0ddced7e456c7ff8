import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LoggerSendOptions {
  transport: 'udp' | 'tcp';
  format: 'rfc3164' | 'rfc5424';
  /** RFC 6587 octet counting (TCP); without it, logger ends each message with LF. */
  octetCount?: boolean;
  tag?: string;
  priority?: string;
  /** Extra logger arguments, e.g. ['--msgid', 'QOS', '--sd-id', 'qos@32473', '--sd-param', 'jitter="45"']. */
  extra?: string[];
  host?: string;
}

/** Sends one message with util-linux logger, in any of the transports and formats it speaks. */
export async function sendWithLoggerAs(port: number, message: string, options: LoggerSendOptions): Promise<void> {
  const args = ['-n', options.host ?? '127.0.0.1', '-P', String(port), options.transport === 'tcp' ? '-T' : '-d', `--${options.format}`];
  if (options.octetCount) args.push('--octet-count');
  args.push('-t', options.tag ?? 'IPOffice', '-p', options.priority ?? 'local0.warning', ...(options.extra ?? []), message);
  await run('logger', args);
}
