import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/storage/sqlite-store.js';
import { eventually } from '../helpers/eventually.js';
import { getJson, getText, metricValue } from '../helpers/http-json.js';
import { startInfluxd, type InfluxdProcess } from '../helpers/influxd.js';
import { sendWithLogger } from '../helpers/send-logger.js';
import { sendUdp } from '../helpers/send-udp.js';
import { SmtpSink, sinkTransport } from '../helpers/smtp-sink.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { writeStackConfig } from '../helpers/stack-config.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { makeTestCertificates } from '../helpers/test-certs.js';

const PASSWORD = 'e2e-only-secret';
const ALARMS = 5;
const QUEUE_CAPACITY = 2000;
const TCP_LINES = 20_000;
const UDP_DATAGRAMS = 5_000;
const COLLECTORS = ['syslog/udp', 'syslog/tcp'];

async function kill(stack: StackProcess): Promise<void> {
  stack.child.kill('SIGKILL');
  if (stack.child.exitCode === null && stack.child.signalCode === null) await once(stack.child, 'exit');
}

/** Sends numbered lines on one TCP connection as fast as the socket takes them; the stack may die under it. */
async function streamTcp(port: number, count: number): Promise<number> {
  const socket = connect({ host: '127.0.0.1', port });
  socket.on('error', () => undefined); // reset when the stack is killed
  await once(socket, 'connect');
  let written = 0;
  for (; written < count && !socket.destroyed; written += 1) {
    const ok = socket.write(`<134>Nov 21 04:20:00 relay app: ingest-tcp ${written}\n`);
    if (!ok) await Promise.race([once(socket, 'drain'), once(socket, 'close')]);
  }
  socket.end();
  return written;
}

