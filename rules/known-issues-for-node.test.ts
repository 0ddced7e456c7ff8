import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knownIssuesForNode } from './known-issues-for-node.js';
import { loadKnownIssues } from './load.js';

const catalogue = loadKnownIssues('rules/known-issues.yaml');

test('a 10.0 Application Server is exposed to the Application Server issues, with their kind and releases', () => {
  const exposures = knownIssuesForNode(catalogue, { role: 'application-server', version: '10.0.0.0 build 542', licenceSource: 'nodal' });
  const loop = exposures.find((exposure) => exposure.vendorId === 'IPOFFICE-110375');
  assert.deepEqual(loop, {
    ruleId: 'ipoffice-110375-app-server-syslog-loopback-loop',
    vendorId: 'IPOFFICE-110375',
    title: loop?.title,
    tier: 'M',
    matchKind: 'event',
    workaround: loop?.workaround,
    references: ['001:255'],
    releases: ['10.0'],
    certainty: 'exposed',
    unchecked: [],
  });
  assert.ok(exposures.some((exposure) => exposure.ruleId === 'ipoffice-110663-app-server-one-x-resiliency-dns'));
  assert.ok(exposures.every((exposure) => exposure.certainty === 'exposed'));
  assert.ok(!exposures.some((exposure) => exposure.ruleId === 'ipoffice-110586-backup-sftp-host-key'), 'the backup issue is the Primary\'s');
  assert.ok(!exposures.some((exposure) => exposure.releases.includes('9.1')), 'no 9.1 issue applies to 10.0');
});

test('licence source rules a node in or out: WebLM issues only for WebLM nodes', () => {
  const weblm = knownIssuesForNode(catalogue, { role: 'primary', version: '10.0.0.0 build 542', licenceSource: 'weblm' }).map((exposure) => exposure.ruleId);
  const nodal = knownIssuesForNode(catalogue, { role: 'primary', version: '10.0.0.0 build 542', licenceSource: 'nodal' }).map((exposure) => exposure.ruleId);
  assert.ok(weblm.includes('ipoffice-111618-system-id-changed-weblm'));
  assert.ok(!nodal.includes('ipoffice-111618-system-id-changed-weblm'));
});

test('inventory-only issues are listed with matchKind inventory', () => {
  const exposures = knownIssuesForNode(catalogue, { role: 'ip500v2', platform: 'ip500v2', version: '9.0.3.0 build 941', licenceSource: 'nodal' });
  const upgrade = exposures.find((exposure) => exposure.vendorId === 'IPOFFICE-75895');
  assert.equal(upgrade?.matchKind, 'inventory');
  assert.equal(upgrade?.certainty, 'exposed');
});

test('a node without a version, or without a platform, is only possibly exposed, and says which fact is missing', () => {
  const noVersion = knownIssuesForNode(catalogue, { role: 'primary', licenceSource: 'nodal' });
  assert.ok(noVersion.length > 0);
  assert.ok(noVersion.every((exposure) => exposure.certainty === 'possible' && exposure.unchecked.includes('version')));

  const noPlatform = knownIssuesForNode(catalogue, { role: 'ip500v2', version: '9.1.0.0 build 437', licenceSource: 'nodal' });
  const nortel = noPlatform.find((exposure) => exposure.vendorId === 'IPOFFICE-80617');
  assert.deepEqual([nortel?.certainty, nortel?.unchecked], ['possible', ['platform']]);

  const unreadable = knownIssuesForNode(catalogue, { role: 'primary', version: 'latest', licenceSource: 'nodal' });
  assert.deepEqual(unreadable, noVersion, 'an unreadable version counts as missing');
});

test('a node on a release the seeds do not cover is exposed to nothing documented for 9.1 or 10.0 only', () => {
  const exposures = knownIssuesForNode(catalogue, { role: 'primary', version: '11.1.3.0 build 23', licenceSource: 'weblm' });
  assert.deepEqual(exposures, []);
});
