import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVE = fileURLToPath(new URL('serve-tables.mjs', import.meta.url));

/** A free UDP port on 127.0.0.1 (bound and released: snmpd must bind it itself). */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

export interface TestSnmpd {
  port: number;
  stop(): Promise<void>;
}

/**
 * Debian's snmpd on 127.0.0.1:<port> with a private config and persistent
 * folder in `dir`: community "pollsecret", v3 user "pollv3" (SHA/AES), and
 * the entity and phone tables from serve-tables.mjs. Resolves once it answers.
 */
export async function startSnmpd(dir: string, port: number): Promise<TestSnmpd> {
  const conf = join(dir, 'snmpd.conf');
  writeFileSync(
    conf,
    [
      `agentAddress udp:127.0.0.1:${port}`,
      'rocommunity pollsecret 127.0.0.1',
      'createUser pollv3 SHA authpass123 AES privpass123',
      'rouser pollv3 priv',
      `pass_persist .1.3.6.1.2.1.47.1.1.1 ${process.execPath} ${SERVE} .1.3.6.1.2.1.47.1.1.1`,
      `pass_persist .1.3.6.1.4.1.6889.2.2.1.1.1 ${process.execPath} ${SERVE} .1.3.6.1.4.1.6889.2.2.1.1.1`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('/usr/sbin/snmpd', ['-f', '-Lo', '-C', '-c', conf, '-p', join(dir, 'snmpd.pid')], {
    env: { ...process.env, SNMP_PERSISTENT_DIR: dir, MIBS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  const started = await Promise.race([
    new Promise<boolean>((resolve) => {
      const check = () => (/NET-SNMP version/.test(output) ? resolve(true) : setTimeout(check, 20));
      check();
    }),
    once(child, 'exit').then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
  ]);
  if (!started) {
    await stop();
    throw new Error(`snmpd did not start: ${output}`);
  }
  return { port, stop };
}
