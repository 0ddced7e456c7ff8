import { highestLossless, type RampOptions, type RampResult, type Step } from './ramp.js';

export interface SyslogBenchResults {
  ours: RampResult;
  rsyslog: RampResult;
  dgram: RampResult;
  /** The collector alone, in-process (collector-cost.ts). */
  collector: { microsecondsPerMessage: number; messagesPerSecond: number };
  ramp: RampOptions;
}

const n = (value: number) => Math.round(value).toLocaleString('en-GB');

/** Events the collector accepted that are not in the store: must be 0 ("zero loss after acceptance"). */
export function lostAfterAcceptance(step: Step): number {
  return (step.counters['accepted'] ?? 0) - (step.sent - step.lost);
}

export function renderSyslogReport(r: SyslogBenchResults): string {
  const best = { ours: highestLossless(r.ours), rsyslog: highestLossless(r.rsyslog), dgram: highestLossless(r.dgram) };
  // A receiver that lost nothing up to the top rate was limited by the sender: its own limit is higher.
  const top = Math.max(...r.ramp.rates);
  const capped = (step: Step | null) => step !== null && step.rate === top;
  const rate = (step: Step | null) => (step ? `${capped(step) ? '≥ ' : ''}${n(step.rate)}` : 'none');
  const ratio = (a: Step | null, b: Step | null) => (a && b ? `${capped(b) && !capped(a) ? '≤ ' : ''}${(a.rate / b.rate).toFixed(2)}` : 'n/a');
  const afterAcceptance = r.ours.steps.map(lostAfterAcceptance);
  const summary = (label: string, result: RampResult, step: Step | null) =>
    `| ${label} | ${rate(step)} | ${step ? `${step.cpuPercent} %` : '–'} | ${step ? n(step.rssMiB) : '–'} MiB | ${n(result.peakRssMiB)} MiB | ${n(result.receiveBufferBytes)} |`;

  return [
    'Method (rsyslog testbench style: `tcpflood` + `seq-check`): a sender process sends numbered RFC 3164 messages',
    `(\`msgnum:NNNNNNNN:\`, 120 bytes) over UDP on 127.0.0.1 at ${r.ramp.rates.map(n).join(', ')} msg/s, ${r.ramp.stepSeconds} s per`,
    `step; after each step we wait until the receiver is quiet and check which sequence numbers it kept. A receiver stops`,
    `after ${r.ramp.lossyStepsToStop} lossy steps in a row. The three receivers run one after the other, each in its own process:`,
    '',
    '- **ipo-observer**: the real program (`bin/ipo-observer.js start`), syslog UDP → parse → map → pipeline → correlation',
    '  → SQLite; the check reads its store. Loss *after acceptance* is accepted events (`ipo_collector_accepted_total`)',
    '  missing from the store.',
    '- **rsyslog** `imudp` writing `%msg%` lines to a file with `omfile` (Debian rsyslog, default queues); the check reads the file.',
    '- **node:dgram**: a bare socket in its own process that only counts datagrams: the most any Node receiver could take',
    '  here (the local limit).',
    '',
    'All three sockets get the same kernel receive buffer. "Highest zero-loss rate" is the highest offered rate with',
    'nothing missing and the sender keeping up; CPU is the receiver process, in % of one core, over the step and its',
    'drain. With 2 cores the sender takes one of them.',
    '',
    '| receiver | highest zero-loss rate (msg/s) | CPU at that rate | RSS at that rate | peak RSS | socket receive buffer (bytes) |',
    '|---|---|---|---|---|---|',
    summary('ipo-observer', r.ours, best.ours),
    summary('rsyslog imudp → omfile', r.rsyslog, best.rsyslog),
    summary('node:dgram counting loop', r.dgram, best.dgram),
    '',
    `**Ratios:** ipo-observer / rsyslog = **${ratio(best.ours, best.rsyslog)}**; ipo-observer / node:dgram (local limit) = **${ratio(best.ours, best.dgram)}**.`,
    `"≥" marks a receiver that lost nothing at the highest rate the sender offered (${n(top)} msg/s): its own limit is higher, so the ratio is at most the figure shown.`,
    '',
    `**Where the time goes:** the syslog collector alone (count, parse, map, all its metrics; no pipeline), in-process in the`,
    `same run: **${r.collector.microsecondsPerMessage} µs per message**, ${n(r.collector.messagesPerSecond)} msg/s on one core. The rest of the end-to-end cost per`,
    'message is the pipeline behind it (correlation and the SQLite store, one event loop with the socket).',
    '',
    `**Loss after acceptance:** ${afterAcceptance.every((v) => v === 0) ? '0 at every step' : `not zero: ${afterAcceptance.join(', ')} per step (a bug)`}: every message ipo-observer accepted was in its store.`,
    'Loss before acceptance is the kernel dropping datagrams when the socket buffer is full (`ipo_udp_rcvbuf_errors_total`),',
    'or the pipeline queue being full (`ipo_collector_dropped_total{reason="queue-full"}`), both counted.',
    '',
    ...detail('ipo-observer', r.ours, true),
    ...detail('rsyslog imudp → omfile', r.rsyslog, false),
    ...detail('node:dgram counting loop', r.dgram, false),
  ].join('\n');
}

function detail(label: string, result: RampResult, ours: boolean): string[] {
  const head = ours
    ? ['| offered msg/s | sent | achieved msg/s | stored | lost | kernel drops (host-wide) | accepted | queue-full drops | lost after acceptance | CPU | RSS MiB |', '|---|---|---|---|---|---|---|---|---|---|---|']
    : ['| offered msg/s | sent | achieved msg/s | received | lost | kernel drops (host-wide) | CPU | RSS MiB |', '|---|---|---|---|---|---|---|---|'];
  const rows = result.steps.map((s) =>
    ours
      ? `| ${n(s.rate)} | ${n(s.sent)} | ${n(s.sentPerSecond)} | ${n(s.sent - s.lost)} | ${n(s.lost)} | ${n(s.kernelDrops)} | ${n(s.counters['accepted'] ?? 0)} | ${n(s.counters['dropped'] ?? 0)} | ${n(lostAfterAcceptance(s))} | ${s.cpuPercent} % | ${n(s.rssMiB)} |`
      : `| ${n(s.rate)} | ${n(s.sent)} | ${n(s.sentPerSecond)} | ${n(s.received)} | ${n(s.lost)} | ${n(s.kernelDrops)} | ${s.cpuPercent} % | ${n(s.rssMiB)} |`,
  );
  return [`### ${label}`, '', ...head, ...rows, ''];
}
