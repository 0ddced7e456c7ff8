import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_BYTES = 32;

/** A new API token (43 base64url characters, 256 bits) and the sha256 to put in server.auth.tokens. */
export function newToken(): { token: string; sha256: string } {
  const token = `ipo_${randomBytes(TOKEN_BYTES).toString('base64url')}`;
  return { token, sha256: sha256Hex(token) };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Compares two hex digests of equal length in constant time. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
