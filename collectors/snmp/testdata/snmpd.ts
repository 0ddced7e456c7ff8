import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTool } from '../../../test/helpers/start-tool.js';

const SERVE = fileURLToPath(new URL('serve-tables.mjs', import.meta.url));
// Generous: snmpd is a child process, and a busy CI machine can be many times slower than a quiet one.
const START_TIMEOUT_MS = 30_000;

// The shared free-port finder, re-exported for the SNMP end-to-end tests (snmpd must bind the port itself).
export { freeUdpPort } from '../../../simulator/wire/free-port.js';

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
  // -Le: snmpd logs to stderr, which the tool starter keeps for the start-up check and the failure message.
  const tool = startTool('/usr/sbin/snmpd', ['-f', '-Le', '-C', '-c', conf, '-p', join(dir, 'snmpd.pid')], { env: { ...process.env, SNMP_PERSISTENT_DIR: dir, MIBS: '' } });
  const { child, stop } = tool;
  let settled = false; // ends the check loop and the deadline, so a failed start leaves no timers behind
  let deadline: NodeJS.Timeout | undefined;
  const started = await Promise.race([
    new Promise<boolean>((resolve) => {
      const check = () => (/NET-SNMP version/.test(tool.stderr()) ? resolve(true) : settled || setTimeout(check, 20));
      check();
    }),
    once(child, 'exit').then(() => false),
    new Promise<boolean>((resolve) => (deadline = setTimeout(() => resolve(false), START_TIMEOUT_MS))),
  ]);
  settled = true;
  clearTimeout(deadline);
  if (!started) {
    await stop();
    throw new Error(`snmpd did not start: ${tool.stderr()}`);
  }
  return { port, stop };
}
