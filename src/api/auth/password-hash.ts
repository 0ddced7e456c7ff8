import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url: the parameters travel with the hash, so they can grow later. */
export const PASSWORD_HASH_PATTERN = /^scrypt\$\d{1,8}\$\d{1,2}\$\d{1,2}\$[A-Za-z0-9_-]{16,128}\$[A-Za-z0-9_-]{32,256}$/;

/** OWASP's scrypt floor is N=2^15 with r=8, p=1 (32 MiB, 0.1–0.25 s, in the libuv pool); sign-in is rate limited besides. */
export const DEFAULT_SCRYPT = { N: 32768, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, params: ScryptParameters): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; node's default ceiling (32 MiB) is exactly N=2^15, r=8, so leave headroom.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** Hashes a password for server.auth.users[].passwordHash. */
export async function hashPassword(password: string, params: ScryptParameters = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Parses an encoded hash; null when it is not one we can check (wrong shape or parameters out of bounds). */
export function parsePasswordHash(encoded: string): { params: ScryptParameters; salt: Buffer; key: Buffer } | null {
  if (!PASSWORD_HASH_PATTERN.test(encoded)) return null;
  const [, n, r, p, salt, key] = encoded.split('$') as [string, string, string, string, string, string];
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  // Bounds keep a hand-edited hash from costing gigabytes: N a power of two up to 2^20.
  const powerOfTwo = params.N >= 1024 && params.N <= 1_048_576 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16) return null;
  return { params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** True when the password matches; compares in constant time. A malformed hash never matches. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parsePasswordHash(encoded);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}
