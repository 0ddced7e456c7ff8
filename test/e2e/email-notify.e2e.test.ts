import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeTestCertificates } from '../helpers/test-certs.js';
import { eventually } from '../helpers/eventually.js';
import { getJson } from '../helpers/http-json.js';
import { sendWithLogger } from '../helpers/send-logger.js';
import { SmtpSink, sinkTransport } from '../helpers/smtp-sink.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { writeStackConfig } from '../helpers/stack-config.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const TRUNK_ALARM = 'Alarm: Trunk: Trunk Slot B, T1 PRI 2 red alarm';
const PASSWORD = 'e2e-only-secret';

function writeConfig(dir: string, smtpPort: number, ca: string): string {
  return writeStackConfig(dir, {
    sections: {
      server: { http: { listenAddress: '127.0.0.1', port: 0 }, publicUrl: 'https://noc.example.com' },
      notifiers: {
        email: {
          transport: sinkTransport({ dir: dir, port: smtpPort, ca: ca, password: PASSWORD, timeoutSeconds: 5 }),
          from: 'ipo-observer@noc.example.com',
          groupWaitSeconds: 0,
          groupIntervalSeconds: 1,
          retry: { initialSeconds: 0.2, maxSeconds: 0.5 },
          profiles: [
            { id: 'noc', name: 'NOC', to: ['noc@example.com'], minSeverity: 'major' },
            { id: 'partner', name: 'Partner', to: ['partner@example.com'], categories: ['License', 'Generic', 'Applications'] },
            { id: 'support', name: 'Support', to: ['support@example.com'], categories: ['Trunk lines', 'Phone change', 'VCM', 'QoS'] },
          ],
        },
      },
    },
  });
}

async function setup(t: { after(fn: () => unknown): void }) {
  const dir = makeTempDir();
  const state: { stack: StackProcess | null } = { stack: null };
  let sink: SmtpSink | null = null;
  t.after(async () => {
    await state.stack?.stop();
    await sink?.stop();
    dir.remove();
  });
  const certs = await makeTestCertificates(dir.path);
  sink = new SmtpSink({ certFile: certs.serverCert, keyFile: certs.serverKey, user: 'ipo-observer', password: PASSWORD });
  const port = await sink.start();
  return { dir, sink, state, configPath: writeConfig(dir.path, port, certs.ca) };
}

test('a logger syslog alarm reaches a real SMTP server over STARTTLS: NOC and support, not partner', async (t) => {
  const { sink, state, configPath } = await setup(t);
  state.stack = await startStackProcess(configPath, ['syslog/udp']);
  const stack = state.stack;
  await sendWithLogger(stack.collectorPorts.get('syslog/udp')!, TRUNK_ALARM);

  await eventually(() => assert.equal(sink.received.length, 2), { timeoutMs: 15_000, message: 'two emails (noc, support)' });
  const noc = sink.to('noc@example.com')[0]!;
  assert.equal(noc.secure, true);
  assert.match(noc.parsed.subject ?? '', /^\[ipo-observer\]\[noc\]\[MAJOR\]\[Trunk lines\] Acme Dental \/ Head office \/ HQ Primary: Trunk Slot B, T1 PRI 2 red alarm$/);
  assert.match(noc.parsed.text ?? '', /Link: +https:\/\/noc\.example\.com\/alarms\/1/);
  assert.match(String(noc.parsed.html), /T1 PRI 2 red alarm/);
  assert.equal(sink.to('partner@example.com').length, 0);

  const { notifications } = await getJson(`${stack.httpUrl}/api/v1/notifications`);
  await eventually(async () => {
    const [row] = (await getJson(`${stack.httpUrl}/api/v1/notifications`)).notifications;
    assert.equal(row.status, 'sent');
    assert.deepEqual(row.deliveries.map((d: { profile: string; status: string }) => [d.profile, d.status]), [['noc', 'sent'], ['partner', 'not-in-profile'], ['support', 'sent']]);
  });
  assert.equal(notifications.length, 1);
  assert.ok(!stack.logLines.some((line) => JSON.stringify(line).includes(PASSWORD)), 'the password is never logged');
});

test('SMTP down, then the program restarts, then SMTP comes back: each email arrives once', async (t) => {
  const { sink, state, configPath } = await setup(t);
  const port = sink.port;
  await sink.stop();
  state.stack = await startStackProcess(configPath, ['syslog/udp']);
  await sendWithLogger(state.stack.collectorPorts.get('syslog/udp')!, TRUNK_ALARM);
  const url = state.stack.httpUrl;
  await eventually(async () => {
    const { messages } = await getJson(`${url}/api/v1/notifications/messages?status=retrying`);
    assert.equal(messages.length, 2);
    assert.match(messages[0].lastError, /ECONNREFUSED|ESOCKET|ECONNECTION/);
  }, { timeoutMs: 15_000, message: 'both emails wait for the server' });

  assert.equal(await state.stack.stop(), 0);
  state.stack = await startStackProcess(configPath, ['syslog/udp']);
  await sink.start(port);
  await eventually(() => assert.equal(sink.received.length, 2), { timeoutMs: 15_000, message: 'both emails delivered after the restart' });
  const restarted = state.stack.httpUrl;
  await eventually(async () => assert.equal((await getJson(`${restarted}/api/v1/notifications/messages?status=sent`)).messages.length, 2));
  assert.deepEqual(sink.received.map((m) => m.envelopeTo[0]).sort(), ['noc@example.com', 'support@example.com']);
  assert.equal(new Set(sink.received.map((m) => m.parsed.messageId)).size, 2, 'none twice');
});
