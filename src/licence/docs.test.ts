import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { MetricsRegistry } from '../metrics/registry.js';
import { LICENCE_CONFIG_CHECKS } from './config-checks.js';
import { licenceConfigSchema } from './config.js';
import { LICENCE_CODES } from './licence-events.js';
import { registerLicenceMetrics } from './licence-metrics.js';

const read = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');
const readme = read('README.md');
const sample = read('sample.yaml');

test('README embeds sample.yaml verbatim under Configuration, and the sample is the defaults', () => {
  assert.ok(readme.includes('```yaml\n' + sample + '```'), 'README.md must embed sample.yaml verbatim');
  assert.deepEqual(licenceConfigSchema.parse((parse(sample) as { licence: unknown }).licence), licenceConfigSchema.parse({}));
});

test('README lists every emitted code, every License Server Link check and every metric family', () => {
  for (const code of Object.values(LICENCE_CODES)) assert.ok(readme.includes(`| \`${code}\` |`), `README should describe ${code}`);
  for (const check of LICENCE_CONFIG_CHECKS) assert.ok(readme.includes(`| \`${check}\` |`), `README should describe check ${check}`);
  const registry = new MetricsRegistry();
  registerLicenceMetrics(registry, () => []);
  for (const [, name] of registry.render().matchAll(/^# TYPE (\S+)/gm)) assert.ok(readme.includes(`| \`${name}\` |`), `README should describe ${name}`);
});
