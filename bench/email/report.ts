import { ms, ratio, summarise } from '../shared/latency-summary.js';
import type { Pacing } from './measure.js';

export interface EmailBenchResults {
  pacing: Pacing;
  ours: { latencies: number[]; missing: number; unexpected: number };
  reference: number[];
  split: { toRendered: number[]; renderedToSent: number[] };
  /** The notifier's step, ms (notifiers/email/index.ts). */
  tickMs: number;
  emailBytes: number;
}

export function renderEmailReport(r: EmailBenchResults): string {
  const ours = summarise(r.ours.latencies);
  const ref = summarise(r.reference);
  const toRendered = summarise(r.split.toRendered);
  const renderedToSent = summarise(r.split.renderedToSent);
  const row = (label: string, s: ReturnType<typeof summarise>) => `| ${label} | ${s.count} | ${ms(s.min)} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.max)} |`;
  return [
    `${r.pacing.alarms} IP Office "Alarm: Trunk:" syslog lines, each raising a new major alarm on a node of its own, sent over UDP`,
    `on 127.0.0.1 every ${r.pacing.intervalMs} ms (after a warm-up) to **ipo-observer**, the real program in its own process (syslog → pipeline →`,
    'correlation → SQLite → outbox → email notifier), whose email notifier sends to a real SMTP server (`smtp-server` in the',
    'benchmark process: STARTTLS required, login). Group wait is 0, so the figure is the path and not a configured wait; each',
    'node is its own group and the storm brake is out of reach, so every alarm gets one email. Latency: the datagram sent →',
    'the email\'s DATA received by the server, both timed in the benchmark process. The **reference** is nodemailer alone with the',
    `notifier's options (one pooled connection, STARTTLS, login) sending the very bytes of one of those emails (${r.emailBytes.toLocaleString('en')} bytes) to the same`,
    'server, paced the same: what any Node program pays to hand an email to this server.',
    '',
    '| path | emails | min | median | p95 | max |',
    '|---|---|---|---|---|---|',
    row('ipo-observer: alarm datagram → email received', ours),
    row('reference: nodemailer sendMail → email received', ref),
    '',
    `**Ratio ipo-observer / reference:** median **${ratio(ours.median, ref.median)}**, p95 **${ratio(ours.p95, ref.p95)}**.`,
    `${r.ours.missing === 0 ? 'Every alarm\'s email arrived' : `**${r.ours.missing} alarms got no email** in time`}; ${r.ours.unexpected} emails for no alarm sent (or twice).`,
    '',
    'Where the time goes, from the notifier\'s own record (`GET /api/v1/notifications/messages`: when each message was rendered',
    'and when the server accepted it):',
    '',
    '| part | median | p95 | max |',
    '|---|---|---|---|',
    `| datagram → email rendered (collector, pipeline, correlation, outbox row, the dispatcher's step) | ${ms(toRendered.median)} | ${ms(toRendered.p95)} | ${ms(toRendered.max)} |`,
    `| rendered → accepted by the server (the sender's step, SMTP) | ${ms(renderedToSent.median)} | ${ms(renderedToSent.p95)} | ${ms(renderedToSent.max)} |`,
    '',
    'The notifier works in steps (claim the outbox, flush due groups, send due messages). A stored batch that made outbox rows',
    `pending wakes it at once (a pipeline listener in \`src/main.ts\`), so an alarm does not wait for its timer step (every ${r.tickMs} ms),`,
    'which stays for what only time makes due: group wait and interval, retries, backoff.',
    '',
  ].join('\n');
}
