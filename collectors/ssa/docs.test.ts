import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { DEFAULT_SSA_CONFIG, ssaConfigSchema } from './config.js';
import { SSA_CHANGES } from './diff.js';
import { SNAPSHOT_REFUSAL_REASONS } from './snapshot.js';
import { API_REFUSAL_REASONS } from './ssa-api.js';
import { createSsaMetrics } from './ssa-metrics.js';
import { SSA_TEXT_RULES } from './ssa-texts.js';
import { testSampleConfigDocs } from '../../test/helpers/component-docs.js';

const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');
const readme = read('README.md');
const section = (title: string) => readme.slice(readme.indexOf(`## ${title}`), readme.indexOf('\n## ', readme.indexOf(`## ${title}`) + 3));

testSampleConfigDocs({ folder: new URL('./', import.meta.url), key: 'ssa', schema: ssaConfigSchema, defaults: DEFAULT_SSA_CONFIG });

test('README Metrics lists every refusal reason and metric family', () => {
  const metrics = section('Metrics');
  for (const reason of [...SNAPSHOT_REFUSAL_REASONS, ...API_REFUSAL_REASONS]) assert.ok(metrics.includes(`\`${reason}\``), `README Metrics should list refusal reason '${reason}'`);
  const registry = new MetricsRegistry();
  createSsaMetrics(registry);
  for (const [, name] of registry.render().matchAll(/^# TYPE (\S+)/gm)) assert.ok(metrics.includes(`\`${name}{`), `README Metrics should describe ${name}`);
});

test('README lists every SSA text rule as ssa-texts.ts has it, and every change', () => {
  const table = /<!-- ssa-texts:start -->([\s\S]*?)<!-- ssa-texts:end -->/.exec(readme)?.[1] ?? '';
  const rows = [...table.matchAll(/^\| `([a-z.-]+)` \| [^|]+ \| ([^|]+) \| ([a-z]+) \| ([^|]*) \|$/gm)].map((m) => [m[1], m[2]?.trim(), m[3], m[4]?.trim()]);
  const documented = rows.filter(([code]) => code !== 'unclassified');
  assert.deepEqual(documented, SSA_TEXT_RULES.map((rule) => [rule.code, rule.category, rule.severity, rule.seed]));
  for (const change of SSA_CHANGES) assert.ok(section('What changes become events').includes(`| \`${change}\` |`), `README should explain change '${change}'`);
});
