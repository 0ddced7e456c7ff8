import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FleetIndex } from '../fleet/fleet-index.js';
import { loadConfigFile } from './load.js';

const EXAMPLE = fileURLToPath(new URL('../../config/example.yaml', import.meta.url));

test('config/example.yaml validates and describes the documented fleet', () => {
  const config = loadConfigFile(EXAMPLE);
  assert.deepEqual(config.server.http, { listenAddress: '127.0.0.1', port: 8080, trustedProxies: [] });
  assert.equal(config.collectors.syslog.udp.port, 5514);
  assert.equal(config.collectors.snmp.traps.port, 1162);

  const fleet = new FleetIndex(config.fleet);
  assert.deepEqual(
    fleet.nodes().map(({ node, site, customer }) => [customer.name, site.id, node.role, node.addresses]),
    [
      ['Acme Dental', 'hq', 'primary', ['10.0.0.10']],
      ['Acme Dental', 'hq', 'secondary', ['10.0.0.11']],
      ['Acme Dental', 'hq', 'expansion', ['10.0.0.12']],
      ['Borealis Logistics', 'warehouse', 'standalone', ['192.0.2.20']],
    ],
  );
  assert.ok((fleet.node('acme-hq-expansion')?.node.cards ?? []).length > 0, 'the IP500 V2 expansion lists its cards');
});
