import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { DEFAULT_SYSLOG_CONFIG, syslogConfigSchema } from './config.js';
import { COLLECTOR_REFUSAL_REASONS } from './datagram-handler.js';
import { SYSLOG_REFUSAL_REASONS } from './parsed-syslog.js';

const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

test('README embeds sample.yaml verbatim under Configuration', () => {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Configuration'));
  assert.ok(section.includes('```yaml\n' + read('sample.yaml') + '```'), 'README.md must embed sample.yaml verbatim in a ```yaml block');
});

test('sample.yaml sets every option to its default and passes the schema', () => {
  const sample = parse(read('sample.yaml')) as { syslog: unknown };
  assert.deepEqual(Object.keys(sample), ['syslog']);
  const parsed = syslogConfigSchema.parse(sample.syslog);
  assert.deepEqual(parsed, syslogConfigSchema.parse({}));
  assert.deepEqual(sample.syslog, DEFAULT_SYSLOG_CONFIG, 'every option is written out, with the default value');
});

test('README lists every refusal reason', () => {
  const readme = read('README.md');
  for (const reason of [...SYSLOG_REFUSAL_REASONS, ...COLLECTOR_REFUSAL_REASONS]) {
    assert.ok(readme.includes(`| \`${reason}\` |`), `README.md Metrics should list refusal reason '${reason}'`);
  }
});
