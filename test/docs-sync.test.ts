import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ERROR_CODES } from '../src/errors.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('README "Error codes" lists exactly the codes in src/errors.ts, with the same text', () => {
  const section = /<!-- error-codes:start -->([\s\S]*?)<!-- error-codes:end -->/.exec(README)?.[1] ?? '';
  const rows = [...section.matchAll(/^\| `([A-Z_]+)` \| (.+) \|$/gm)].map((m) => [m[1], m[2]] as const);
  assert.deepEqual(Object.fromEntries(rows), ERROR_CODES);
});

test('.ci/run calls the test command the README gives', () => {
  const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
  assert.match(README, /^npm test\b/m);
  assert.match(ci, /^npm test$/m);
});
