import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freeUdpPort } from '../../simulator/wire/free-port.js';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { sendAndSettle } from '../shared/send-and-settle.js';
import { startProgram, type ProgramReceiver } from './program-receiver.js';
import { renderSnmpReport } from './report.js';
import { startDgramCounter, startObserver, startSnmptrapd, type Receiver } from './receivers.js';

const run = promisify(execFile);
const DIGITS = 9;

export const RECEIVERS = ['ipo-observer (program)', 'ipo-observer', 'snmptrapd', 'node:dgram'] as const;
export type ReceiverName = (typeof RECEIVERS)[number];

export interface Scenario {
  /** Offered rate, traps per second; 0 = as fast as the sender can. */
  rate: number;
  count: number;
}

export interface RunResult {
  receiver: ReceiverName;
  scenario: Scenario;
  sent: number;
  processed: number;
  /** processed / (last progress − send start). */
  perSecond: number;
  lossPercent: number;
  /** ipo-observer and snmptrapd: every processed sequence number is in 1..sent and none twice. */
  sequenceOk: boolean | null;
  /** The program only: traps it accepted into its pipeline that are not in its store (must be 0). */
  lostAfterAcceptance: number | null;
  /** The program only: traps refused because its pipeline queue was full. */
  queueFull: number | null;
}

export interface BenchResult {
  title: string;
  markdown: string;
  runs: RunResult[];
}

export const DEFAULT_SCENARIOS: Scenario[] = [
  { rate: 5_000, count: 10_000 },
  { rate: 10_000, count: 20_000 },
  { rate: 15_000, count: 30_000 },
  { rate: 20_000, count: 40_000 },
  { rate: 0, count: 20_000 },
];

/**
 * v2c traps (an IP Office Trunk Error, …2.0.52, with ipoGTEventAlarmDescription
 * "seq=NNNNNNNNN …", encoded once by Debian's snmptrap) sent by a separate
 * process in the same bursts to three receivers, one after the other:
 * ipo-observer (decode, map, correlate), snmptrapd (decode, log to a file)
 * and a bare node:dgram counting loop. Then a sequence check.
 */
export async function runSnmpBenchmark(options: { scenarios?: Scenario[]; progress?: (line: string) => void } = {}): Promise<BenchResult> {
  const scenarios = options.scenarios ?? DEFAULT_SCENARIOS;
  const progress = options.progress ?? (() => undefined);
  const dir = makeTempDir('ipo-bench-snmp-');
  try {
    const captured = await captureTemplate();
    const template = { file: join(dir.path, 'template.hex'), offset: captured.offset };
    writeFileSync(template.file, `${captured.hex}\n`);
    const runs: RunResult[] = [];
    for (const scenario of scenarios) {
      for (const name of RECEIVERS) {
        const receiver = await startReceiver(name, dir.path, `program-${runs.length}`);
        try {
          const result = await measure(name, receiver, scenario, template);
          runs.push(result);
          progress(`${name} @ ${scenario.rate || 'burst'}: ${result.processed}/${result.sent}, ${Math.round(result.perSecond)}/s, loss ${result.lossPercent.toFixed(2)} %, sequence ${result.sequenceOk ?? 'n/a'}${result.lostAfterAcceptance === null ? '' : `, lost after acceptance ${result.lostAfterAcceptance}`}`);
        } finally {
          await receiver.stop();
        }
      }
    }
    return { title: 'SNMP traps (v2c): decode, map and correlate', markdown: renderSnmpReport(runs), runs };
  } finally {
    dir.remove();
  }
}

async function startReceiver(name: ReceiverName, dir: string, programName: string): Promise<Receiver | ProgramReceiver> {
  if (name === 'ipo-observer (program)') return startProgram(dir, programName);
  if (name === 'ipo-observer') return startObserver();
  if (name === 'snmptrapd') return startSnmptrapd(dir, await freeUdpPort());
  return startDgramCounter();
}

async function measure(name: ReceiverName, receiver: Receiver | ProgramReceiver, scenario: Scenario, template: { file: string; offset: number }): Promise<RunResult> {
  const outcome = await sendAndSettle(receiver, scenario, template.file, { offset: template.offset, digits: DIGITS });
  const counters = 'drainedCounters' in receiver ? await receiver.drainedCounters() : null;
  if (counters) {
    outcome.processed = receiver.processed();
    outcome.lossPercent = ((outcome.sent - outcome.processed) / outcome.sent) * 100;
  }
  const sequences = receiver.sequences();
  return {
    receiver: name,
    scenario,
    ...outcome,
    sequenceOk: sequences ? sequences.length === new Set(sequences).size && sequences.every((n) => n >= 1 && n <= outcome.sent) : null,
    lostAfterAcceptance: counters ? counters.accepted - outcome.processed : null,
    queueFull: counters ? counters.queueFull : null,
  };
}

/** One Trunk Error trap from Debian's snmptrap, captured off the wire; `offset` is where its sequence digits are. */
async function captureTemplate(): Promise<{ hex: string; offset: number }> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  try {
    const got = once(socket, 'message') as Promise<[Buffer]>;
    const B = '1.3.6.1.4.1.6889.2.2.1.2.1';
    await run('snmptrap', ['-m', '', '-v', '2c', '-c', 'public', `127.0.0.1:${socket.address().port}`, '', '1.3.6.1.4.1.6889.2.2.1.2.0.52',
      `${B}.9`, 'i', '6', `${B}.10`, 's', 'IPO0000001', '1.3.6.1.2.1.1.1.0', 's', 'IP Office IP500 V2 11.1.3.0 build 23',
      `${B}.24`, 'i', '14', `${B}.25`, 's', 'Line 5', `${B}.26`, 's', `seq=${'0'.repeat(DIGITS)} trunk seize failure`, `${B}.27`, 's', 'Check the trunk']);
    const [bytes] = await got;
    const offset = bytes.indexOf(`seq=${'0'.repeat(DIGITS)}`, 0, 'latin1') + 4;
    return { hex: bytes.toString('hex'), offset };
  } finally {
    socket.close();
  }
}
