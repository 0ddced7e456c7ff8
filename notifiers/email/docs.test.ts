import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { DELIVERY_STATUSES, MESSAGE_KINDS } from '../delivery.js';
import { createNotifierMetrics } from '../notifier-metrics.js';
import { DEFAULT_EMAIL_CONFIG, emailConfigSchema } from './config.js';

const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

test('README embeds sample.yaml verbatim under Configuration', () => {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Configuration'));
  assert.ok(section.includes('```yaml\n' + read('sample.yaml') + '```'), 'README.md must embed sample.yaml verbatim in a ```yaml block');
});

test('sample.yaml sets every option to its default and passes the schema', () => {
  const sample = parse(read('sample.yaml')) as { email: unknown };
  assert.deepEqual(Object.keys(sample), ['email']);
  assert.deepEqual(emailConfigSchema.parse(sample.email), emailConfigSchema.parse({}));
  assert.deepEqual(sample.email, DEFAULT_EMAIL_CONFIG, 'every option is written out, with the default value');
});

test('README lists every delivery status, and only those; and every message kind', () => {
  const readme = read('README.md');
  const section = /<!-- delivery-statuses:start -->([\s\S]*?)<!-- delivery-statuses:end -->/.exec(readme)?.[1] ?? '';
  const documented = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
  assert.deepEqual(documented, [...DELIVERY_STATUSES]);
  for (const kind of MESSAGE_KINDS) assert.ok(readme.includes(`\`${kind}\``), `README should name message kind ${kind}`);
});

test('README names every metric family the notifier registers', () => {
  const registry = new MetricsRegistry();
  const metrics = createNotifierMetrics(registry);
  metrics.watch('email', () => 0, []);
  for (const counter of [metrics.deliveries, metrics.messages, metrics.attempts]) counter.touch({ notifier: 'email' });
  const readme = read('README.md');
  const families = [...registry.render().matchAll(/^# TYPE (\S+)/gm)].map((m) => m[1]!);
  assert.equal(families.length, 5);
  for (const name of families) assert.ok(readme.includes(`\`${name}\``), `README.md Metrics should describe ${name}`);
});
