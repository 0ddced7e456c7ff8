import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { testSampleConfigDocs } from '../../test/helpers/component-docs.js';
import { DEFAULT_RESILIENCY_CONFIG, resiliencyConfigSchema } from './config.js';
import { RESILIENCY_CODES } from './resiliency-events.js';

testSampleConfigDocs({ folder: new URL('./', import.meta.url), key: 'resiliency', schema: resiliencyConfigSchema, defaults: DEFAULT_RESILIENCY_CONFIG });

test('README lists every emitted code', () => {
  const readme = readFileSync(new URL('README.md', import.meta.url), 'utf8');
  for (const code of Object.values(RESILIENCY_CODES)) assert.ok(readme.includes(`| \`${code}\` |`), `README should describe ${code}`);
});

test('the resiliency section is strict and refuses impossible waits', () => {
  assert.throws(() => resiliencyConfigSchema.parse({ failoverMinutes: 3 }));
  assert.throws(() => resiliencyConfigSchema.parse({ failoverSeconds: 0 }));
  assert.throws(() => resiliencyConfigSchema.parse({ flapLosses: 1 }));
  assert.deepEqual(resiliencyConfigSchema.parse({ failoverSeconds: 1.5 }).failoverSeconds, 1.5);
});
