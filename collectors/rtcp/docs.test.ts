import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEFAULT_RTCP_CONFIG, rtcpConfigSchema } from './config.js';
import { THRESHOLD_CODES, DEGRADATION_CODES } from './map.js';
import { DROP_REASONS, HANDLER_REFUSAL_REASONS } from './packet-handler.js';
import { PARSE_FLAGS, REFUSAL_REASONS, SKIP_REASONS } from './parse-result.js';
import { testSampleConfigDocs } from '../../test/helpers/component-docs.js';

const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

testSampleConfigDocs({ folder: new URL('./', import.meta.url), key: 'rtcp', schema: rtcpConfigSchema, defaults: DEFAULT_RTCP_CONFIG });

test('README lists every refusal and skip reason, flag, drop reason and event code', () => {
  const readme = read('README.md');
  for (const reason of [...REFUSAL_REASONS, ...HANDLER_REFUSAL_REASONS, ...SKIP_REASONS, ...PARSE_FLAGS, ...DROP_REASONS]) {
    assert.ok(readme.includes(`| \`${reason}\` |`), `README.md Metrics should list '${reason}'`);
  }
  for (const code of [...Object.values(THRESHOLD_CODES), ...Object.values(DEGRADATION_CODES)]) {
    assert.ok(readme.includes(`\`${code}\``), `README.md Emitted events should list ${code}`);
  }
});

test('config refuses what would silently misattribute or misscore', () => {
  const bad = rtcpConfigSchema.safeParse({
    defaultCodec: 'G.999',
    sources: [{ prefix: '10.0.0.0/33', node: 'hq' }],
    trunks: [{ id: 't', node: 'n', addresses: ['x'] }, { id: 't', node: 'n', addresses: ['10.0.0.1'] }],
    codecs: [{ name: 'G.711', clockRate: 8000, ie: 0, bpl: 25.1 }, { name: 'G.711', clockRate: 8000, ie: 0, bpl: 25.1 }],
  });
  assert.equal(bad.success, false);
  const paths = bad.error!.issues.map((issue) => issue.path.join('.')).sort();
  assert.deepEqual(paths, ['codecs.1.name', 'defaultCodec', 'sources.0.prefix', 'trunks.0.addresses.0', 'trunks.1.id']);
});
