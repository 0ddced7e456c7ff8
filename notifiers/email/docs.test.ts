import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { DELIVERY_STATUSES, MESSAGE_KINDS } from '../delivery.js';
import { createNotifierMetrics } from '../notifier-metrics.js';
import { DEFAULT_EMAIL_CONFIG, emailConfigSchema } from './config.js';
import { testSampleConfigDocs } from '../../test/helpers/component-docs.js';

const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

testSampleConfigDocs({ folder: new URL('./', import.meta.url), key: 'email', schema: emailConfigSchema, defaults: DEFAULT_EMAIL_CONFIG });

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
