import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEFAULT_SYSLOG_CONFIG, syslogConfigSchema } from './config.js';
import { FRAME_REFUSAL_REASONS } from './frame-decoder.js';
import { IPO_MESSAGE_RULES } from './ipo-messages.js';
import { COLLECTOR_REFUSAL_REASONS } from './message-handler.js';
import { SYSLOG_REFUSAL_REASONS } from './parsed-syslog.js';
import { testSampleConfigDocs } from '../../test/helpers/component-docs.js';

const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

testSampleConfigDocs({ folder: new URL('./', import.meta.url), key: 'syslog', schema: syslogConfigSchema, defaults: DEFAULT_SYSLOG_CONFIG });

test('README lists every refusal reason', () => {
  const readme = read('README.md');
  for (const reason of new Set([...SYSLOG_REFUSAL_REASONS, ...FRAME_REFUSAL_REASONS, ...COLLECTOR_REFUSAL_REASONS])) {
    assert.ok(readme.includes(`| \`${reason}\` |`), `README.md Metrics should list refusal reason '${reason}'`);
  }
});

test('README lists every IP Office message code, and only those', () => {
  const readme = read('README.md');
  const section = /<!-- ipo-messages:start -->([\s\S]*?)<!-- ipo-messages:end -->/.exec(readme)?.[1] ?? '';
  const documented = new Set([...section.matchAll(/^\| `(syslog\.[a-z0-9.-]+)` \|/gm)].map((m) => m[1]));
  const codes = new Set(IPO_MESSAGE_RULES.map((rule) => `syslog.${rule.code}`));
  assert.deepEqual([...documented].sort(), [...codes].sort(), 'README "IP Office texts" table and ipo-messages.ts disagree');
});

test('README names every metric family the collector registers', async () => {
  const { MetricsRegistry } = await import('../../src/metrics/registry.js');
  const { createSyslogMetrics } = await import('./syslog-metrics.js');
  const registry = new MetricsRegistry();
  createSyslogMetrics(registry);
  const readme = read('README.md');
  for (const [, name] of registry.render().matchAll(/^# TYPE (\S+)/gm)) {
    assert.ok(readme.includes(`\`${name}\``) || readme.includes(`\`${name}{`), `README.md Metrics should describe ${name}`);
  }
});
