import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseConfigText } from '../../src/config/load.js';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { DEFAULT_EMAIL_CONFIG, emailConfigSchema } from './config.js';
import { resolvePassword } from './secrets.js';
import { emailConfigWarnings } from './warnings.js';

const invalid = (yaml: string) => {
  try {
    parseConfigText(yaml, 'config.yaml');
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail('expected the configuration to be refused');
};

test('the defaults: three profiles on the documented categories, the outbox folder, Alertmanager timings', () => {
  const config = emailConfigSchema.parse({});
  assert.deepEqual(config, DEFAULT_EMAIL_CONFIG);
  assert.deepEqual(config.profiles.map((p) => [p.id, p.minSeverity, p.categories]), [
    ['noc', 'major', []],
    ['partner', 'warning', ['License', 'Generic', 'Applications']],
    ['support', 'warning', ['Trunk lines', 'Phone change', 'VCM', 'QoS']],
  ]);
  assert.deepEqual(emailConfigWarnings(config), []);
});

test('a password literal, a missing host and duplicate profile ids are refused with their key paths', () => {
  const message = invalid(`notifiers:
  email:
    transport:
      kind: smtp
      auth: { user: noc, password: hunter2 }
    profiles:
      - { id: noc, name: A, to: [a@example.com] }
      - { id: noc, name: B, to: [not-an-address] }
`);
  assert.match(message, /notifiers\.email\.transport\.host: .*required when kind is smtp/);
  assert.match(message, /notifiers\.email\.transport\.auth\.password: expected no password here: the password is never written in the configuration; use passwordEnv .*; got a value that is not shown \(secret\)/);
  assert.ok(!message.includes('hunter2'), 'the secret is not echoed');
  assert.match(message, /notifiers\.email\.profiles\[1\]\.id: .*used twice/);
  assert.match(message, /notifiers\.email\.profiles\[1\]\.to\[0\]: expected an email address such as noc@example\.com; got "not-an-address"/);
});

test('the password comes from the environment or a file, never the configuration', (t) => {
  const dir = makeTempDir();
  t.after(() => dir.remove());
  assert.equal(resolvePassword({ user: 'u', passwordEnv: 'SMTP_PASS' }, { SMTP_PASS: 's3cret' }), 's3cret');
  assert.throws(() => resolvePassword({ user: 'u', passwordEnv: 'SMTP_PASS' }, {}), { code: 'IPO_ERR_NOTIFIER_CONFIG', message: /SMTP_PASS, which is unset or empty/ });
  const file = join(dir.path, 'smtp-password');
  writeFileSync(file, 'from-file\n');
  assert.equal(resolvePassword({ user: 'u', passwordFile: file }), 'from-file');
  assert.throws(() => resolvePassword({ user: 'u', passwordFile: join(dir.path, 'missing') }), { code: 'IPO_ERR_NOTIFIER_CONFIG' });
});

test('warns when the repeat interval is shorter than the group interval, and about risky SMTP settings', () => {
  const config = emailConfigSchema.parse({
    repeatIntervalHours: 0.05,
    groupIntervalSeconds: 600,
    transport: { kind: 'smtp', host: 'mail', port: 465, requireTls: false, tlsRejectUnauthorized: false, auth: { user: 'u', passwordEnv: 'P' } },
  });
  const warnings = emailConfigWarnings(config);
  assert.match(warnings[0]!, /repeatIntervalHours \(0\.05 h\) is shorter than groupIntervalSeconds \(600 s\)/);
  assert.ok(warnings.some((w) => /placeholder addresses \(noc@example\.invalid\)/.test(w)));
  assert.ok(warnings.some((w) => /certificate is not checked/.test(w)));
  assert.ok(warnings.some((w) => /port 465 usually speaks implicit TLS/.test(w)));
  assert.ok(warnings.some((w) => /password may cross the network unencrypted/.test(w)));
});

test('recurring maintenance windows: ids unique, times and zones checked', () => {
  const message = invalid(`notifiers:
  maintenanceWindows:
    - { id: w, matchers: { siteId: hq }, start: '25:00', durationMinutes: 60 }
    - { id: w, matchers: { siteId: hq }, start: '02:00', durationMinutes: 60, timeZone: Mars/Olympus }
`);
  assert.match(message, /notifiers\.maintenanceWindows\[0\]\.start: expected a local time HH:MM such as "02:00"; got "25:00"/);
  assert.match(message, /notifiers\.maintenanceWindows\[1\]\.id: .*used twice/);
  assert.match(message, /notifiers\.maintenanceWindows\[1\]\.timeZone: .*IANA time zone/);
});
