import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { MetricsRegistry } from '../../metrics/registry.js';
import { DEFAULT_INFLUXDB_SINK_CONFIG, influxdbSinkConfigSchema } from './config.js';
import { MEASUREMENTS } from './schema.js';
import { createInfluxSinkMetrics } from './sink-metrics.js';
import { testSampleConfigDocs } from '../../../test/helpers/component-docs.js';

const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

testSampleConfigDocs({ folder: new URL('./', import.meta.url), key: 'influxdb', schema: influxdbSinkConfigSchema, defaults: DEFAULT_INFLUXDB_SINK_CONFIG });

test('README lists every measurement with exactly its tags and fields', () => {
  const readme = read('README.md');
  const section = /<!-- measurements:start -->([\s\S]*?)<!-- measurements:end -->/.exec(readme)?.[1] ?? '';
  const rows = new Map([...section.matchAll(/^\| `([a-z_]+)` \| (.*?) \| (.*?) \|/gm)].map((m) => [m[1], { tags: m[2]!, fields: m[3]! }]));
  assert.deepEqual([...rows.keys()], Object.values(MEASUREMENTS).map((m) => m.name));
  for (const m of Object.values(MEASUREMENTS)) {
    assert.equal(rows.get(m.name)?.tags, m.tags.map((tag) => `\`${tag}\``).join(', '), `${m.name} tags`);
    assert.equal(rows.get(m.name)?.fields, Object.entries(m.fields).map(([field, type]) => `\`${field}\` ${type}`).join(', '), `${m.name} fields`);
  }
});

test('README names every metric family the sink registers', () => {
  const registry = new MetricsRegistry();
  createInfluxSinkMetrics(registry, () => ({ spoolBytes: 0, spoolMaxBytes: 1, up: true }));
  const readme = read('README.md');
  for (const [, name] of registry.render().matchAll(/^# TYPE (\S+)/gm)) assert.ok(readme.includes(`\`${name}\``), `README.md should describe ${name}`);
});
