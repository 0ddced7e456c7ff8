import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { verifyPassword } from './password-hash.js';
import { sha256Hex } from './token-hash.js';

const BIN = fileURLToPath(new URL('../../../bin/ipo-observer.js', import.meta.url));
const run = (args: string[], input = '') => spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 30_000 });

test('hash-password reads stdin and prints a hash that verifies; the password is not echoed', async () => {
  const result = run(['hash-password'], 'a long passphrase\n');
  assert.equal(result.status, 0, result.stderr);
  const hash = result.stdout.trim();
  assert.match(hash, /^scrypt\$32768\$8\$1\$/);
  assert.equal(await verifyPassword('a long passphrase', hash), true);
  assert.doesNotMatch(result.stdout + result.stderr, /passphrase/);
});

test('hash-password refuses a password shorter than 8 characters', () => {
  const result = run(['hash-password'], 'short\n');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /shorter than 8/);
  assert.equal(result.stdout, '');
});

test('new-token prints a token and the sha256 that goes in the configuration', () => {
  const result = run(['new-token']);
  assert.equal(result.status, 0, result.stderr);
  const token = /^token:\s+(\S+)$/m.exec(result.stdout)?.[1];
  const sha256 = /^sha256:\s+([0-9a-f]{64})$/m.exec(result.stdout)?.[1];
  assert.ok(token && sha256, result.stdout);
  assert.equal(sha256, sha256Hex(token));
});
