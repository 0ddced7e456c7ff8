import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectTokens, createTokenCheck } from './auth.js';
import { ssaConfigSchema } from './config.js';
import { createSsaCollector } from './index.js';
import { ssaHarness } from './test-support.js';

test('bearer tokens: the right one passes; missing, malformed and wrong ones are told apart', () => {
  const check = createTokenCheck(['first-token-0123456789', 'second-token-0123456789']);
  assert.equal(check('Bearer second-token-0123456789'), 'ok');
  assert.equal(check('bearer  first-token-0123456789 '), 'ok');
  assert.equal(check(undefined), 'missing');
  assert.equal(check('Basic Zm9vOmJhcg=='), 'missing');
  assert.equal(check('Bearer first-token-012345678'), 'wrong', 'a prefix is not the token');
  assert.equal(createTokenCheck([])('Bearer anything-at-all-000'), 'none-configured');
});

test('tokenEnv adds one token from the environment; named but unset, the collector does not start', async () => {
  assert.deepEqual(collectTokens(['a'], 'IPO_SSA_TOKEN', { IPO_SSA_TOKEN: ' from-env-0123456789 ' }), { tokens: ['a', 'from-env-0123456789'], missingEnv: null });
  assert.deepEqual(collectTokens(['a'], 'IPO_SSA_TOKEN', {}), { tokens: ['a'], missingEnv: 'IPO_SSA_TOKEN' });
  const h = ssaHarness();
  const config = ssaConfigSchema.parse({ enabled: true, tokenEnv: 'IPO_SSA_TOKEN' });
  const withEnv = createSsaCollector(config, h.ctx, { IPO_SSA_TOKEN: 'from-env-0123456789' });
  await withEnv.start();
  assert.equal(withEnv.ssa.authorise('Bearer from-env-0123456789'), null);
  await withEnv.stop();
  assert.equal(withEnv.ssa.authorise('Bearer from-env-0123456789')?.code, 'IPO_ERR_OVERLOADED', 'a stopping collector takes nothing more');
  const without = createSsaCollector(config, h.ctx, {});
  await assert.rejects(without.start(), (error: Error & { code?: string }) => error.code === 'IPO_ERR_COLLECTOR_BIND_FAILED' && /IPO_SSA_TOKEN, which is not set/.test(error.message));
});
