import { isIPv4, isIPv6 } from 'node:net';
import { normaliseAddress } from '../../src/fleet/normalise-address.js';

/** An address block: IPv4 as a 32-bit number, IPv6 as a 128-bit bigint, and how many leading bits must match. */
interface Block {
  family: 4 | 6;
  bits: number;
  value: bigint;
}

const width = (family: 4 | 6) => (family === 4 ? 32 : 128);

/** True when `text` is an IPv4/IPv6 address or CIDR block ("10.0.0.0/8", "2001:db8::/32"). Used by config schemas. */
export function isAddressOrCidr(text: string): boolean {
  return parseBlock(text) !== null;
}

/**
 * Longest-prefix match of an address against configured blocks, each with a
 * target (a node, a trunk, "allowed"). Addresses are normalised first, so
 * "::ffff:10.0.0.1" from a dual-stack socket matches "10.0.0.0/8".
 */
export class PrefixMap<T> {
  private readonly blocks: Array<Block & { target: T }>;

  constructor(entries: ReadonlyArray<{ prefix: string; target: T }>) {
    this.blocks = entries
      .flatMap((entry) => {
        const block = parseBlock(entry.prefix);
        return block ? [{ ...block, target: entry.target }] : [];
      })
      .sort((a, b) => b.bits - a.bits);
  }

  get size(): number {
    return this.blocks.length;
  }

  lookup(address: string): T | undefined {
    if (this.blocks.length === 0) return undefined;
    const ip = toNumber(normaliseAddress(address));
    if (!ip) return undefined;
    for (const block of this.blocks) {
      const shift = BigInt(width(block.family) - block.bits);
      if (block.family === ip.family && ip.value >> shift === block.value >> shift) return block.target;
    }
    return undefined;
  }
}

const ALLOWLIST_CACHE_SIZE = 4096;

/** Whether a sender is in a listener's allowedSources. An empty list allows everyone. */
export function createSourceAllowlist(entries: readonly string[]): (address: string) => boolean {
  const map = new PrefixMap(entries.map((prefix) => ({ prefix, target: true })));
  if (map.size === 0) return () => true;
  // UDP asks per datagram; a fleet has few senders, so remember answers (bounded: a flood of spoofed senders just resets it).
  const cache = new Map<string, boolean>();
  return (address) => {
    const known = cache.get(address);
    if (known !== undefined) return known;
    const allowed = map.lookup(address) === true;
    if (cache.size >= ALLOWLIST_CACHE_SIZE) cache.clear();
    cache.set(address, allowed);
    return allowed;
  };
}

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
