import type { FleetConfig, NodeConfig } from './fleet-schema.js';

/** A node with only the required fields set, for tests. */
export function testNode(id: string, addresses: string[], extra: Partial<NodeConfig> = {}): NodeConfig {
  return { id, name: id, role: 'standalone', addresses, licenceSource: 'nodal', ...extra };
}

/** Two customers that both have a site called "hq", as real fleets do. */
export function testFleet(): FleetConfig {
  return {
    customers: [
      {
        id: 'acme',
        name: 'Acme Dental',
        sites: [
          {
            id: 'hq',
            name: 'Head office',
            timeZone: 'Europe/London',
            nodes: [
              testNode('acme-hq-primary', ['10.0.0.10', '2001:db8::10'], { role: 'primary', hostnames: ['ACME-HQ-PRI'] }),
              testNode('acme-hq-secondary', ['10.0.0.11'], { role: 'secondary', deviceId: '00E0071A2B' }),
            ],
          },
          { id: 'branch', name: 'Branch', timeZone: 'Europe/London', nodes: [testNode('acme-branch', ['10.1.0.10'])] },
        ],
      },
      {
        id: 'borealis',
        name: 'Borealis Logistics',
        sites: [{ id: 'hq', name: 'Warehouse', timeZone: 'America/Toronto', nodes: [testNode('borealis-ipo', ['192.0.2.20'])] }],
      },
    ],
  };
}
