import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codedError, testInvalidFixtures } from '../../test/helpers/invalid-fixtures.js';
import { loadConfigFile, parseConfigText } from './load.js';
import { defaultConfig } from './schema.js';

// Paths are relative to the repository root, where the test runner runs, so
// the file names in the expected messages are the ones a user would type.
const INVALID_DIR = 'src/config/testdata/invalid';
const VALID_DIR = 'src/config/testdata/valid';
const YAML_CASES = new Set(['yaml-syntax-error', 'duplicate-yaml-key']);
testInvalidFixtures({ dir: INVALID_DIR, load: loadConfigFile, yamlCases: YAML_CASES, yamlCode: 'IPO_ERR_CONFIG_YAML', invalidCode: 'IPO_ERR_CONFIG_INVALID' });

test('an unreadable file is IPO_ERR_CONFIG_READ, naming the path and the OS error', () => {
  const missing = codedError(() => loadConfigFile('src/config/testdata/no-such-file.yaml'));
  assert.equal(missing.code, 'IPO_ERR_CONFIG_READ');
  assert.match(missing.message, /^Cannot read configuration file src\/config\/testdata\/no-such-file\.yaml: ENOENT: no such file or directory/);

  const directory = codedError(() => loadConfigFile(VALID_DIR));
  assert.equal(directory.code, 'IPO_ERR_CONFIG_READ');
  assert.match(directory.message, /EISDIR/);
});

test('an empty file, or one with only comments, gives the defaults', () => {
  assert.deepEqual(loadConfigFile(`${VALID_DIR}/minimal.yaml`), defaultConfig());
  assert.deepEqual(parseConfigText('# nothing set yet\n', 'comments.yaml'), defaultConfig());
});

test('full-fleet.yaml: values as written, defaults where left out', () => {
  const config = loadConfigFile(`${VALID_DIR}/full-fleet.yaml`);
  assert.deepEqual(config.server.http, { listenAddress: '::1', port: 9090, trustedProxies: ['::1'] });
  assert.deepEqual(config.storage, { dataDir: './data', retention: { eventsDays: 14, clearedAlarmsDays: 90, auditDays: 365 } });
  assert.equal(config.log.level, 'debug');
  assert.deepEqual(config.pipeline, defaultConfig().pipeline);
  assert.deepEqual(config.collectors, defaultConfig().collectors);

  const [acme, borealis] = config.fleet.customers;
  assert.ok(acme && borealis);
  assert.deepEqual(acme.sites.map((site) => site.id), ['hq', 'branch']);
  const hq = acme.sites[0]!;
  assert.deepEqual(hq.nodes.map((node) => node.role), ['primary', 'secondary', 'expansion', 'application-server']);
  assert.deepEqual(hq.nodes[0], {
    id: 'acme-hq-primary',
    name: 'HQ Primary',
    role: 'primary',
    platform: 'linux-server',
    version: '11.1.3.0 build 23',
    licenceSource: 'weblm',
    addresses: ['10.0.0.10', '2001:db8:10::10'],
    hostnames: ['ACME-HQ-PRI'],
  });
  assert.equal(hq.nodes[2]?.deviceId, '00E0071A2B');
  assert.equal(hq.nodes[3]?.licenceSource, 'nodal', 'licenceSource defaults to nodal');

  const ipo = borealis.sites[0]!.nodes[0]!;
  assert.equal(borealis.sites[0]!.id, 'hq', 'site ids need only be unique within their customer');
  assert.deepEqual(ipo.cards?.map((card) => card.slot), ['1', '2', '4'], 'slots are strings, however YAML typed them');
  assert.deepEqual(ipo.cards?.[0]?.ports, [{ id: '1', name: 'Dispatch desk' }, { id: '2' }]);
  assert.deepEqual(ipo.modules, [
    { id: 'exp1', expansionPort: 1, type: 'DS30B2', name: 'Warehouse floor', ports: [{ id: '1' }] },
    { id: 'exp2', expansionPort: 2, type: 'ATM16' },
  ]);
});

test('a wrong secret is reported without echoing its value', () => {
  const yaml = `fleet:
  customers:
    - id: acme
      name: Acme
      sites:
        - id: hq
          name: HQ
          timeZone: UTC
          nodes:
            - id: n1
              name: N1
              role: primary
              addresses: [10.0.0.1]
              snmp: { communities: [12345] }
`;
  assert.throws(
    () => parseConfigText(yaml, 'secret.yaml'),
    (error: Error) => {
      assert.match(error.message, /fleet\.customers\[0\]\.sites\[0\]\.nodes\[0\]\.snmp\.communities\[0\]: expected .*; got a value that is not shown \(secret\)/);
      assert.ok(!error.message.includes('12345'));
      return true;
    },
  );
});
