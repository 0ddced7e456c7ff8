import { isIPv4, isIPv6 } from 'node:net';
import { normaliseAddress } from '../../src/fleet/normalise-address.js';

interface Prefix<T> {
  family: 4 | 6;
  bits: number;
  value: bigint;
  target: T;
}

/** True for "10.1.0.0/16", "10.1.2.3", "2001:db8::/32". */
export function isPrefix(text: string): boolean {
  return parsePrefix(text, null) !== null;
}

/** Longest-prefix match of an address against configured prefixes, each with a target (a node, a trunk). */
export class PrefixMap<T> {
  private readonly prefixes: Array<Prefix<T>>;

  constructor(entries: ReadonlyArray<{ prefix: string; target: T }>) {
    this.prefixes = entries
      .map((entry) => parsePrefix(entry.prefix, entry.target))
      .filter((p): p is Prefix<T> => p !== null)
      .sort((a, b) => b.bits - a.bits);
  }

  get size(): number {
    return this.prefixes.length;
  }

  lookup(address: string): T | undefined {
    if (this.prefixes.length === 0) return undefined;
    const ip = toNumber(normaliseAddress(address));
    if (!ip) return undefined;
    for (const p of this.prefixes) {
      const shift = BigInt(width(p.family) - p.bits);
      if (p.family === ip.family && ip.value >> shift === p.value >> shift) return p.target;
    }
    return undefined;
  }
}

const width = (family: 4 | 6) => (family === 4 ? 32 : 128);

function parsePrefix<T>(text: string, target: T): Prefix<T> | null {
  const [address, bitsText, extra] = text.trim().split('/');
  if (address === undefined || extra !== undefined) return null;
  const ip = toNumber(normaliseAddress(address));
  if (!ip) return null;
  const bits = bitsText === undefined ? width(ip.family) : /^\d{1,3}$/.test(bitsText) ? Number(bitsText) : -1;
  if (bits < 0 || bits > width(ip.family)) return null;
  return { ...ip, bits, target };
}

function toNumber(address: string): { family: 4 | 6; value: bigint } | null {
  if (isIPv4(address)) return { family: 4, value: address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n) };
  if (!isIPv6(address) || address.includes('.')) return null;
  const [head = '', tail = ''] = address.split('::');
  const words = (part: string) => (part === '' ? [] : part.split(':'));
  const left = words(head);
  const right = address.includes('::') ? words(tail) : [];
  const all = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return { family: 6, value: all.reduce((acc, word) => (acc << 16n) | BigInt(Number.parseInt(word, 16)), 0n) };
}
