import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { eventually } from '../helpers/eventually.js';
import { getJson } from '../helpers/http-json.js';
import { sendWithLogger } from '../helpers/send-logger.js';
import { SmtpSink, sinkTransport } from '../helpers/smtp-sink.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { writeStackConfig } from '../helpers/stack-config.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { makeTestCertificates } from '../helpers/test-certs.js';
import { freeUdpPort, startSnmpd, type TestSnmpd } from '../../collectors/snmp/testdata/snmpd.js';

const run = promisify(execFile);
const PASSWORD = 'e2e-only-secret';
const B = '1.3.6.1.4.1.6889.2.2.1.2.1';
const LINK_FAILURE = '1.3.6.1.4.1.6889.2.2.1.2.0.54';
const LINK_OPERATIONAL = '1.3.6.1.4.1.6889.2.2.1.2.0.55';
// The Secondary reports its IP Office Line to the Primary (ipoGTEventData names the line's far end).
const LINE_VARBINDS = [`${B}.10`, 's', 'IPO0000002', '1.3.6.1.2.1.1.1.0', 's', 'IP Office Server Edition 11.1', `${B}.24`, 'i', '20', `${B}.25`, 's', 'HQ Primary'];

interface Setup {
  dir: ReturnType<typeof makeTempDir>;
  sink: SmtpSink;
  stack: StackProcess | null;
  configPath: string;
}

/** A real SMTP sink and the config of a Primary backed up by its Secondary (127.0.0.1), with waits of 1-2 s unless told. */
async function setup(
  t: { after(fn: () => unknown): void },
  primary: Record<string, unknown>,
  extra: { snmpPolling?: Record<string, unknown>; waits?: { failoverSeconds: number; failbackSeconds: number } } = {},
): Promise<Setup> {
  const dir = makeTempDir();
  const certs = await makeTestCertificates(dir.path);
  const sink = new SmtpSink({ certFile: certs.serverCert, keyFile: certs.serverKey, user: 'ipo-observer', password: PASSWORD });
  const state: Setup = { dir, sink, stack: null, configPath: '' };
  t.after(async () => {
    await state.stack?.stop();
    await sink.stop();
    dir.remove();
  });
  const smtpPort = await sink.start();
  const backups = { phones: 'hq-secondary', huntGroups: 'hq-secondary', voicemail: 'hq-secondary', oneXPortal: 'hq-secondary' };
  state.configPath = writeStackConfig(dir.path, {
    collectors: {
      syslog: { udp: { listenAddress: '127.0.0.1', port: 0 } },
      snmp: { enabled: true, traps: { listenAddress: '127.0.0.1', port: 0 }, communities: ['public'], ...(extra.snmpPolling && { polling: extra.snmpPolling }) },
    },
    nodes: [
      { id: 'hq-primary', name: 'HQ Primary', role: 'primary', resilience: { backup: backups, lines: ['hq-secondary'] }, ...primary },
      { id: 'hq-secondary', name: 'HQ Secondary', role: 'secondary', addresses: ['127.0.0.1'], deviceId: 'IPO0000002' },
    ],
    sections: {
      resiliency: { ...(extra.waits ?? { failoverSeconds: 1, failbackSeconds: 2 }), stableSeconds: 1, checkIntervalSeconds: 0.2 },
      notifiers: {
        email: {
          transport: sinkTransport({ dir: dir.path, port: smtpPort, ca: certs.ca, password: PASSWORD, timeoutSeconds: 5 }),
          from: 'ipo-observer@noc.example.com',
          // No group wait: the first alarms of the outage must be held when recorded, not at send time.
          groupWaitSeconds: 0,
          groupIntervalSeconds: 1,
          retry: { initialSeconds: 0.2, maxSeconds: 0.5 },
          profiles: [{ id: 'noc', name: 'NOC', to: ['noc@example.com'], minSeverity: 'warning' }],
        },
      },
    },
  });
  return state;
}

