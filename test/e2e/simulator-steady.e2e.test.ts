import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from '../helpers/eventually.js';
import { getJson } from '../helpers/http-json.js';
import { simulateUntil, startSimStackFor } from '../helpers/sim-stack.js';
import { DEFAULT_SCENARIO_OPTIONS, type SimulationReport } from '../../simulator/simulate.js';

test('simulate steady: the stack stores attributed events from SNMP, syslog (UDP and TCP), SSA and RTCP', async (t) => {
  const sim = await startSimStackFor(t, 'steady');
  // Six seconds, and on a busy machine until eight ticks are out (one syslog line a tick; the fifth goes over TCP).
  const enough = ({ elapsedSeconds, sent }: SimulationReport) => elapsedSeconds >= 6 && sent.snmp >= 8 && sent.syslog >= 8 && sent.ssa >= 2 && sent.rtcp >= 6;
  const report = await sim.simulate({ ...simulateUntil(t, enough, 60), timeScale: 2, reportIntervalSeconds: 1, scenarioOptions: { ...DEFAULT_SCENARIO_OPTIONS, poorShare: 1 } });
  assert.deepEqual(report.failures, { snmp: 0, syslog: 0, ssa: 0, rtcp: 0, licence: 0 }, report.lastError ?? '');
  assert.ok(report.sent.snmp >= 8 && report.sent.syslog >= 8 && report.sent.ssa >= 2 && report.sent.rtcp >= 6, JSON.stringify(report.sent));

  const url = sim.stack.httpUrl;
  const ids = new Set(sim.fleet.nodes.map((node) => node.id));
  await eventually(async () => {
    for (const source of ['snmp', 'syslog', 'ssa', 'rtcp']) {
      const { events } = await getJson(`${url}/api/v1/events?source=${source}&limit=1000`);
      assert.ok(events.length > 0, `events from ${source}`);
      for (const event of events) assert.ok(!event.unknownSource && ids.has(event.node.id), `${source} event of a fleet node: ${JSON.stringify(event.node)}`);
    }
  }, { message: 'every source should have stored events of fleet nodes' });
  // Waited for too: a source having some events does not mean the TCP line or every call is stored yet.
  await eventually(async () => {
    const syslog = await getJson(`${url}/api/v1/events?source=syslog&limit=1000`);
    const listeners = new Set(syslog.events.map((event: { attributes: { listener: string } }) => event.attributes.listener));
    assert.deepEqual([...listeners].sort(), ['tcp', 'udp'], 'RFC 3164 over UDP and RFC 5424 over TCP');
  });
  await eventually(async () => {
    const { calls } = await getJson(`${url}/api/v1/qos/calls?limit=100`);
    // Phones of polled (Server Edition) systems are known from their phone table, the others by their address block.
    assert.ok(calls.length > 0 && calls.every((call: { attribution: string; node: { id: string } }) => ['phone', 'source-map'].includes(call.attribution) && ids.has(call.node.id)), JSON.stringify(calls[0]));
    assert.ok(calls.some((call: { poor: boolean }) => call.poor), 'poor calls are poor');
  });
  const { alarms } = await getJson(`${url}/api/v1/alarms?state=open&limit=500`);
  assert.ok(alarms.length > 0, 'alarms raised');
});
