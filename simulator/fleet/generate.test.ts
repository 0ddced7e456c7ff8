import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { fleetSchema } from '../../src/fleet/fleet-schema.js';
import { FleetIndex } from '../../src/fleet/fleet-index.js';
import { configSchema } from '../../src/config/schema.js';
import { simStackConfig } from '../stack-config.js';
import { fleetSection, fleetYaml } from './fleet-config.js';
import { DEFAULT_SIZES, generateFleet, STORM_77721_SIZES } from './generate.js';
import { solutionOf } from './sim-fleet.js';

const SIZES = { ...DEFAULT_SIZES, customers: 4, sitesPerCustomer: 3, seSolutions: 2, expansionsPerSolution: 2, ip500v2Systems: 9, phonesPerNode: 5 };

test('the generated fleet is a valid fleet: section, and a complete stack configuration validates too', () => {
  const fleet = generateFleet(7, SIZES);
  const parsed = fleetSchema.safeParse(fleetSection(fleet));
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3)));
  const config = simStackConfig(fleet, { dataDir: '/tmp/x', httpPort: 0, ports: { syslog: 0, syslogTcp: 0, snmp: 0, rtcp: 0 }, ssaToken: 'simulator-token-0123456789' });
  const full = configSchema.safeParse(config);
  assert.ok(full.success, JSON.stringify(full.error?.issues.slice(0, 3)));
  assert.deepEqual(parse(fleetYaml(fleet)).fleet, fleetSection(fleet), 'the written YAML reads back as the same section');
});

test('sizes are honoured: customers, sites, solutions with Primary, Secondary and Expansions, IP500 V2s, phones', () => {
  const fleet = generateFleet(7, SIZES);
  assert.equal(fleet.customers.length, 4);
  assert.ok(fleet.customers.every((customer) => customer.sites.length === 3));
  const roles = (role: string) => fleet.nodes.filter((node) => node.role === role).length;
  assert.deepEqual([roles('primary'), roles('secondary'), roles('expansion'), roles('ip500v2')], [2, 2, 4, 9]);
  assert.equal(fleet.nodes.length, 2 * 4 + 9);
  assert.ok(fleet.nodes.every((node) => node.phones.length === 5));
  for (const node of fleet.nodes.filter((n) => n.platform === 'ip500v2')) assert.ok(node.cards.some((card) => card.type === 'PRI-U'), node.id);
});

test('every system has its own loopback address, device id and host name, and the index resolves each to it', () => {
  const fleet = generateFleet(3, SIZES);
  const index = new FleetIndex(fleetSchema.parse(fleetSection(fleet)));
  for (const field of ['id', 'address', 'deviceId', 'hostname', 'phonePrefix'] as const) {
    assert.equal(new Set(fleet.nodes.map((node) => node[field])).size, fleet.nodes.length, `${field} unique`);
  }
  for (const node of fleet.nodes) {
    assert.match(node.address, /^127\.1\.\d+\.\d+$/);
    assert.equal(index.resolve({ sourceAddress: node.address })?.nodeId, node.id);
    assert.equal(index.resolve({ sourceAddress: '192.0.2.1', deviceId: node.deviceId })?.nodeId, node.id);
  }
});

test('a solution\'s Primary is backed up by its Secondary and has IP Office Lines to it and to its Expansions', () => {
  const fleet = generateFleet(3, SIZES);
  const primary = fleet.nodes.find((node) => node.role === 'primary')!;
  const { secondary, expansions } = solutionOf(fleet, primary.id);
  assert.equal(primary.resilience?.backup?.phones, secondary!.id);
  assert.deepEqual(primary.resilience?.lines, [secondary!.id, ...expansions.map((node) => node.id)]);
  assert.equal(primary.licenceSource, 'weblm');
  assert.ok(expansions.every((node) => node.licenceSource === 'server-edition-central' && node.resilience?.lines?.includes(primary.id)));
});

test('the same seed gives the same fleet; another seed another one', () => {
  assert.deepEqual(generateFleet(42, SIZES), generateFleet(42, SIZES));
  assert.notDeepEqual(fleetSection(generateFleet(42, SIZES)), fleetSection(generateFleet(43, SIZES)));
});

test('the IPOFFICE-77721 storm fleet: 500 IP500 V2 systems on 9.1 with 12,000 users, valid', () => {
  const fleet = generateFleet(1, STORM_77721_SIZES);
  assert.equal(fleet.nodes.length, 500);
  assert.equal(fleet.nodes.reduce((n, node) => n + node.phones.length, 0), 12_000);
  assert.ok(fleet.nodes.every((node) => node.role === 'ip500v2' && node.version.startsWith('9.1')));
  assert.ok(fleetSchema.safeParse(fleetSection(fleet)).success);
});

test('impossible sizes are refused with a coded error naming the size', () => {
  assert.throws(() => generateFleet(1, { ...SIZES, customers: 0 }), { code: 'IPO_ERR_BAD_REQUEST', message: /customers/ });
  assert.throws(() => generateFleet(1, { ...SIZES, phonesPerNode: 251 }), { code: 'IPO_ERR_BAD_REQUEST', message: /phonesPerNode/ });
  assert.throws(() => generateFleet(1, { ...SIZES, seSolutions: 0, ip500v2Systems: 0 }), { code: 'IPO_ERR_BAD_REQUEST', message: /0 systems/ });
});
