import type { Benchmark } from '../benchmark.js';
import { getJson } from '../../test/helpers/http-json.js';
import { makeTestCertificates } from '../../test/helpers/test-certs.js';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { splitAtRendering, type ListedMessage } from './breakdown.js';
import { measureObserver, measureReference, type Pacing, type Smtp } from './measure.js';
import { startObserverWithEmail, SMTP_USER } from './observer.js';
import { renderEmailReport } from './report.js';
import { TimingSmtpSink } from './timing-smtp-sink.js';

const FULL: Pacing = { alarms: 100, intervalMs: 173 };
const QUICK: Pacing = { alarms: 10, intervalMs: 173 };
const WARM_UP = 5;
/** The email notifier's step (DEFAULT_TICK_MS in notifiers/email/index.ts). */
const NOTIFIER_TICK_MS = 500;
const PASSWORD = 'bench-only-secret';

/** Alarm-to-email latency through the real program and a real SMTP server, beside nodemailer alone. */
export const benchmark: Benchmark = {
  name: 'email',
  async run(progress, { quick }) {
    const pacing = quick ? QUICK : FULL;
    const dir = makeTempDir('ipo-bench-email-');
    let sink: TimingSmtpSink | null = null;
    try {
      const certs = await makeTestCertificates(dir.path);
      sink = new TimingSmtpSink({ certFile: certs.serverCert, keyFile: certs.serverKey, user: SMTP_USER, password: PASSWORD });
      const smtp: Smtp = { port: await sink.start(), caFile: certs.ca, password: PASSWORD };
      const { observed, messages } = await throughProgram(sink, smtp, dir.path, pacing);
      progress(`ipo-observer: ${observed.latencies.length}/${pacing.alarms} emails, ${observed.missing.length} missing`);
      const raw = sink.arrivals.at(-1)?.raw;
      if (raw === undefined) throw new Error('ipo-observer sent no email: nothing to measure the reference with');
      const reference = await measureReference(sink, smtp, raw, pacing, WARM_UP);
      progress(`reference: ${reference.length} emails`);
      return {
        title: 'Alarm to email',
        markdown: renderEmailReport({
          pacing,
          ours: { latencies: observed.latencies, missing: observed.missing.length, unexpected: observed.unexpected },
          reference,
          split: splitAtRendering(observed.sent, messages),
          tickMs: NOTIFIER_TICK_MS,
          emailBytes: Buffer.byteLength(raw, 'latin1'),
        }),
      };
    } finally {
      await sink?.stop();
      dir.remove();
    }
  },
};

/** The program started, warmed up (first connection to the server, first render), measured, asked for its messages, stopped. */
async function throughProgram(sink: TimingSmtpSink, smtp: Smtp, dir: string, pacing: Pacing) {
  const stack = await startObserverWithEmail(dir, smtp, WARM_UP + pacing.alarms);
  try {
    const port = stack.collectorPorts.get('syslog/udp')!;
    await measureObserver(sink, port, { alarms: WARM_UP, intervalMs: pacing.intervalMs }, { host: 0, trunk: 1 }, 20_000);
    const observed = await measureObserver(sink, port, pacing, { host: WARM_UP, trunk: 1001 }, 30_000);
    const { messages } = await getJson<{ messages: ListedMessage[] }>(`${stack.httpUrl}/api/v1/notifications/messages?limit=1000`);
    return { observed, messages };
  } finally {
    await stack.stop();
  }
}
