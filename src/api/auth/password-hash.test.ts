import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SCRYPT, hashPassword, parsePasswordHash, PASSWORD_HASH_PATTERN, verifyPassword } from './password-hash.js';
import { digestsEqual, newToken, sha256Hex } from './token-hash.js';

const FAST = { N: 1024, r: 8, p: 1 };

test('a password hash is self-describing and checks only the right password', async () => {
  const hash = await hashPassword('correct horse battery', FAST);
  assert.match(hash, /^scrypt\$1024\$8\$1\$/);
  assert.match(hash, PASSWORD_HASH_PATTERN);
  assert.equal(await verifyPassword('correct horse battery', hash), true);
  assert.equal(await verifyPassword('correct horse batterY', hash), false);
  assert.equal(await verifyPassword('', hash), false);
});

test('the default parameters are the OWASP floor and still verify', async () => {
  const hash = await hashPassword('s3cret-enough', DEFAULT_SCRYPT);
  assert.match(hash, /^scrypt\$32768\$8\$1\$/);
  assert.equal(await verifyPassword('s3cret-enough', hash), true);
});

test('the same password hashes differently each time (random salt)', async () => {
  const [a, b] = [await hashPassword('same', FAST), await hashPassword('same', FAST)];
  assert.notEqual(a, b);
  assert.equal(await verifyPassword('same', a), true);
  assert.equal(await verifyPassword('same', b), true);
});

test('Unicode passwords are normalised (NFC), so é typed either way matches', async () => {
  const hash = await hashPassword('caf\u00e9-latte', FAST);
  assert.equal(await verifyPassword('cafe\u0301-latte', hash), true);
});

test('a malformed or out-of-bounds hash never matches and never throws', async () => {
  const good = await hashPassword('pw', FAST);
  const [, , r, p, salt, key] = good.split('$');
  for (const bad of ['', 'pw', `bcrypt$1024$${r}$${p}$${salt}$${key}`, `scrypt$1000$${r}$${p}$${salt}$${key}`, `scrypt$4194304$${r}$${p}$${salt}$${key}`, `scrypt$1024$99$${p}$${salt}$${key}`, `scrypt$1024$${r}$${p}$${salt}$${key!.slice(0, 20)}`]) {
    assert.equal(await verifyPassword('pw', bad), false, bad);
  }
  assert.equal(parsePasswordHash('scrypt$3$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), null, 'N must be a power of two ≥ 1024');
});

test('new tokens are random, long, and their sha256 is what the config holds', () => {
  const a = newToken();
  const b = newToken();
  assert.notEqual(a.token, b.token);
  assert.ok(a.token.length >= 40);
  assert.equal(a.sha256, sha256Hex(a.token));
  assert.match(a.sha256, /^[0-9a-f]{64}$/);
  assert.equal(digestsEqual(a.sha256, sha256Hex(a.token)), true);
  assert.equal(digestsEqual(a.sha256, b.sha256), false);
  assert.equal(digestsEqual('', ''), false, 'an empty digest never matches');
});
