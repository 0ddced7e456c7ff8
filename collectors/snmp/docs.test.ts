import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { z } from 'zod';
import { ACCESS_REFUSAL_REASONS } from './access.js';
import { DEFAULT_SNMP_CONFIG, snmpConfigSchema } from './config.js';
import { NOTIFICATION_REFUSAL_REASONS } from './notification.js';
import { CODEC_REFUSAL_REASONS } from './received-pdu.js';
import { HANDLER_REFUSAL_REASONS } from './trap-handler.js';
import { testSampleConfigDocs } from '../../test/helpers/component-docs.js';

const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

testSampleConfigDocs({ folder: new URL('./', import.meta.url), key: 'snmp', schema: snmpConfigSchema, defaults: DEFAULT_SNMP_CONFIG });

test('README lists every refusal reason', () => {
  const readme = read('README.md');
  for (const reason of [...CODEC_REFUSAL_REASONS, ...NOTIFICATION_REFUSAL_REASONS, ...ACCESS_REFUSAL_REASONS, ...HANDLER_REFUSAL_REASONS]) {
    assert.ok(readme.includes(`| \`${reason}\` |`), `README.md Metrics should list refusal reason '${reason}'`);
  }
});

test('secrets are marked in the schema', () => {
  const shape = snmpConfigSchema.parse({ users: [{ name: 'u', authKey: 'authpass123', privKey: 'privpass123' }] });
  assert.equal(shape.users[0]!.authKey, 'authpass123');
  const json = JSON.stringify(z.toJSONSchema(snmpConfigSchema, { unrepresentable: 'any', io: 'input' }));
  assert.match(json, /secret: community string/);
  assert.match(json, /secret: v3 authentication password/);
  assert.match(json, /secret: v3 privacy password/);
});

test('a short key is refused without echoing it', () => {
  const result = snmpConfigSchema.safeParse({ users: [{ name: 'u', authKey: 'short', privKey: 'privpass123' }] });
  assert.equal(result.success, false);
  assert.doesNotMatch(JSON.stringify(result.error?.issues), /"short"|: short/);
});
