import { isIPv6 } from 'node:net';

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;
const MAPPED_IPV4_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/**
 * One spelling per address, so config and sockets compare equal: a dual-stack
 * socket reports `::ffff:10.0.0.1` for an IPv4 sender, and IPv6 has many
 * spellings of one address (case, zero compression). Zone ids (`%eth0`) are
 * dropped. Anything that is not an IP address is returned trimmed, lower-case.
 */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const withoutZone = trimmed.replace(/%.*$/, '');
  if (!isIPv6(withoutZone)) return trimmed;
  const mapped = MAPPED_IPV4.exec(withoutZone);
  if (mapped) return mapped[1]!;
  // The WHATWG URL parser writes IPv6 in the RFC 5952 canonical form.
  const canonical = new URL(`http://[${withoutZone}]/`).hostname.slice(1, -1);
  const hex = MAPPED_IPV4_HEX.exec(canonical);
  if (!hex) return canonical;
  const high = Number.parseInt(hex[1]!, 16);
  const low = Number.parseInt(hex[2]!, 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}
