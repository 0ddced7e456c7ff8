import { isIPv4, isIPv6 } from 'node:net';
import { normaliseAddress } from '../../src/fleet/normalise-address.js';

/** An address block: IPv4 as a 32-bit number, IPv6 as a 128-bit bigint, and how many leading bits must match. */
interface Block {
  family: 4 | 6;
  bits: number;
  value: bigint;
}

/** True when `text` is an IPv4/IPv6 address or CIDR block ("10.0.0.0/8", "2001:db8::/32"). Used by the config schema. */
export function isAddressOrCidr(text: string): boolean {
  return parseBlock(text) !== null;
}

/**
 * Whether a sender is in a listener's allowedSources. An empty list allows
 * everyone. Addresses are normalised first, so "::ffff:10.0.0.1" from a
 * dual-stack socket matches "10.0.0.0/8".
 */
export function createSourceAllowlist(entries: readonly string[]): (address: string) => boolean {
  const blocks = entries.map(parseBlock).filter((b): b is Block => b !== null);
  if (blocks.length === 0) return () => true;
  // UDP asks per datagram; a fleet has few senders, so remember answers (bounded: a flood of spoofed senders just resets it).
  const cache = new Map<string, boolean>();
  return (address) => {
    const known = cache.get(address);
    if (known !== undefined) return known;
    const ip = toNumber(normaliseAddress(address));
    const allowed = ip !== null && blocks.some((b) => b.family === ip.family && ip.value >> BigInt(width(b.family) - b.bits) === b.value >> BigInt(width(b.family) - b.bits));
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(address, allowed);
    return allowed;
  };
}

const CACHE_SIZE = 4096;

const width = (family: 4 | 6) => (family === 4 ? 32 : 128);

function parseBlock(text: string): Block | null {
  const [address, prefix, extra] = text.trim().split('/');
  if (address === undefined || extra !== undefined) return null;
  const ip = toNumber(address);
  if (!ip) return null;
  const bits = prefix === undefined ? width(ip.family) : /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
  if (bits < 0 || bits > width(ip.family)) return null;
  return { family: ip.family, bits, value: ip.value };
}

function toNumber(address: string): { family: 4 | 6; value: bigint } | null {
  if (isIPv4(address)) return { family: 4, value: address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n) };
  if (!isIPv6(address)) return null;
  const [head = '', tail = ''] = address.toLowerCase().replace(/%.*$/, '').split('::');
  const words = (part: string) => (part === '' ? [] : part.split(':').flatMap(expandEmbeddedIpv4));
  const left = words(head);
  const right = address.includes('::') ? words(tail) : [];
  const all = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return { family: 6, value: all.reduce((acc, word) => (acc << 16n) | BigInt(Number.parseInt(word, 16)), 0n) };
}

/** "::ffff:1.2.3.4" ends in dotted IPv4: two 16-bit words. */
function expandEmbeddedIpv4(word: string): string[] {
  if (!word.includes('.')) return [word];
  const [a = 0, b = 0, c = 0, d = 0] = word.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
