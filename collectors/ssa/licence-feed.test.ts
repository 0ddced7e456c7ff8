import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedReplay } from '../../src/licence/test-catalogue.js';
import { seedTable, ssaHarness } from './test-support.js';

// The licence engine reads stored events (Pipeline.addListener) by their text, severity and licenceType: this
// checks that what the SSA collector emits for the seed's tables drives it as the seed describes (001:1137-1180).
test('the SSA collector feeds the licence engine: the seed tables take a WebLM node into License Configuration Error and back', async () => {
  const replay = shippedReplay([{ id: 'pri', role: 'primary', licenceSource: 'weblm' }]);
  const ssa = ssaHarness();
  const post = async (n: 1 | 2 | 3) => {
    const before = ssa.events.length;
    await ssa.ingest.ingest({ body: seedTable(n, 'csv'), via: 'api', sourceAddress: '192.0.2.7', node: 'hq-primary' });
    for (const event of ssa.events.slice(before)) replay.send('pri', { ...event, nodeId: 'pri' });
  };

  await post(1);
  const state = replay.engine.get('pri', 'licence');
  assert.equal(state?.mode, 'license-configuration-error');
  assert.deepEqual([...new Set(state?.shortages.map((s) => s.licenceType))].sort(), ['Avaya Softphone', 'CTI Link Pro', 'Maximum SIP Trunk Sessions']);

  await post(2);
  assert.equal(replay.engine.get('pri', 'licence')?.mode, 'license-configuration-error');
  assert.deepEqual([...new Set(replay.engine.get('pri', 'licence')?.shortages.map((s) => s.licenceType))], ['Avaya Softphone'], 'the CTI and SIP alarms went black');

  await post(3);
  assert.equal(replay.engine.get('pri', 'licence')?.mode, 'weblm-normal');
  assert.deepEqual(replay.engine.get('pri', 'licence')?.shortages, []);
});
