import type { ReceiverName, RunResult } from './index.js';

const n = (value: number) => Math.round(value).toLocaleString('en');

/** A paced run with nothing missing: all processed, sequence check passed, nothing lost after acceptance. */
export function lossless(run: RunResult): boolean {
  return run.scenario.rate > 0 && run.processed === run.sent && run.sequenceOk !== false && (run.lostAfterAcceptance ?? 0) === 0;
}

/** The highest paced rate a receiver took without loss, and whether that was the highest rate tried (its limit is higher). */
export function zeroLossRate(runs: readonly RunResult[], name: ReceiverName): { rate: number; capped: boolean } {
  const paced = runs.filter((r) => r.receiver === name && r.scenario.rate > 0);
  const rate = Math.max(0, ...paced.filter(lossless).map((r) => r.scenario.rate));
  const top = Math.max(0, ...paced.map((r) => r.scenario.rate));
  return { rate, capped: rate > 0 && rate === top };
}

/** ours / reference of zero-loss rates: "≤" when the reference lost nothing at the top rate (its limit is higher) and ours did. */
export function zeroLossRatio(ours: { rate: number; capped: boolean }, reference: { rate: number; capped: boolean }): string {
  if (reference.rate === 0) return 'n/a';
  return `${reference.capped && !ours.capped ? '≤ ' : ''}${(ours.rate / reference.rate).toFixed(2)}`;
}

export function renderSnmpReport(runs: RunResult[]): string {
  const dash = (value: number | null) => (value === null ? '—' : n(value));
  const rows = runs.map(
    (r) =>
      `| ${r.scenario.rate ? `${n(r.scenario.rate)}/s` : 'unpaced burst'} | ${r.receiver} | ${n(r.sent)} | ${n(r.processed)} | ${r.lossPercent.toFixed(2)} % | ${n(r.perSecond)} | ${r.sequenceOk === null ? '—' : r.sequenceOk ? 'ok' : '**FAIL**'} | ${dash(r.queueFull)} | ${r.lostAfterAcceptance === null ? '—' : r.lostAfterAcceptance === 0 ? '0' : `**${n(r.lostAfterAcceptance)}**`} |`,
  );
  const burst = (name: ReceiverName) => runs.find((r) => r.receiver === name && r.scenario.rate === 0);
  const burstRatio = (a?: RunResult, b?: RunResult) => (a && b ? (a.perSecond / b.perSecond).toFixed(2) : 'n/a');
  const best = (name: ReceiverName) => zeroLossRate(runs, name);
  const shown = (name: ReceiverName) => `${best(name).capped ? '≥ ' : ''}${n(best(name).rate)}/s`;
  const afterAcceptance = runs.filter((r) => r.lostAfterAcceptance !== null).map((r) => r.lostAfterAcceptance!);
  const [program, inProcess, trapd, dgram] = ['ipo-observer (program)', 'ipo-observer', 'snmptrapd', 'node:dgram'] as const;
  return [
    'Numbered v2c traps (an IP Office Trunk Error, `…2.0.52`, 8 varbinds, encoded once by Debian\'s `snmptrap`; the',
    'sequence number is in `ipoGTEventAlarmDescription`, so all of them reduce into one alarm whose occurrences count up)',
    'sent over loopback by a separate Node process, at a paced rate or as an unpaced burst, to each receiver in turn:',
    '',
    '- **ipo-observer (program)**: the real program (`bin/ipo-observer.js start`, its own process): SNMP collector → pipeline →',
    '  correlation → SQLite; processed = stored, read from its SQLite file. Loss *after acceptance* is traps it accepted',
    '  (`ipo_collector_accepted_total`) missing from the store; queue full is `ipo_collector_dropped_total{reason="queue-full"}`.',
    '- **ipo-observer**: the SNMP collector (BER check, net-snmp decode, RFC 3584, identity, allowlists, mapping) in the',
    '  benchmark process, with the correlation engine deciding every event against an in-memory store as it is accepted:',
    '  the decode-and-correlate cost without the pipeline and SQLite.',
    '- **snmptrapd**: Debian\'s net-snmp 5.9.3 logging each trap to a file (`-n -On -F "%v"`), the reference trap receiver.',
    '- **node:dgram**: a socket that counts datagrams and does nothing else (the local limit).',
    '',
    'All ask for a 4 MiB receive buffer. Rate = processed / (last processed − send start). Loss is traps never processed;',
    'the sequence check says every processed number is unique and in range (nothing doubled or invented).',
    '',
    '| offered | receiver | sent | processed | loss | processed/s | sequence | queue full | lost after acceptance |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Highest paced rate with zero loss (of the rates tried; "≥": nothing lost at the highest): ipo-observer (program) **${shown(program)}**,`,
    `ipo-observer in-process ${shown(inProcess)}, snmptrapd ${shown(trapd)}, node:dgram ${shown(dgram)}.`,
    `**Ratios of zero-loss rates:** program / snmptrapd = **${zeroLossRatio(best(program), best(trapd))}**, program / node:dgram = **${zeroLossRatio(best(program), best(dgram))}**.`,
    `Unpaced burst, processed/s: program / snmptrapd = **${burstRatio(burst(program), burst(trapd))}**, in-process / snmptrapd = ${burstRatio(burst(inProcess), burst(trapd))}, program / node:dgram = ${burstRatio(burst(program), burst(dgram))}.`,
    `**Loss after acceptance:** ${afterAcceptance.every((v) => v === 0) ? '0 in every run: every trap the program accepted was in its store' : `not zero (${afterAcceptance.join(', ')}): a bug`}.`,
    '',
  ].join('\n');
}
