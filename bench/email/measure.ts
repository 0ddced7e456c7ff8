import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { trunkAlarmLine } from '../shared/alarm-line.js';
import { nowMs } from '../shared/latency-summary.js';
import { matchArrivals, type Matched } from './latencies.js';
import { benchHost, RECIPIENT, SMTP_USER } from './observer.js';
import type { TimingSmtpSink } from './timing-smtp-sink.js';

/** The SMTP server: port, the CA file that signed its certificate, the login password. */
export interface Smtp {
  port: number;
  caFile: string;
  password: string;
}

export interface Pacing {
  alarms: number;
  /** Between sends; not a divisor of the notifier's 500 ms step, so sends fall at every phase of it. */
  intervalMs: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `alarms` alarm lines, each on its own node (hosts from `firstHost`)
 * with its own trunk (from `firstTrunk`), paced, and pairs each with its email.
 */
export async function measureObserver(sink: TimingSmtpSink, syslogPort: number, pacing: Pacing, first: { host: number; trunk: number }, waitMs: number): Promise<Matched & { sent: Map<number, number> }> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.connect(syslogPort, '127.0.0.1', resolve));
  const before = sink.arrivals.length;
  const sent = new Map<number, number>();
  try {
    for (let i = 0; i < pacing.alarms; i++) {
      const trunk = first.trunk + i;
      const line = trunkAlarmLine(benchHost(first.host + i), trunk);
      sent.set(trunk, nowMs());
      socket.send(line);
      await pause(pacing.intervalMs);
    }
  } finally {
    socket.close();
  }
  await sink.waitFor(before + pacing.alarms, waitMs);
  return { ...matchArrivals(sent, sink.arrivals.slice(before)), sent };
}

/**
 * The reference: nodemailer alone, with the options the notifier uses (one
 * pooled connection, STARTTLS required, login, the test CA), sending the very
 * bytes of one of ipo-observer's emails to the same sink, paced the same way.
 * Latency: sendMail called → DATA ended at the sink.
 */
export async function measureReference(sink: TimingSmtpSink, smtp: Smtp, raw: string, pacing: Pacing, warmUp: number): Promise<number[]> {
  const transporter = nodemailer.createTransport({
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    requireTLS: true,
    auth: { user: SMTP_USER, pass: smtp.password },
    tls: { ca: readFileSync(smtp.caFile, 'utf8') },
    pool: true,
    maxConnections: 1,
    logger: false,
  });
  const latencies: number[] = [];
  try {
    for (let i = 0; i < warmUp + pacing.alarms; i++) {
      const before = sink.arrivals.length;
      const started = nowMs();
      await transporter.sendMail({ envelope: { from: 'ipo-observer@bench.example.com', to: [RECIPIENT] }, raw });
      const arrival = sink.arrivals[before];
      if (!arrival) throw new Error('the SMTP server accepted a message it did not record');
      if (i >= warmUp) latencies.push(arrival.at - started);
      await pause(pacing.intervalMs);
    }
  } finally {
    transporter.close();
  }
  return latencies;
}
