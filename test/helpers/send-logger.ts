import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Sends one RFC 3164 line over UDP with util-linux `logger`, the way a Linux host or a test bench would. */
export async function sendWithLogger(port: number, message: string, options: { tag?: string; priority?: string } = {}): Promise<void> {
  await run('logger', ['--rfc3164', '-d', '-n', '127.0.0.1', '-P', String(port), '-t', options.tag ?? 'IPOffice', '-p', options.priority ?? 'local0.err', message]);
}
