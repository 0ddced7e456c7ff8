import { maskCommunity } from './ber-check.js';

const SAMPLE_BYTES = 48;
const STAR = 0x2a;

/**
 * The start of a refused datagram, hex, for the rate-limited log sample. The
 * community is masked where the BER puts it, and every configured community
 * wherever it appears, since a refused datagram's structure cannot be trusted
 * to say where its community is. Pure.
 */
export function sampleHex(bytes: Uint8Array, communities: readonly string[]): string {
  const masked = maskCommunity(bytes);
  for (const community of communities) {
    const secret = Buffer.from(community);
    if (secret.length === 0) continue;
    for (let at = masked.indexOf(secret); at >= 0; at = masked.indexOf(secret, at + secret.length)) masked.fill(STAR, at, at + secret.length);
  }
  return masked.subarray(0, SAMPLE_BYTES).toString('hex');
}