test('SIGKILL during ingest: after a restart the alarms, the pending emails and the InfluxDB spool are all there; only what was in flight is lost', async (t) => {
  const dir = makeTempDir();
  const certs = await makeTestCertificates(dir.path);
  const smtp = new SmtpSink({ certFile: certs.serverCert, keyFile: certs.serverKey, user: 'ipo-observer', password: PASSWORD });
  let influx: InfluxdProcess | null = null;
  let stack: StackProcess | null = null;
  t.after(async () => {
    await stack?.stop();
    await smtp.stop();
    await influx?.stop();
    dir.remove();
  });
  // SMTP and InfluxDB are both down while the stack runs the first time.
  const smtpPort = await smtp.start();
  await smtp.stop();
  influx = await startInfluxd(join(dir.path, 'influxd'));
  await influx.createDatabase('ipo');
  await influx.stop('SIGKILL');

  const configPath = writeStackConfig(dir.path, {
    collectors: { syslog: { udp: { listenAddress: '127.0.0.1', port: 0 }, tcp: { enabled: true, listenAddress: '127.0.0.1', port: 0 }, rateLimit: { perSourcePerSecond: 0 } } },
    sections: {
      pipeline: { queueCapacity: QUEUE_CAPACITY, batchSize: 200 },
      sinks: { influxdb: { enabled: true, url: influx.url, apiVersion: 'v1', database: 'ipo', flushIntervalSeconds: 0.1, sampleIntervalSeconds: 3600, timeoutSeconds: 1, retry: { initialSeconds: 0.1, maxSeconds: 0.5 } } },
      notifiers: {
        email: {
          transport: sinkTransport({ dir: dir.path, port: smtpPort, ca: certs.ca, password: PASSWORD, timeoutSeconds: 2 }),
          from: 'ipo-observer@noc.example.com',
          groupWaitSeconds: 0,
          groupIntervalSeconds: 1,
          retry: { initialSeconds: 0.2, maxSeconds: 0.5 },
          profiles: [{ id: 'noc', name: 'NOC', to: ['noc@example.com'], minSeverity: 'major' }],
        },
      },
    },
  });
  stack = await startStackProcess(configPath, COLLECTORS);
  const first = stack;

  // Alarms are raised; their emails wait for SMTP, their points wait in the spool.
  for (let n = 1; n <= ALARMS; n += 1) await sendWithLogger(first.collectorPorts.get('syslog/udp')!, `Alarm: Trunk: Trunk Slot B, T1 PRI ${n} red alarm`);
  const openBefore = await eventually(async () => {
    const { alarms } = await getJson(`${first.httpUrl}/api/v1/alarms?state=open`);
    assert.equal(alarms.length, ALARMS);
    return alarms.map((a: { id: number }) => a.id).sort();
  }, { timeoutMs: 15_000 });
  const waiting = await eventually(async () => {
    const { messages } = await getJson(`${first.httpUrl}/api/v1/notifications/messages?status=retrying`);
    assert.ok(messages.length >= 1, 'emails wait for the server');
    const text = await getText(`${first.httpUrl}/metrics`);
    assert.ok(metricValue(text, 'ipo_influx_spool_bytes') > 0, 'points wait in the spool');
    return messages.length as number;
  }, { timeoutMs: 15_000 });

  // Ingest at full speed on TCP and UDP, and kill the process in the middle of it.
  const tcpDone = streamTcp(first.collectorPorts.get('syslog/tcp')!, TCP_LINES);
  const udpDone = sendUdp(first.collectorPorts.get('syslog/udp')!, Array.from({ length: UDP_DATAGRAMS }, (_, i) => Buffer.from(`<134>Nov 21 04:20:00 ipo IPOffice: ingest-udp ${i}`))).catch(() => undefined);
  const before = await eventually(async () => {
    const text = await getText(`${first.httpUrl}/metrics`);
    const accepted = metricValue(text, 'ipo_collector_accepted_total', { collector: 'syslog' });
    assert.ok(accepted >= 5000, `accepted ${accepted}`);
    return { accepted, stored: metricValue(text, 'ipo_pipeline_events_stored_total', { source: 'syslog' }), depth: metricValue(text, 'ipo_pipeline_queue_depth') };
  }, { timeoutMs: 30_000, intervalMs: 5 });
  await kill(first);
  const tcpWritten = await tcpDone;
  await udpDone;

  // What the database kept of the ingest: everything stored before the last scrape, at most a queue's worth less than accepted.
  const db = new Database(join(dir.path, 'data', DATABASE_FILE), { readonly: true });
  const count = (like: string) => (db.prepare('SELECT count(*) AS n FROM events WHERE text LIKE ?').get(like) as { n: number }).n;
  const kept = { tcp: count('%ingest-tcp%'), udp: count('%ingest-udp%') };
  db.close();
  const storedIngest = kept.tcp + kept.udp;
  assert.ok(storedIngest + ALARMS >= before.stored, `every event stored before the kill is still there (${storedIngest} + ${ALARMS} >= ${before.stored})`);
  assert.ok(storedIngest + ALARMS >= before.accepted - QUEUE_CAPACITY, 'of what was accepted, at most a queue of events is lost');
  t.diagnostic(
    `SIGKILL: sent tcp ${tcpWritten} (written to the socket) + udp ${UDP_DATAGRAMS}; at the last scrape accepted ${before.accepted}, stored ${before.stored}, queued ${before.depth}; ` +
      `in the database after the kill: tcp ${kept.tcp}, udp ${kept.udp}; lost ${tcpWritten + UDP_DATAGRAMS - storedIngest} (queue capacity ${QUEUE_CAPACITY})`,
  );

  // Restart with SMTP and InfluxDB back.
  await smtp.start(smtpPort);
  await influx.start();
  stack = await startStackProcess(configPath, COLLECTORS);
  const second = stack;
  const { alarms } = await getJson(`${second.httpUrl}/api/v1/alarms?state=open`);
  assert.deepEqual(alarms.map((a: { id: number }) => a.id).sort(), openBefore, 'the same alarms are open');

  await eventually(async () => {
    const { messages } = await getJson(`${second.httpUrl}/api/v1/notifications/messages`);
    assert.ok(messages.length >= waiting);
    assert.ok(messages.every((m: { status: string }) => m.status === 'sent'), JSON.stringify(messages.map((m: { status: string }) => m.status)));
    assert.equal(smtp.received.length, messages.length, 'one email per outbox message');
  }, { timeoutMs: 20_000, message: 'the outbox should be delivered after the restart' });
  assert.equal(new Set(smtp.received.map((m) => m.parsed.messageId)).size, smtp.received.length, 'none twice');

  await eventually(async () => {
    const [row] = await influx!.rows(`SELECT count("event_id") AS points FROM "ipo_event" WHERE "code" = 'syslog.alarm.trunk'`, 'ipo');
    assert.equal(row?.['points'], ALARMS, 'the alarm events spooled before the kill reach InfluxDB');
  }, { timeoutMs: 20_000, message: 'the spool left by the killed process should be replayed' });
  assert.equal(await second.stop(), 0);
});
