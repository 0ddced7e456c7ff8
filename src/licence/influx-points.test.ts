import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toLine } from '../sinks/influxdb/line-protocol.js';
import { DAY_MS } from './escalation.js';
import { licencePoints } from './influx-points.js';
import { shippedReplay } from './test-catalogue.js';

test('ipo_licence: one point per node (licence track) with mode, days remaining and fully licensed (false in a grace)', () => {
  const replay = shippedReplay([
    { id: 'v2', role: 'ip500v2', licenceSource: 'subscription', customer: 'bor' },
    { id: 'pri', role: 'primary', licenceSource: 'weblm', customer: 'acme' },
  ]);
  replay.send('v2', { source: 'snmp', code: 'snmp.ipo.lks', severity: 'major', text: 'LKS failure' });
  const at = replay.now() + 2 * DAY_MS;
  const lines = licencePoints(replay.engine.list(), replay.fleet, replay.engine.catalogue, at).map((point) => toLine('licence', point));
  assert.deepEqual(lines.sort(), [
    `ipo_licence,customer=acme,licence_source=weblm,node=pri,site=hq licensed=T,mode="weblm-normal" ${at}000000`,
    `ipo_licence,customer=bor,licence_source=subscription,node=v2,site=hq days_remaining=28i,licensed=F,mode="subscription-grace" ${at}000000`,
  ]);
});

test('the engine reports changed states for the points: all at start and every hour, each change as it happens', () => {
  const seen: string[] = [];
  const replay = shippedReplay([{ id: 'v2', role: 'ip500v2', licenceSource: 'subscription' }], {
    onChange: (states) => seen.push(states.map((state) => `${state.track}:${state.mode}`).join(',')),
  });
  assert.deepEqual(seen, ['licence:subscription-normal']);
  replay.send('v2', { source: 'snmp', code: 'snmp.ipo.lks', severity: 'major', text: 'LKS failure' });
  assert.deepEqual(seen.slice(1), ['licence:subscription-grace']);
  replay.advance(DAY_MS);
  // 24 hourly samples, plus the daily reminder's change (days remaining 29).
  assert.equal(seen.length, 2 + 24 + 1);
});
