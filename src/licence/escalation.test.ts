import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateYamlText } from '../config/validate-yaml.js';
import { licenceConfigSchema } from './config.js';
import { DAY_MS, daysRemaining, graceSeverity } from './escalation.js';

const policy = licenceConfigSchema.parse({}).escalation;

test('days remaining count as IP Office shows them: 30 on the first day, 1 on the last, 0 once over', () => {
  const expires = 30 * DAY_MS;
  assert.equal(daysRemaining(expires, 0), 30);
  assert.equal(daysRemaining(expires, 1), 30);
  assert.equal(daysRemaining(expires, DAY_MS), 29);
  assert.equal(daysRemaining(expires, expires - 1), 1);
  assert.equal(daysRemaining(expires, expires), 0);
  assert.equal(daysRemaining(expires, expires + DAY_MS), 0);
});

test('the default escalation: minor on entry, major from 7 days left, critical from 1; open-ended graces stay minor', () => {
  assert.deepEqual([30, 8, 7, 2, 1, 0].map((days) => graceSeverity(policy, days)), ['minor', 'minor', 'major', 'major', 'critical', 'critical']);
  assert.equal(graceSeverity(policy, null), 'minor');
  assert.equal(graceSeverity({ onEntry: 'warning', steps: [] }, 1), 'warning');
});

test('licence config: located errors for a repeated step or an unknown severity', () => {
  const yaml = 'escalation:\n  steps:\n    - { daysRemaining: 7, severity: major }\n    - { daysRemaining: 7, severity: loud }\ncheckIntervalSeconds: 0\n';
  assert.throws(
    () => validateYamlText(yaml, 'licence.yaml', licenceConfigSchema, { noun: 'configuration', yamlError: 'IPO_ERR_CONFIG_YAML', invalidError: 'IPO_ERR_CONFIG_INVALID' }),
    (error: Error) => {
      assert.match(error.message, /licence\.yaml:4:\d+ escalation\.steps\[1\]\.severity: expected one of/);
      assert.match(error.message, /licence\.yaml:5:\d+ checkIntervalSeconds: /);
      return true;
    },
  );
  assert.throws(() => licenceConfigSchema.parse({ escalation: { steps: [{ daysRemaining: 7, severity: 'major' }, { daysRemaining: 7, severity: 'critical' }] } }), /7 days remaining is given twice/);
});
