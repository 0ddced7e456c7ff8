import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freeUdpPort } from '../../simulator/wire/free-port.js';
import { MSGNUM, checkSequence, waitQuiet, type Target } from './target.js';

const RSYSLOGD = '/usr/sbin/rsyslogd';

/**
 * rsyslog's imudp writing each message to a file: the reference syslog
 * receiver (rsyslog.com's own testbench reads it back the same way). Its own
 * config, work dir and pid file in `dir`, bound to 127.0.0.1, in the
 * foreground; stop() kills it. The receive buffer is set to what ours got,
 * so both start with the same kernel buffer.
 */
export async function startRsyslogTarget(dir: string, receiveBufferBytes: number): Promise<Target> {
  const port = await freeUdpPort(); // rsyslog cannot report the port it bound to
  const work = join(dir, 'rsyslog-work');
  mkdirSync(work, { recursive: true });
  const out = join(dir, 'rsyslog-out.log');
  const pidFile = join(dir, 'rsyslogd.pid');
  const config = join(dir, 'rsyslog.conf');
  // rcvbufSize is what the socket asks for; Linux books twice that, which is what getsockopt reports for ours.
  writeFileSync(
    config,
    `global(workDirectory="${work}")
module(load="imudp")
input(type="imudp" address="127.0.0.1" port="${port}" rcvbufSize="${Math.floor(receiveBufferBytes / 2)}")
template(name="msgonly" type="string" string="%msg%\\n")
action(type="omfile" file="${out}" template="msgonly")
`,
  );
  const child = spawn(RSYSLOGD, ['-n', '-f', config, '-i', pidFile], { stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 10_000;
  while (!(existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim())) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('rsyslogd did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 300)); // the input binds after the pid file is written
  const lines = () => (existsSync(out) ? readFileSync(out, 'latin1').split('\n').filter((l) => l.length > 0) : []);
  const received = async () => lines().length;
  return {
    name: 'rsyslog imudp → omfile',
    pid: child.pid!,
    port,
    receiveBufferBytes,
    received,
    settle: () => waitQuiet(received, { quietMs: 500 }),
    async sequenceCheck(first, count) {
      return checkSequence(lines().map((l) => Number(MSGNUM.exec(l)?.[1] ?? -1)), first, count);
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}
