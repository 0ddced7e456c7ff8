import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testFleet } from './test-fleet.js';
import { fleetSchema } from './fleet-schema.js';

/** `path: message` for every issue, for compact assertions. */
function problems(input: unknown): string[] {
  const result = fleetSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

function site(nodes: unknown[]) {
  return { customers: [{ id: 'acme', name: 'Acme', sites: [{ id: 'hq', name: 'HQ', timeZone: 'Europe/London', nodes }] }] };
}

test('a valid fleet parses, with licenceSource defaulting to nodal', () => {
  const parsed = fleetSchema.parse(testFleet());
  assert.equal(parsed.customers[1]?.sites[0]?.nodes[0]?.licenceSource, 'nodal');
});

test('site ids may repeat across customers but not within one', () => {
  assert.deepEqual(problems(testFleet()), []);
  const fleet = testFleet();
  fleet.customers[0]!.sites.push({ id: 'hq', name: 'Second HQ', timeZone: 'UTC', nodes: [] });
  assert.deepEqual(problems(fleet), ['customers.0.sites.2.id: site id "hq" is already used by site "Head office" of this customer']);
});

test('host names and device ids are unique across the fleet, host names ignoring case', () => {
  const fleet = testFleet();
  const borealis = fleet.customers[1]!.sites[0]!.nodes[0]!;
  borealis.hostnames = ['acme-hq-pri'];
  borealis.deviceId = '00E0071A2B';
  assert.deepEqual(problems(fleet), [
    'customers.1.sites.0.nodes.0.hostnames.0: hostname "acme-hq-pri" is already used by node "acme-hq-primary"',
    'customers.1.sites.0.nodes.0.deviceId: deviceId "00E0071A2B" is already used by node "acme-hq-secondary"',
  ]);
});

test('an address listed twice on one node is reported as such', () => {
  assert.deepEqual(problems(site([{ id: 'a', name: 'A', role: 'standalone', addresses: ['2001:db8::1', '2001:DB8:0::1'] }])), [
    'customers.0.sites.0.nodes.0.addresses.1: address 2001:DB8:0::1 (2001:db8::1) is listed twice on this node',
  ]);
});

test('cards, slots, modules, expansion ports and port ids are unique where they live', () => {
  const node = {
    id: 'ipo',
    name: 'IP500 V2',
    role: 'ip500v2',
    addresses: ['10.0.0.1'],
    cards: [
      { id: 'c1', slot: 1, type: 'DS16B2', ports: [{ id: '1' }, { id: '1' }] },
      { id: 'c1', slot: '1', type: 'VCM64' },
    ],
    modules: [
      { id: 'm1', expansionPort: 3, type: 'DS30B2' },
      { id: 'm1', expansionPort: 3, type: 'ATM16' },
    ],
  };
  assert.deepEqual(problems(site([node])), [
    'customers.0.sites.0.nodes.0.cards.0.ports.1.id: port id "1" is already used on card "c1"',
    'customers.0.sites.0.nodes.0.cards.1.id: card id "c1" is already used on this node',
    'customers.0.sites.0.nodes.0.cards.1.slot: slot 1 is already used by card "c1"',
    'customers.0.sites.0.nodes.0.modules.1.id: module id "m1" is already used on this node',
    'customers.0.sites.0.nodes.0.modules.1.expansionPort: expansion port 3 is already used by module "m1"',
  ]);
});

test('cross-checks still run when other fields are invalid, so one message has everything', () => {
  const nodes = [
    { id: 'a', name: 'A', role: 'primry', addresses: ['10.0.0.1'] },
    { id: 'b', name: 'B', role: 'secondary', addresses: ['10.0.0.1', 'nonsense'] },
  ];
  assert.deepEqual(problems(site(nodes)), [
    'customers.0.sites.0.nodes.0.role: Invalid option: expected one of "primary"|"secondary"|"expansion"|"application-server"|"ip500v2"|"standalone"',
    'customers.0.sites.0.nodes.1.addresses.1: Invalid input',
    'customers.0.sites.0.nodes.1.addresses.0: address 10.0.0.1 is already used by node "a"',
  ]);
});

test('malformed shapes do not break the cross-checks', () => {
  for (const input of [null, 'fleet', { customers: 'x' }, { customers: [null, { sites: [{ nodes: [{ addresses: 'x', cards: [null] }] }] }] }]) {
    assert.ok(problems(input).length > 0);
  }
});

test('an invalid time zone is refused', () => {
  const fleet = testFleet();
  fleet.customers[0]!.sites[0]!.timeZone = 'Europe/Londn';
  assert.deepEqual(problems(fleet), ['customers.0.sites.0.timeZone: expected an IANA time zone such as "Europe/London"']);
});
