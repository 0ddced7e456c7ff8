import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLicenceConfiguration, type LicenceConfigNode } from './config-checks.js';

const node = (id: string, role: LicenceConfigNode['role'], licenceSource: LicenceConfigNode['licenceSource'], customerId = 'acme'): LicenceConfigNode => ({ id, name: id.toUpperCase(), role, customerId, licenceSource });

test('a subscription Server Edition with the link on its Primary, and an SCN whose IP500 V2s each have one, are consistent', () => {
  assert.deepEqual(
    checkLicenceConfiguration([
      node('pri', 'primary', 'subscription'),
      node('sec', 'secondary', 'server-edition-central'),
      node('exp', 'expansion', 'server-edition-central'),
      node('v2a', 'ip500v2', 'subscription', 'bor'),
      node('v2b', 'ip500v2', 'subscription', 'bor'),
      node('lone', 'standalone', 'nodal', 'bor'),
    ]),
    [],
  );
});

test('each check, with the seed line it rests on; customers are checked apart', () => {
  const findings = checkLicenceConfiguration([
    node('pri', 'primary', 'weblm'),
    node('app', 'application-server', 'subscription'),
    node('v2a', 'ip500v2', 'subscription', 'bor'),
    node('v2b', 'ip500v2', 'nodal', 'bor'),
    node('v2c', 'ip500v2', 'nodal', 'cyan'),
  ]);
  assert.deepEqual(
    findings.map((f) => [f.check, f.nodeId, f.references]),
    [
      ['se-link-on-non-primary', 'app', ['000:8']],
      ['se-primary-without-link', 'pri', ['000:8']],
      ['scn-ip500v2-without-own-link', 'v2b', ['000:6']],
    ],
  );
  assert.equal(findings[2]?.message, 'V2B is an IP500 V2 of an SCN with licence source "nodal" while V2A is on subscription: each IP500 V2 of an SCN needs its own License Server Link');
});
