import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fleetSchema } from '../../src/fleet/fleet-schema.js';
import { FleetIndex } from '../../src/fleet/fleet-index.js';
import { alarmOf, hostnamedFleet, indexOf, memoryBenchHost, missingAlarms } from './fleet.js';

test('the 2,000-node fleet is valid and every node is found by its hostname', () => {
  const fleet = new FleetIndex(fleetSchema.parse(hostnamedFleet(2000)));
  assert.equal(fleet.nodes().length, 2000);
  assert.equal(fleet.resolve({ sourceAddress: '127.0.0.1', hostname: memoryBenchHost(1234) })?.nodeId, 'node-1234');
  assert.equal(fleet.resolve({ sourceAddress: '127.0.0.1' }), null);
});

test('alarm indices map to node and trunk and back', () => {
  assert.deepEqual(alarmOf(0, 2000), { node: 0, trunk: 1 });
  assert.deepEqual(alarmOf(2001, 2000), { node: 1, trunk: 2 });
  for (const i of [0, 1, 1999, 2000, 99_999]) {
    const { node, trunk } = alarmOf(i, 2000);
    assert.equal(indexOf(`node-${node}`, trunk, 2000), i);
  }
  assert.equal(indexOf('acme-hq', 1, 2000), null);
  assert.equal(indexOf(null, 1, 2000), null);
  assert.equal(indexOf('node-5', null, 2000), null);
  assert.equal(indexOf('node-2000', 1, 2000), null);
});

test('missingAlarms lists what a seeding round must send again', () => {
  assert.deepEqual(missingAlarms(6, [0, 2, 2, 5, 9, -1]), [1, 3, 4]);
  assert.deepEqual(missingAlarms(3, [0, 1, 2]), []);
});
