import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineHarness } from '../../test/fakes/engine-harness.js';
import { loadKnownIssueRules, SHIPPED_RULES_DIR } from '../../src/correlation/known-issue-rules.js';
import type { Decision } from '../../src/correlation/decision.js';
import { seedTable, ssaHarness, ssaTestFleet } from './test-support.js';

const rules = loadKnownIssueRules(SHIPPED_RULES_DIR);

/** The SSA collector feeding the whole engine with the shipped known-issue catalogue, as in production. */
function stack() {
  const engine = engineHarness({ fleet: ssaTestFleet(), rules: () => rules.matcher });
  const ssa = ssaHarness();
  const decisions: Decision[] = [];
  const post = async (body: Buffer | string, query: { node?: string; list?: string } = { node: 'hq-primary' }) => {
    const before = ssa.events.length;
    const outcome = await ssa.ingest.ingest({ body: Buffer.from(body), via: 'api', sourceAddress: '192.0.2.7', ...query });
    assert.notEqual(outcome.status, 'refused', JSON.stringify(outcome));
    for (const event of ssa.events.slice(before)) decisions.push(engine.feed(event).decision);
  };
  const alarm = (text: string | RegExp) => {
    const found = engine.store.listAlarms({ limit: 100 }).filter((a) => (typeof text === 'string' ? a.text.startsWith(text) : text.test(a.text)));
    assert.equal(found.length, 1, `one alarm for ${String(text)}`);
    return found[0]!;
  };
  return { engine, post, alarm, decisions };
}

// The third table spells it "License Types:" (001:1187); it is still the same alarm.
const CTI = /^Attempt to use a feature for which no license is installed\. License Types?: CTI Link Pro$/;
const SOFTPHONE = 'Attempt to use a feature for which no license is installed. License Type: Avaya Softphone';

test('the three Service Alarms tables become alarms with the occurrences and states the seed shows: CTI Link Pro 4 → 22 → 47', async () => {
  const { engine, post, alarm } = stack();
  await post(seedTable(1, 'csv'));
  assert.equal(engine.store.countAlarmsByState().active, 8);
  assert.deepEqual([alarm(CTI).occurrences, alarm('WebLM Server Error').occurrences], [4, 4]);

  await post(seedTable(2, 'csv'));
  const cti = alarm(CTI);
  assert.deepEqual([cti.occurrences, cti.state], [22, 'cleared']);
  assert.deepEqual([alarm('WebLM Server Error').occurrences, alarm('WebLM Server Error').state], [6, 'active']);
  assert.equal(alarm('SIP Channel License Exceeded').state, 'cleared');
  assert.equal(alarm('There are insufficient licenses for this configuration. License Type: CTI').state, 'cleared');
  assert.equal(alarm(SOFTPHONE).state, 'active');
  assert.equal(alarm('Failed to load HOLD Music').occurrences, 1, '"Hold Music" in the second table is the same alarm');

  await post(seedTable(3, 'csv'));
  const ctiAfter = alarm(CTI);
  assert.deepEqual([ctiAfter.occurrences, ctiAfter.state], [47, 'cleared']);
  assert.deepEqual(engine.store.alarmTransitions(ctiAfter.id).map((t) => t.kind), ['raised', 'cleared', 'reopened', 'cleared']);
  assert.deepEqual([alarm('WebLM Server Error').occurrences, alarm('WebLM Server Error').state], [7, 'cleared']);
  const open = engine.store.listAlarms({ open: true, limit: 100 });
  assert.deepEqual(open.map((a) => [a.category, a.text]), [['Applications', 'Failed to load HOLD Music source file Source Name: Primary']]);

  // Known issues annotate the alarms they explain.
  const annotated = (text: string) => alarm(text).annotations.map((a) => a.key);
  assert.deepEqual(annotated('WebLM Server Error'), ['caveat-weblm-select-error-side-effect']);
  assert.deepEqual(annotated('License Configuration Error'), ['caveat-weblm-all-or-nothing-licences']);
  assert.deepEqual(annotated(SOFTPHONE), ['caveat-avaya-softphone-licence-enable-communicator']);

  await post(seedTable(3, 'csv'));
  assert.equal(alarm(CTI).occurrences, 47, 'a replay changes nothing');
});

test('IPOFFICE-81276: four cleared SE licence alarms in the first snapshot after a Select restart are benign, and raise nothing', async () => {
  const { engine, post, decisions } = stack();
  const rows = [
    'There are insufficient licenses for this configuration. License Type: Server Edition',
    'There are insufficient licenses for this configuration. License Type: Server Edition Virtual',
    'License Configuration Error: There are insufficient licenses for the current configuration',
    'Attempt to use a feature for which no license is installed. License Type: Essential Edition',
  ].map((text) => `21/01/2026 09:58:0${text.length % 10}\t1\t${text}\tblack`);
  await post(`Service Alarms\nLast Date Of Error\tOccurrences\tError Description\tState\n${rows.join('\n')}\n`);
  assert.equal(decisions.length, 4);
  for (const decision of decisions) {
    assert.deepEqual([decision.event.severity, decision.event.category, decision.event.attributes['ssaChange']], ['cleared', 'License', 'new-cleared']);
    assert.ok(decision.matches.some((m) => m.ruleId === 'ipoffice-81276-select-restart-cleared-licence-alarms' && m.effect === 'benign'), JSON.stringify(decision.matches));
  }
  assert.equal(engine.store.listAlarms({ limit: 10 }).length, 0);
  assert.equal(engine.store.listNotifications({ limit: 10 }).length, 0);
});

test('IPOFFICE-73661 and IPOFFICE-111042: TLS alarms on port 411 and the DevLink3 licence alarm raise alarms whose notifications are held as benign', async () => {
  const { engine, post } = stack();
  await post('Security Alarms\nLast Date Of Error\tOccurrences\tError Description\n21/01/2026 09:00:00\t3\tTLS connection failure from 192.168.42.31 port 411\n');
  await post('Service Alarms\nLast Date Of Error\tOccurrences\tError Description\n21/01/2026 09:00:00\t1\t"Attempt to use a feature for which no license is installed" License Type:DevLink3 External Recorder"\n');
  const alarms = engine.store.listAlarms({ limit: 10 });
  assert.deepEqual(alarms.map((a) => [a.code, a.occurrences]).sort(), [
    ['ssa.security.security.tls', 3],
    ['ssa.service.licence.feature-not-licensed', 1],
  ]);
  const notifications = engine.store.listNotifications({ limit: 10 });
  assert.equal(notifications.length, 2);
  for (const n of notifications) {
    assert.equal(n.status, 'held');
    assert.match(n.reason, /benign known issue IPOFFICE-(73661|111042)/);
  }
});