test('a Primary fails: one incident email (what failed, what took over, what is degraded), no symptom emails; failback closes it with its timeline', async (t) => {
  // Nothing is sent from the Primary's address: it is down; the Secondary (127.0.0.1) reports it.
  // The line's trap must land before failover (and its recovery before failback) to be in the timeline where this test
  // expects it: 5 s waits leave a loaded machine time to start snmptrap after logger.
  const state = await setup(t, { addresses: ['127.0.0.2'] }, { waits: { failoverSeconds: 5, failbackSeconds: 5 } });
  const sink = state.sink;
  state.stack = await startStackProcess(state.configPath, ['syslog/udp', 'snmp/udp']);
  const stack = state.stack;
  const url = stack.httpUrl;
  const syslogPort = stack.collectorPorts.get('syslog/udp')!;
  const trapTarget = `127.0.0.1:${stack.collectorPorts.get('snmp/udp')!}`;

  // The outage as the Secondary sees it: the Primary unreachable, its IP Office Line down, a QoS alarm on the Secondary.
  await sendWithLogger(syslogPort, 'Alarm: Resiliency: HQ Primary unreachable');
  await run('snmptrap', ['-m', '', '-v', '2c', '-c', 'public', trapTarget, '', LINK_FAILURE, `${B}.9`, 'i', '4', ...LINE_VARBINDS], { timeout: 10_000 });
  await sendWithLogger(syslogPort, 'Alarm: QoS: Extension 201 jitter 85 ms');

  const opened = await eventually(async () => {
    const { incidents } = await getJson(`${url}/api/v1/resiliency?open=true`);
    assert.equal(incidents.length, 1);
    assert.deepEqual(incidents[0].timeline.map((e: { kind: string }) => e.kind), ['node-down', 'link-down', 'failover']);
    return incidents[0];
  }, { timeoutMs: 30_000, message: 'one incident: the Primary down, its line folded in, failed over after 5 s' });
  assert.equal(opened.failed, 'HQ Primary is down');
  assert.equal(opened.takenOverText, 'phones, hunt groups, Voicemail Pro, one-X Portal -> HQ Secondary');

  // The QoS alarm was sent after the trap: nothing above waited for it to be stored.
  await eventually(async () => {
    const { alarms } = await getJson(`${url}/api/v1/alarms?state=open&limit=50`);
    assert.deepEqual(alarms.map((a: { code: string }) => a.code).sort(), ['resiliency.incident', 'snmp.ipo.link', 'syslog.alarm.qos', 'syslog.alarm.resiliency']);
  }, { message: 'the outage\'s alarms open' });
  await eventually(() => assert.equal(sink.received.length, 1), { timeoutMs: 15_000, message: 'the incident email' });
  const [mail] = sink.received;
  assert.match(mail!.parsed.subject ?? '', /\[CRITICAL\]\[Resiliency\].*HQ Primary is down/);
  const body = mail!.parsed.text ?? '';
  assert.match(body, /Taken over: phones, hunt groups, Voicemail Pro, one-X Portal -> HQ Secondary/);
  assert.match(body, /Degraded: calls anchored on HQ Primary lose their audio/);
  // The sink has the email before the program hears its 250: the incident's notification is 'dispatched' until then.
  await eventually(async () => {
    const { notifications } = await getJson(`${url}/api/v1/notifications?limit=50`);
    const held = notifications.filter((n: { status: string }) => n.status !== 'pending' && n.status !== 'sent');
    assert.equal(held.length, 3, JSON.stringify(notifications.map((n: { status: string; reason: string }) => [n.status, n.reason])));
  }, { message: 'the symptoms held, the incident sent' });

  // Recovery: the Secondary reaches the Primary again; failback 2 s later closes the incident.
  await sendWithLogger(syslogPort, 'Alarm Cleared: Resiliency: HQ Primary unreachable');
  await run('snmptrap', ['-m', '', '-v', '2c', '-c', 'public', trapTarget, '', LINK_OPERATIONAL, `${B}.9`, 'i', '1', ...LINE_VARBINDS], { timeout: 10_000 });
  const closed = await eventually(async () => {
    const { incidents, sites } = await getJson(`${url}/api/v1/resiliency`);
    assert.equal(incidents[0].open, false);
    assert.equal(sites[0].nodes.find((n: { nodeId: string }) => n.nodeId === 'hq-primary').state, 'up');
    return incidents[0];
  }, { timeoutMs: 30_000, message: 'failback closes the incident' });
  assert.equal(closed.id, opened.id);
  assert.deepEqual(closed.timeline.map((e: { kind: string }) => e.kind), ['node-down', 'link-down', 'failover', 'node-up', 'link-up', 'failback', 'closed']);
  assert.ok(closed.durations.openSeconds >= 10, `open ${closed.durations.openSeconds} s`);
  assert.notEqual(closed.failedBackAt, null);

  // The only other email is the incident's resolution, carrying the timeline.
  await eventually(() => assert.equal(sink.received.length, 2), { timeoutMs: 15_000, message: 'the resolved email' });
  const resolved = sink.received[1]!;
  assert.match(resolved.parsed.subject ?? '', /Resiliency/);
  assert.ok(sink.received.every((m) => /Resiliency/.test(m.parsed.subject ?? '')), sink.received.map((m) => m.parsed.subject).join('\n'));
});

