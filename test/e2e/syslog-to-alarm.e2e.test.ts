import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { eventually } from '../helpers/eventually.js';
import { getJson, getText, metricValue } from '../helpers/http-json.js';
import { sendWithLogger } from '../helpers/send-logger.js';
import { sendUdp } from '../helpers/send-udp.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { writeStackConfig } from '../helpers/stack-config.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const TRUNK_ALARM = 'Alarm: Trunk: Trunk Slot B, T1 PRI 2 red alarm';

test('a logger line becomes an event and an alarm that survives a restart', async (t) => {
  const dir = makeTempDir();
  let stack: StackProcess | null = null;
  t.after(async () => {
    await stack?.stop();
    dir.remove();
  });
  const configPath = writeStackConfig(dir.path, { collectors: { syslog: { udp: { listenAddress: '127.0.0.1', port: 0 }, maxMessageBytes: 2048 } } });

  stack = await startStackProcess(configPath, ['syslog/udp']);
  const syslogPort = stack.collectorPorts.get('syslog/udp')!;

  await sendWithLogger(syslogPort, TRUNK_ALARM);
  await sendWithLogger(syslogPort, TRUNK_ALARM);

  const alarm = await eventually(async () => {
    const { alarms } = await getJson(`${stack!.httpUrl}/api/v1/alarms?state=open`);
    assert.equal(alarms.length, 1);
    assert.equal(alarms[0].occurrences, 2);
    return alarms[0];
  }, { message: 'the repeated logger line should raise one alarm with 2 occurrences' });
  assert.equal(alarm.severity, 'major');
  assert.equal(alarm.category, 'Trunk lines');
  assert.equal(alarm.node.id, 'acme-hq-primary');
  assert.equal(alarm.node.siteId, 'acme-hq');
  assert.match(alarm.text, /T1 PRI 2 red alarm/);

  const detail = await getJson(`${stack.httpUrl}/api/v1/alarms/${alarm.id}`);
  assert.deepEqual(detail.transitions.map((tr: { kind: string }) => tr.kind), ['raised']);
  assert.equal(detail.recentEvents.length, 2);
  assert.match(detail.recentEvents[0].raw.data, /^<131>/, 'raw input kept verbatim (local0.err = PRI 131)');

  const { events } = await getJson(`${stack.httpUrl}/api/v1/events?node=acme-hq-primary&source=syslog`);
  assert.equal(events.length, 2);

  const filtered = await getJson(`${stack.httpUrl}/api/v1/alarms?site=acme-hq&severity=critical`);
  assert.equal(filtered.alarms.length, 0, 'severity filter means "this or worse": major is not critical');

  const page = await getText(`${stack.httpUrl}/`);
  assert.match(page, /T1 PRI 2 red alarm/);
  assert.match(page, /HQ Primary/);

  // Bad input is refused and counted; the process stays healthy.
  await sendUdp(syslogPort, [randomBytes(300), Buffer.alloc(4096, 0x41)]);
  await eventually(async () => {
    const metrics = await getText(`${stack!.httpUrl}/metrics`);
    assert.equal(metricValue(metrics, 'ipo_collector_refused_total', { collector: 'syslog', reason: 'oversize' }), 1);
    const refused = metrics.split('\n').filter((l) => l.startsWith('ipo_collector_refused_total{')).reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
    assert.equal(refused, 2, metrics);
    assert.equal(metricValue(metrics, 'ipo_collector_accepted_total', { collector: 'syslog' }), 2);
  }, { message: 'random bytes and an oversize datagram should be refused and counted' });
  const health = await getJson(`${stack.httpUrl}/api/v1/health`);
  assert.equal(health.status, 'ok');
  assert.equal(health.alarms.active, 1);

  // A sender that is not in the fleet is kept and flagged.
  await sendUdp(syslogPort, [Buffer.from('<131>Nov 21 04:19:13 branch7 IPOffice: Alarm: Service: Voicemail storage nearly full')], '127.0.0.2');
  await eventually(async () => {
    const { events: unknown } = await getJson(`${stack!.httpUrl}/api/v1/events?unknownSource=true`);
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].sourceAddress, '127.0.0.2');
    assert.equal(unknown[0].node, null);
  });

  assert.equal(await stack.stop(), 0, 'SIGTERM stops cleanly with exit code 0');

  stack = await startStackProcess(configPath, ['syslog/udp']);
  const afterRestart = await getJson(`${stack.httpUrl}/api/v1/alarms/${alarm.id}`);
  assert.equal(afterRestart.alarm.state, 'active');
  assert.equal(afterRestart.alarm.occurrences, 2);
  assert.match(await getText(`${stack.httpUrl}/`), /T1 PRI 2 red alarm/);

  // A cleared line with the same alarm text clears it.
  await sendWithLogger(stack.collectorPorts.get('syslog/udp')!, 'Alarm Cleared: Trunk: Trunk Slot B, T1 PRI 2 red alarm', { priority: 'local0.notice' });
  await eventually(async () => {
    const cleared = await getJson(`${stack!.httpUrl}/api/v1/alarms/${alarm.id}`);
    assert.equal(cleared.alarm.state, 'cleared');
    assert.deepEqual(cleared.transitions.map((tr: { kind: string }) => tr.kind), ['raised', 'cleared']);
  }, { message: 'the cleared line should clear the alarm' });
});
