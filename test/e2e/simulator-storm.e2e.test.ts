import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from '../helpers/eventually.js';
import { getJson, getText, metricValue } from '../helpers/http-json.js';
import { simulateUntil, startSimStackFor } from '../helpers/sim-stack.js';

test('simulate storm-77721: 500 systems with 12,000 users raise alarms at a bounded rate; every system alarmed, nothing dropped, the known issue shown', async (t) => {
  const sim = await startSimStackFor(t, 'storm-77721');
  assert.equal(sim.fleet.nodes.length, 500);
  assert.equal(sim.fleet.nodes.reduce((n, node) => n + node.phones.length, 0), 12_000);
  const url = sim.stack.httpUrl;
  // Five seconds at 1000 a second, and on a busy machine until a whole round is out (a syslog line from each system).
  const report = await sim.simulate({ ...simulateUntil(t, ({ elapsedSeconds, sent }) => elapsedSeconds >= 5 && sent.syslog >= 500, 60), rate: 1000 });
  assert.equal(report.failures.snmp + report.failures.syslog, 0, report.lastError ?? '');
  assert.ok(report.sent.snmp >= 1000 && report.sent.syslog >= 500, `at least one round of every system: ${JSON.stringify(report.sent)}`);

  await eventually(async () => {
    const metrics = await getText(`${url}/metrics`);
    const snmp = metricValue(metrics, 'ipo_collector_accepted_total', { collector: 'snmp' });
    const syslog = metricValue(metrics, 'ipo_collector_accepted_total', { collector: 'syslog' });
    assert.ok(snmp >= report.sent.snmp * 0.99 && syslog >= report.sent.syslog * 0.99, `accepted snmp ${snmp}/${report.sent.snmp}, syslog ${syslog}/${report.sent.syslog}`);
    const health = await getJson(`${url}/api/v1/health`);
    assert.equal(health.status, 'ok');
    assert.equal(health.pipeline.queueDepth, 0, 'the queue drained');
    assert.ok(health.alarms.active >= 3 * 500, `open alarms: ${JSON.stringify(health.alarms)}`);
  }, { timeoutMs: 30_000, intervalMs: 250, message: 'the stack should take in the storm and raise alarms for every system' });

  const { events } = await getJson(`${url}/api/v1/events?unknownSource=true&limit=10`);
  assert.equal(events.length, 0, 'every message attributed to its system');
  const last = sim.fleet.nodes.at(-1)!;
  const { alarms } = await getJson(`${url}/api/v1/alarms?node=${last.id}&state=open&limit=50`);
  assert.ok(alarms.some((a: { code: string }) => a.code === 'snmp.ipo.trunk.error'), 'the last system of the round too');
  const exposure = await getJson(`${url}/api/v1/nodes/${last.id}/known-issues`);
  const issue = exposure.knownIssues.find((k: { id?: string; rule?: { id: string } }) => JSON.stringify(k).includes('ipoffice-77721'));
  assert.ok(issue, JSON.stringify(exposure).slice(0, 800));
});
