import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FleetIndex } from './fleet-index.js';
import { testFleet, testNode } from './test-fleet.js';

test('resolves by source address, including IPv4-mapped IPv6 and other IPv6 spellings', () => {
  const fleet = new FleetIndex(testFleet());
  assert.deepEqual(fleet.resolve({ sourceAddress: '10.0.0.10' }), {
    nodeId: 'acme-hq-primary',
    siteId: 'hq',
    customerId: 'acme',
    node: fleet.node('acme-hq-primary')?.node,
  });
  assert.equal(fleet.resolve({ sourceAddress: '::ffff:192.0.2.20' })?.nodeId, 'borealis-ipo');
  assert.equal(fleet.resolve({ sourceAddress: '2001:DB8:0::10' })?.nodeId, 'acme-hq-primary');
});

test('the address wins over device id and host name', () => {
  const fleet = new FleetIndex(testFleet());
  const resolved = fleet.resolve({ sourceAddress: '10.1.0.10', deviceId: '00E0071A2B', hostname: 'ACME-HQ-PRI' });
  assert.equal(resolved?.nodeId, 'acme-branch');
});

test('an unknown address falls back to device id, then to host name (case-insensitive)', () => {
  const fleet = new FleetIndex(testFleet());
  assert.equal(fleet.resolve({ sourceAddress: '172.16.0.1', deviceId: '00E0071A2B', hostname: 'ACME-HQ-PRI' })?.nodeId, 'acme-hq-secondary');
  assert.equal(fleet.resolve({ sourceAddress: '172.16.0.1', hostname: 'acme-hq-pri' })?.nodeId, 'acme-hq-primary');
  assert.equal(fleet.resolve({ sourceAddress: '172.16.0.1', deviceId: 'XXXXXXXXXX', hostname: 'Acme-HQ-Pri.' })?.nodeId, 'acme-hq-primary');
});

test('an unknown sender resolves to null', () => {
  const fleet = new FleetIndex(testFleet());
  assert.equal(fleet.resolve({ sourceAddress: '172.16.0.1' }), null);
  assert.equal(fleet.resolve({ sourceAddress: '172.16.0.1', hostname: 'elsewhere', deviceId: 'XXXXXXXXXX' }), null);
});

test('node() and nodes() give the node with its site and customer, in config order', () => {
  const fleet = new FleetIndex(testFleet());
  const row = fleet.node('borealis-ipo');
  assert.equal(row?.site.name, 'Warehouse');
  assert.equal(row?.customer.name, 'Borealis Logistics');
  assert.equal(fleet.node('nope'), undefined);
  assert.deepEqual(
    fleet.nodes().map(({ node, site, customer }) => `${customer.id}/${site.id}/${node.id}`),
    ['acme/hq/acme-hq-primary', 'acme/hq/acme-hq-secondary', 'acme/branch/acme-branch', 'borealis/hq/borealis-ipo'],
  );
});

test('node ids of a site (of every customer with that site id) and of a customer', () => {
  const fleet = new FleetIndex(testFleet());
  assert.deepEqual(fleet.nodeIdsOfSite('hq'), ['acme-hq-primary', 'acme-hq-secondary', 'borealis-ipo']);
  assert.deepEqual(fleet.nodeIdsOfSite('branch'), ['acme-branch']);
  assert.deepEqual(fleet.nodeIdsOfSite('nope'), []);
  assert.deepEqual(fleet.nodeIdsOfCustomer('acme'), ['acme-hq-primary', 'acme-hq-secondary', 'acme-branch']);
  assert.deepEqual(fleet.nodeIdsOfCustomer('nope'), []);
});

test('returned id lists are copies: callers may change them', () => {
  const fleet = new FleetIndex(testFleet());
  fleet.nodeIdsOfCustomer('acme').push('intruder');
  assert.deepEqual(fleet.nodeIdsOfCustomer('acme'), ['acme-hq-primary', 'acme-hq-secondary', 'acme-branch']);
});

test('an empty fleet resolves nothing', () => {
  const fleet = new FleetIndex({ customers: [] });
  assert.equal(fleet.resolve({ sourceAddress: '10.0.0.10' }), null);
  assert.deepEqual(fleet.nodes(), []);
});

test('should a duplicate reach the index unvalidated, the first node listed wins', () => {
  const config = testFleet();
  config.customers[1]!.sites[0]!.nodes.push(testNode('late', ['10.0.0.10']), testNode('acme-hq-primary', ['10.9.9.9']));
  const fleet = new FleetIndex(config);
  assert.equal(fleet.resolve({ sourceAddress: '10.0.0.10' })?.nodeId, 'acme-hq-primary');
  assert.equal(fleet.node('acme-hq-primary')?.customer.id, 'acme');
  assert.equal(fleet.resolve({ sourceAddress: '10.9.9.9' }), null);
});
