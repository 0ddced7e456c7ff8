import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeStackConfig } from '../../test/helpers/stack-config.js';
import { startStackProcess, type StackProcess } from '../../test/helpers/stack-process.js';
import type { Smtp } from './measure.js';

export const SMTP_USER = 'ipo-observer';
export const RECIPIENT = 'noc@bench.example.com';

/** Node i of the bench fleet: its own group, so every alarm gets an email of its own. */
export const benchHost = (i: number) => `bench-node-${i}`;

/**
 * The real program (bin/ipo-observer.js, its own process) with syslog on UDP
 * and the email notifier sending over STARTTLS with login to the sink, one
 * profile, group wait 0 (the figure is the path, not a configured wait) and no
 * storm brake in reach. `nodes` nodes are named by hostname only: the sender
 * is 127.0.0.1, which no node claims.
 */
export async function startObserverWithEmail(dir: string, smtp: Smtp, nodes: number): Promise<StackProcess> {
  const passwordFile = join(dir, 'smtp-password');
  writeFileSync(passwordFile, `${smtp.password}\n`, { mode: 0o600 });
  const config = writeStackConfig(dir, {
    nodes: Array.from({ length: nodes }, (_, i) => ({ id: `bench-${i}`, name: `Bench node ${i}`, role: 'ip500v2', addresses: [`10.9.${i >> 8}.${i & 255}`], hostnames: [benchHost(i)] })),
    sections: {
      notifiers: {
        email: {
          transport: { kind: 'smtp', host: '127.0.0.1', port: smtp.port, requireTls: true, auth: { user: SMTP_USER, passwordFile }, caFile: smtp.caFile, timeoutSeconds: 5 },
          from: 'ipo-observer@bench.example.com',
          groupWaitSeconds: 0,
          groupIntervalSeconds: 1,
          brake: { maxPerInterval: 100_000, intervalMinutes: 1 },
          retry: { initialSeconds: 0.2, maxSeconds: 0.5 },
          profiles: [{ id: 'noc', name: 'NOC', to: [RECIPIENT], minSeverity: 'major' }],
        },
      },
    },
  });
  return startStackProcess(config, ['syslog/udp']);
}
