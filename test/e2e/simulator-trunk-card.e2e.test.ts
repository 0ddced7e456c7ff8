import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from '../helpers/eventually.js';
import { getJson } from '../helpers/http-json.js';
import { startSimStackFor } from '../helpers/sim-stack.js';
import { DEFAULT_SCENARIO_OPTIONS } from '../../simulator/simulate.js';

interface Alarm { id: number; code: string; severity: string; state: string; node: { id: string }; entity: { kind: string; name: string } | null }

test('simulate trunk-card-failure: the card and trunk alarms on the right IP500 V2 and its poor calls; all cleared when it recovers', async (t) => {
  const sim = await startSimStackFor(t, 'trunk-card-failure');
  const node = sim.fleet.nodes.find((n) => n.role === 'ip500v2')!;
  const url = sim.stack.httpUrl;
  // Runs until the recovery is seen, not for a fixed duration: on a busy machine that could end before the Operational notifications go out.
  const stop = new AbortController();
  t.after(() => stop.abort());
  const run = sim.simulate({ signal: stop.signal, durationSeconds: 60, timeScale: 1, reportIntervalSeconds: 1, scenarioOptions: { ...DEFAULT_SCENARIO_OPTIONS, outageSeconds: 4 } });

  const raised = await eventually(async () => {
    const { alarms } = (await getJson(`${url}/api/v1/alarms?node=${node.id}&state=open&limit=100`)) as { alarms: Alarm[] };
    const card = alarms.find((a) => a.code === 'snmp.ipo.entity');
    assert.ok(card, JSON.stringify(alarms.map((a) => a.code)));
    assert.equal(card.severity, 'critical');
    assert.deepEqual(card.entity, { kind: 'card', id: '3', name: 'Controller, Slot 3, PRI-U' });
    const trunks = alarms.filter((a) => a.code === 'snmp.ipo.trunk').map((a) => a.entity?.name).sort();
    assert.deepEqual(trunks, ['Controller, Slot 3, PRI-U, T1 PRI 1', 'Controller, Slot 3, PRI-U, T1 PRI 2']);
    assert.ok(alarms.some((a) => a.code === 'syslog.alarm.trunk'), 'the syslog Alarm: Trunk: lines');
    assert.ok(alarms.some((a) => a.code.startsWith('ssa.trunk')), 'the SSA Trunk list');
    return alarms.filter((a) => ['snmp.ipo.entity', 'snmp.ipo.trunk'].includes(a.code));
  }, { timeoutMs: 8_000, message: 'the trunk card failure should raise card and trunk alarms on its node' });

  await eventually(async () => {
    const { calls } = await getJson(`${url}/api/v1/qos/calls?node=${node.id}&limit=50`);
    assert.ok(calls.some((call: { poor: boolean; lossMaxPercent: number }) => call.poor && call.lossMaxPercent >= 3), JSON.stringify(calls.map((c: { poor: boolean }) => c.poor)));
  }, { message: 'calls on the failed system should be poor' });

  await eventually(async () => {
    for (const alarm of raised) {
      const detail = await getJson(`${url}/api/v1/alarms/${alarm.id}`);
      assert.equal(detail.alarm.state, 'cleared', `${alarm.code} ${alarm.entity?.name}`);
    }
  }, { timeoutMs: 30_000, message: 'the Operational notifications should clear the card and trunk alarms' });
  stop.abort();
  const report = await run;
  assert.equal(report.failures.snmp + report.failures.syslog + report.failures.ssa, 0, report.lastError ?? '');
  const others = (await getJson(`${url}/api/v1/alarms?state=open&limit=500`)) as { alarms: Alarm[] };
  assert.ok(!others.alarms.some((a) => a.node.id !== node.id && a.entity?.name === 'Controller, Slot 3, PRI-U'), 'no other system has the card alarm');
});
