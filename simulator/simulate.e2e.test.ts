import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { test } from 'node:test';
import { createSnmpCodec } from '../collectors/snmp/codec.js';
import { toNotification } from '../collectors/snmp/notification.js';
import { catalogueEntries } from '../mibs/catalogue.js';
import { eventually } from '../test/helpers/eventually.js';
import { DEFAULT_SIMULATE, runSimulation } from './simulate.js';

async function receiver(): Promise<{ socket: Socket; port: number; datagrams: Array<{ bytes: Buffer; from: string }> }> {
  const socket = createSocket('udp4');
  const datagrams: Array<{ bytes: Buffer; from: string }> = [];
  socket.on('message', (bytes, rinfo) => datagrams.push({ bytes, from: rinfo.address }));
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return { socket, port: socket.address().port, datagrams };
}

test('steady sends every notification of the catalogue, syslog and RTCP from the systems\' own addresses, and stops by itself within its rate', async (t) => {
  const [snmp, syslog, rtcp] = await Promise.all([receiver(), receiver(), receiver()]);
  t.after(() => [snmp, syslog, rtcp].forEach((r) => r.socket.close()));
  const rate = 1000;
  const durationSeconds = 3;
  const report = await runSimulation({
    ...DEFAULT_SIMULATE,
    target: { host: '127.0.0.1', syslogUdpPort: syslog.port, syslogTcpPort: null, snmpPort: snmp.port, rtcpPort: rtcp.port, httpUrl: null, ssaToken: null, community: 'public' },
    durationSeconds,
    rate,
    // A tick every 10 ms: the 66 notifications of the catalogue need 66 ticks, which fit the 3 s with room to spare on a
    // busy machine (at 40, a tick every 25 ms plus its sends, a loaded run managed about 80).
    timeScale: 100,
    reportIntervalSeconds: 1,
    agentPort: null,
  });
  const total = Object.values(report.sent).reduce((a, b) => a + b, 0);
  assert.ok(total <= rate * durationSeconds + 1, `paced: ${total} messages`);
  assert.equal(report.sent.ssa + report.sent.licence, 0, 'no HTTP target, no SSA or assertions');
  await eventually(() => assert.equal(snmp.datagrams.length, report.sent.snmp), { message: 'every trap sent arrives' });

  const codec = createSnmpCodec({ communities: ['public'], users: [], engineId: null });
  const names = new Set<string>();
  for (const { bytes, from } of snmp.datagrams) {
    const decoded = codec.decode(bytes, { address: from, port: 1 });
    assert.equal(decoded.ok, true);
    if (decoded.ok !== true) continue;
    const notification = toNotification(decoded.pdu);
    if (notification.ok) names.add(notification.notification.trapOid);
  }
  const missing = catalogueEntries().filter((entry) => !names.has(entry.oid)).map((entry) => entry.name);
  assert.deepEqual(missing, [], 'every IP Office notification kind was sent');
  for (const r of [snmp, syslog, rtcp]) {
    assert.ok(r.datagrams.length > 0);
    assert.ok(r.datagrams.every((d) => /^127\.(1|16)\./.test(d.from)), `sent from simulated addresses: ${r.datagrams[0]?.from}`);
  }
});