test('the poller finds the Primary unreachable; the program restarts mid-incident and resumes it; the Primary answers again and fails back', async (t) => {
  const agentPort = await freeUdpPort();
  const poll = { port: agentPort, address: '127.0.0.1', intervalSeconds: 1, missedPollsForUnreachable: 2, version: 'v2c', community: 'pollsecret' };
  // The Primary is polled through 127.0.0.1 (a real snmpd); its own address sends nothing.
  const state = await setup(t, { addresses: ['192.0.2.10'], snmp: { poll } }, { snmpPolling: { timeoutMs: 1000, retries: 1 } });
  let snmpd: TestSnmpd | null = await startSnmpd(state.dir.path, agentPort);
  t.after(async () => {
    await snmpd?.stop();
  });
  state.stack = await startStackProcess(state.configPath, ['syslog/udp', 'snmp/udp']);
  const first = state.stack.httpUrl;
  await eventually(async () => {
    const { inventory } = await getJson(`${first}/api/v1/nodes/hq-primary/inventory`);
    assert.ok(inventory?.sysUpTime >= 0, JSON.stringify(inventory));
  }, { timeoutMs: 15_000, message: 'the Primary answers its polls' });

  await snmpd.stop();
  snmpd = null;
  const opened = await eventually(async () => {
    const { incidents } = await getJson(`${first}/api/v1/resiliency?open=true`);
    assert.equal(incidents.length, 1);
    assert.deepEqual(incidents[0].timeline.map((e: { kind: string }) => e.kind), ['node-down', 'failover']);
    return incidents[0];
  }, { timeoutMs: 20_000, message: 'unreachable after 2 missed polls, failed over 1 s later' });
  await eventually(() => assert.equal(state.sink.received.length, 1), { timeoutMs: 15_000, message: 'the incident email' });
  assert.match(state.sink.received[0]!.parsed.subject ?? '', /\[CRITICAL\]\[Resiliency\].*HQ Primary is down/);

  // Restart while the Primary is still down: the incident is read back from the store, not opened again.
  assert.equal(await state.stack.stop(), 0);
  state.stack = await startStackProcess(state.configPath, ['syslog/udp', 'snmp/udp']);
  const second = state.stack.httpUrl;
  const { incidents: resumed } = await getJson(`${second}/api/v1/resiliency?open=true`);
  assert.deepEqual(resumed.map((i: { id: string }) => i.id), [opened.id]);
  // The new poller misses its own 2 polls before it can report the Primary back (its state starts afresh).
  await eventually(async () => {
    const { events } = await getJson(`${second}/api/v1/events?source=poll&limit=10`);
    assert.equal(events.filter((e: { code: string; severity: string }) => e.code === 'poll.node-unreachable' && e.severity === 'major').length, 2);
  }, { timeoutMs: 20_000, message: 'the restarted poller finds the Primary unreachable too' });

  snmpd = await startSnmpd(state.dir.path, agentPort);
  const closed = await eventually(async () => {
    const { incidents } = await getJson(`${second}/api/v1/resiliency`);
    assert.equal(incidents.length, 1);
    assert.equal(incidents[0].open, false);
    return incidents[0];
  }, { timeoutMs: 20_000, message: 'the Primary answers, fails back 2 s later, the incident closes' });
  assert.equal(closed.id, opened.id);
  assert.deepEqual(closed.timeline.map((e: { kind: string }) => e.kind), ['node-down', 'failover', 'node-up', 'failback', 'closed']);
  await eventually(() => assert.equal(state.sink.received.length, 2), { timeoutMs: 15_000, message: 'the resolved email' });
  assert.ok(state.sink.received.every((m) => /\[Resiliency\]/.test(m.parsed.subject ?? '')), state.sink.received.map((m) => m.parsed.subject).join('\n'));
  assert.equal(new Set(state.sink.received.map((m) => m.parsed.messageId)).size, 2, 'no email sent twice across the restart');
});
