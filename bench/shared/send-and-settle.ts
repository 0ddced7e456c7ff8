import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const SENDER = fileURLToPath(new URL('paced-udp-sender.mjs', import.meta.url));
const SETTLE_MAX_MS = 30_000;
const QUIET_MS = 500;

/** What a UDP benchmark receiver tells the runner. */
export interface CountingReceiver {
  port: number;
  processed(): number;
  lastProgressAt(): number;
}

export interface SendOutcome {
  sent: number;
  processed: number;
  perSecond: number;
  lossPercent: number;
}

/**
 * Runs the paced sender in its own process (so it does not share an event loop with the receiver), then waits
 * until the receiver has everything or has been quiet for 500 ms (at most 30 s), and reports what arrived.
 */
export async function sendAndSettle(
  receiver: CountingReceiver,
  scenario: { count: number; rate: number },
  datagramsFile: string,
  stamp?: { offset: number; digits: number },
): Promise<SendOutcome> {
  const args = [SENDER, String(receiver.port), String(scenario.count), String(scenario.rate), datagramsFile];
  if (stamp) args.push(String(stamp.offset), String(stamp.digits));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const start = performance.now();
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await once(child, 'exit');
  const { sent } = JSON.parse(output) as { sent: number };
  const deadline = performance.now() + SETTLE_MAX_MS;
  for (let seen = -1; performance.now() < deadline; ) {
    const now = receiver.processed();
    if (now === sent || (now === seen && performance.now() - receiver.lastProgressAt() > QUIET_MS)) break;
    seen = now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const processed = receiver.processed();
  const seconds = Math.max(receiver.lastProgressAt() - start, 1) / 1000;
  return { sent, processed, perSecond: processed / seconds, lossPercent: ((sent - processed) / sent) * 100 };
}
