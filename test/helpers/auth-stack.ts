import assert from 'node:assert/strict';
import { hashPassword } from '../../src/api/auth/password-hash.js';

/** scrypt's minimum cost: the real program checks these hashes like any other, only faster. */
const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };

export const TEST_USERS = [
  { name: 'vera', role: 'viewer' },
  { name: 'otto', role: 'operator' },
  { name: 'ada', role: 'admin' },
] as const;

export const passwordOf = (name: string) => `${name}-correct-horse`;

/** A `server:` section on 127.0.0.1 port 0 with TEST_USERS configured (password: passwordOf(name)). */
export async function authServerSection(): Promise<Record<string, unknown>> {
  const users = await Promise.all(TEST_USERS.map(async (user) => ({ ...user, passwordHash: await hashPassword(passwordOf(user.name), FAST_SCRYPT) })));
  return { http: { listenAddress: '127.0.0.1', port: 0 }, auth: { users } };
}

/** Signs in through POST /api/v1/session and returns the Cookie header for the next requests. */
export async function signInCookie(httpUrl: string, name: string): Promise<string> {
  const response = await fetch(`${httpUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password: passwordOf(name) }) });
  assert.equal(response.status, 200, await response.text());
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  assert.ok(cookie, 'a session cookie');
  return cookie;
}
