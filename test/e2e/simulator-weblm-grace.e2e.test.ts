import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from '../helpers/eventually.js';
import { getJson } from '../helpers/http-json.js';
import { simulateUntil, startSimStackFor } from '../helpers/sim-stack.js';
import { DEFAULT_SCENARIO_OPTIONS } from '../../simulator/simulate.js';

test('simulate weblm-grace: WebLM unreachable puts the Primary in WebLM Error, and the time-scaled grace expires into WebLM Restricted', async (t) => {
  const sim = await startSimStackFor(t, 'weblm-grace');
  const primary = sim.fleet.nodes.find((n) => n.licenceSource === 'weblm')!;
  const url = sim.stack.httpUrl;
  // Until the 30 days of grace are counted down (about 7 s; a busy machine needs longer), not a fixed duration that may end first.
  const run = sim.simulate({ ...simulateUntil(t, ({ sent }) => sent.licence >= 30, 60), timeScale: 1, scenarioOptions: { ...DEFAULT_SCENARIO_OPTIONS, secondsPerGraceDay: 0.15 } });

  await eventually(async () => {
    const { alarms } = await getJson(`${url}/api/v1/alarms?node=${primary.id}&state=open&limit=100`);
    const grace = alarms.find((a: { code: string }) => a.code === 'licence.grace');
    assert.ok(grace, JSON.stringify(alarms.map((a: { code: string }) => a.code)));
    assert.match(grace.text, /WebLM Error/);
  }, { message: 'the LKS Comms Failure should start the WebLM Error grace' });

  const node = await eventually(async () => {
    const view = await getJson(`${url}/api/v1/licences/${primary.id}`);
    const licence = view.licence.tracks.find((track: { track: string }) => track.track === 'licence');
    assert.equal(licence.mode.id, 'weblm-restricted');
    return view;
  }, { timeoutMs: 60_000, intervalMs: 200, message: 'the grace should run out into WebLM Restricted' });
  const [expiry, entry] = node.transitions as Array<{ fromMode: string; toMode: string; cause: string }>;
  assert.deepEqual([expiry!.fromMode, expiry!.toMode, expiry!.cause], ['weblm-error', 'weblm-restricted', 'grace-expired']);
  assert.deepEqual([entry!.fromMode, entry!.toMode, entry!.cause], ['weblm-normal', 'weblm-error', 'licence-server-link-down']);
  await eventually(async () => {
    const { alarms } = await getJson(`${url}/api/v1/alarms?node=${primary.id}&state=open&limit=100`);
    const lost = alarms.find((a: { code: string }) => a.code === 'licence.features-lost');
    assert.ok(lost, JSON.stringify(alarms.map((a: { code: string }) => a.code)));
    assert.equal(lost.severity, 'critical');
  }, { message: 'WebLM Restricted should raise the critical features-lost alarm' });
  const report = await run;
  assert.ok(report.sent.licence >= 30, `a day of grace at a time: ${report.sent.licence}`);
  assert.equal(report.failures.licence, 0, report.lastError ?? '');
});
