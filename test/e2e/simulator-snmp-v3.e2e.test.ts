import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from '../helpers/eventually.js';
import { getJson } from '../helpers/http-json.js';
import { SIM_V3_USER, startSimStackFor } from '../helpers/sim-stack.js';
import { DEFAULT_SCENARIO_OPTIONS } from '../../simulator/simulate.js';

interface SnmpEvent { code: string; node: { id: string } | null; attributes: Record<string, unknown> }

test('simulate --snmp-version mix: every other system sends authPriv SHA/AES v3 traps as the configured user; they become alarms like the v2c ones', async (t) => {
  const sim = await startSimStackFor(t, 'trunk-card-failure');
  const fleet = sim.fleet;
  const v3Nodes = new Set(fleet.nodes.filter((_, i) => i % 2 === 1).map((n) => n.id));
  const card = fleet.nodes.find((n) => n.role === 'ip500v2')!;
  const url = sim.stack.httpUrl;
  const report = await sim.simulate({ snmpVersion: 'mix', durationSeconds: 6, timeScale: 1, reportIntervalSeconds: 1, scenarioOptions: { ...DEFAULT_SCENARIO_OPTIONS, outageSeconds: 3 } });
  assert.equal(report.failures.snmp, 0, report.lastError ?? '');

  const events = await eventually(async () => {
    const { events } = (await getJson(`${url}/api/v1/events?source=snmp&limit=1000`)) as { events: SnmpEvent[] };
    assert.equal(events.length, report.sent.snmp, 'every trap sent became an event');
    return events;
  }, { message: 'the traps should be stored' });
  const byVersion = { v2c: 0, v3: 0 };
  for (const event of events) {
    const v3 = v3Nodes.has(event.node!.id);
    assert.equal(event.attributes['snmpVersion'], v3 ? 'v3' : 'v2c', `${event.code} from ${event.node!.id}`);
    if (v3) assert.equal(event.attributes['v3User'], SIM_V3_USER.name);
    byVersion[v3 ? 'v3' : 'v2c'] += 1;
  }
  assert.ok(byVersion.v2c > 0 && byVersion.v3 > 0, JSON.stringify(byVersion));

  // The trunk card's Entity Failure (v3 or v2c by the mix) raised the card alarm; v3 traps raised alarms of their own.
  type Alarm = { code: string; node: { id: string } | null; entity: { kind: string } | null };
  const { alarms } = (await getJson(`${url}/api/v1/alarms?limit=500`)) as { alarms: Alarm[] };
  assert.ok(alarms.some((a) => a.code === 'snmp.ipo.entity' && a.node?.id === card.id && a.entity?.kind === 'card'), 'the card alarm');
  const fromV3 = alarms.filter((a) => a.code.startsWith('snmp.') && a.node !== null && v3Nodes.has(a.node.id));
  assert.ok(fromV3.length > 0, `alarms raised from v3 traps: ${JSON.stringify(alarms.map((a) => `${a.code}@${a.node?.id}`))}`);
});
