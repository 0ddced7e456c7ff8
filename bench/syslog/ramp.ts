import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { cpuSeconds, memoryMiB, rcvbufErrors } from './proc-stats.js';
import type { Target } from './target.js';

const run = promisify(execFile);
const SENDER = fileURLToPath(new URL('sender.ts', import.meta.url));

export interface RampOptions {
  rates: number[];
  stepSeconds: number;
  /** Stop after this many steps in a row with loss. */
  lossyStepsToStop: number;
}

export interface Step {
  rate: number;
  sent: number;
  /** What the sender achieved, messages per second. */
  sentPerSecond: number;
  received: number;
  /** Missing from the sequence check (or sent − received where there is none). */
  lost: number;
  duplicates: number;
  /** Host-wide UDP RcvbufErrors during the step. */
  kernelDrops: number;
  /** CPU of the receiver while sending and settling, in % of one core. */
  cpuPercent: number;
  rssMiB: number;
  counters: Record<string, number>;
}

export interface RampResult {
  target: string;
  receiveBufferBytes: number;
  steps: Step[];
  peakRssMiB: number;
}

/**
 * rsyslog's testbench method at rising rates: each step sends numbered
 * messages at a fixed rate, waits until the receiver is quiet, then checks the
 * sequence numbers it kept. The steps share one receiver, so it is measured
 * warm, as it runs.
 */
export async function ramp(target: Target, options: RampOptions, progress: (line: string) => void): Promise<RampResult> {
  const steps: Step[] = [];
  let next = 0;
  let lossy = 0;
  for (const rate of options.rates) {
    const before = { received: await target.received(), counters: (await target.counters?.()) ?? {}, cpu: cpuSeconds(target.pid), drops: rcvbufErrors(), at: performance.now() };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', SENDER, String(target.port), String(rate), String(options.stepSeconds), String(next)]);
    const sender = JSON.parse(stdout) as { sent: number; seconds: number };
    await target.settle();
    const received = (await target.received()) - before.received;
    const check = (await target.sequenceCheck?.(next, sender.sent)) ?? { missing: Math.max(0, sender.sent - received), duplicates: 0 };
    const countersAfter = (await target.counters?.()) ?? {};
    const step: Step = {
      rate,
      sent: sender.sent,
      sentPerSecond: Math.round(sender.sent / sender.seconds),
      received,
      lost: check.missing,
      duplicates: check.duplicates,
      kernelDrops: rcvbufErrors() - before.drops,
      cpuPercent: Math.round(((cpuSeconds(target.pid) - before.cpu) / ((performance.now() - before.at) / 1000)) * 100),
      rssMiB: memoryMiB(target.pid).rss,
      counters: Object.fromEntries(Object.entries(countersAfter).map(([k, v]) => [k, v - (before.counters[k] ?? 0)])),
    };
    steps.push(step);
    next += sender.sent;
    progress(`${target.name}: ${rate}/s → sent ${step.sent} at ${step.sentPerSecond}/s, lost ${step.lost}, kernel drops ${step.kernelDrops}, CPU ${step.cpuPercent}%, RSS ${step.rssMiB} MiB`);
    lossy = step.lost > 0 || step.duplicates > 0 ? lossy + 1 : 0;
    if (lossy >= options.lossyStepsToStop) break;
  }
  return { target: target.name, receiveBufferBytes: target.receiveBufferBytes, steps, peakRssMiB: memoryMiB(target.pid).peak };
}

/** The highest offered rate at which nothing was lost (and the sender kept up). */
export function highestLossless(result: RampResult): Step | null {
  let best: Step | null = null;
  for (const step of result.steps) {
    if (step.lost === 0 && step.duplicates === 0 && step.sentPerSecond >= step.rate * 0.95 && (!best || step.rate > best.rate)) best = step;
  }
  return best;
}
