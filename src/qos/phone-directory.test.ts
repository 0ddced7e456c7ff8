import assert from 'node:assert/strict';
import { it } from 'node:test';
import { FleetIndex } from '../fleet/fleet-index.js';
import { fleetSchema } from '../fleet/fleet-schema.js';
import { createPhoneDirectory } from './phone-directory.js';

const fleet = new FleetIndex(
  fleetSchema.parse({
    customers: [{ id: 'acme', name: 'Acme', sites: [{ id: 'hq', name: 'HQ', timeZone: 'Europe/London', nodes: [
      { id: 'a', name: 'A', role: 'ip500v2', addresses: ['192.0.2.10'] },
      { id: 'b', name: 'B', role: 'ip500v2', addresses: ['192.0.2.11'] },
    ] }] }],
  }),
);

it('finds phones by address and by node and extension, and sees a new poll after at most 5 s', () => {
  let now = 0;
  const inventories = new Map<string, object>([
    ['a', { polledAt: 1, phones: [{ extension: '201', userLong: 'Anna Smith', userShort: 'Anna', type: '9611', ipAddress: '10.0.0.51' }, { extension: '209', userShort: 'Idle', ipAddress: '0.0.0.0' }] }],
    ['b', { polledAt: 1, phones: 'not a table' }],
  ]);
  const directory = createPhoneDirectory(fleet, (id) => inventories.get(id) ?? null, { now: () => now });
  assert.deepEqual(directory.byAddress('::ffff:10.0.0.51'), { nodeId: 'a', extension: '201', user: 'Anna Smith', type: '9611', address: '10.0.0.51' });
  assert.equal(directory.byAddress('0.0.0.0'), null);
  assert.equal(directory.byExtension('a', '209')?.user, 'Idle');
  assert.equal(directory.byExtension('b', '201'), null);

  inventories.set('b', { polledAt: 2, phones: [{ extension: '301', ipAddress: '10.0.1.7' }] });
  assert.equal(directory.byAddress('10.0.1.7'), null, 'not rebuilt within 5 s');
  now = 5000;
  assert.equal(directory.byAddress('10.0.1.7')?.nodeId, 'b');
});
