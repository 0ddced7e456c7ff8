/**
 * Checks the BER structure of an SNMP message before net-snmp reads it:
 * net-snmp trusts the lengths it finds and decodes a truncated datagram as
 * a shorter, "valid" message. Every TLV must have a definite length
 * (SNMP forbids the indefinite form), each constructed value must be exactly
 * filled by its children, and the outer SEQUENCE must fill the datagram.
 * Pure; linear in the input; nesting deeper than 16 is refused.
 */
export type BerCheck = { ok: true } | { ok: false; reason: 'truncated' | 'malformed'; detail: string };

const MAX_DEPTH = 16;
const SEQUENCE = 0x30;

export function checkBer(bytes: Uint8Array): BerCheck {
  if (bytes.length === 0) return { ok: false, reason: 'truncated', detail: 'empty datagram' };
  if (bytes[0] !== SEQUENCE) return { ok: false, reason: 'malformed', detail: `starts with 0x${bytes[0]!.toString(16).padStart(2, '0')}, not a SEQUENCE (0x30)` };
  const outer = readTlv(bytes, 0, bytes.length);
  if (!outer.ok) return outer;
  if (outer.end < bytes.length) return { ok: false, reason: 'malformed', detail: `${bytes.length - outer.end} bytes after the message` };
  return walk(bytes, 0, bytes.length, 0);
}

type Tlv = { ok: true; contentStart: number; end: number; constructed: boolean } | { ok: false; reason: 'truncated' | 'malformed'; detail: string };

function readTlv(bytes: Uint8Array, at: number, limit: number): Tlv {
  if (at + 2 > limit) return { ok: false, reason: 'truncated', detail: `a value at byte ${at} has no length` };
  const tag = bytes[at]!;
  if ((tag & 0x1f) === 0x1f) return { ok: false, reason: 'malformed', detail: `multi-byte tag at byte ${at}` };
  const first = bytes[at + 1]!;
  let length = first;
  let contentStart = at + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0) return { ok: false, reason: 'malformed', detail: `indefinite length at byte ${at}` };
    if (count > 4) return { ok: false, reason: 'malformed', detail: `a ${count}-byte length at byte ${at}` };
    if (contentStart + count > limit) return { ok: false, reason: 'truncated', detail: `the length at byte ${at} is cut` };
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[contentStart + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > limit) return { ok: false, reason: 'truncated', detail: `a value at byte ${at} claims ${length} bytes; ${limit - contentStart} are there` };
  return { ok: true, contentStart, end, constructed: (tag & 0x20) !== 0 };
}

function walk(bytes: Uint8Array, start: number, end: number, depth: number): BerCheck {
  if (depth > MAX_DEPTH) return { ok: false, reason: 'malformed', detail: `nested deeper than ${MAX_DEPTH}` };
  for (let at = start; at < end; ) {
    const tlv = readTlv(bytes, at, end);
    if (!tlv.ok) return tlv;
    if (tlv.constructed) {
      const inner = walk(bytes, tlv.contentStart, tlv.end, depth + 1);
      if (!inner.ok) return inner;
    }
    at = tlv.end;
  }
  return { ok: true };
}

/**
 * A copy of a v1/v2c message with its community octets replaced by "*" (same
 * length, so the BER stays valid): the raw input we store, and the sample we
 * log, must not carry the secret. A message cut short or whose lengths lie is
 * masked up to where it ends. Messages of another shape are returned as they
 * are. Pure.
 */
export function maskCommunity(bytes: Uint8Array): Buffer {
  const copy = Buffer.from(bytes);
  if (copy[0] !== SEQUENCE) return copy;
  // Limits are the datagram's end, not the lengths it claims: a truncated message still has its community masked.
  const outer = readTlv(copy, 0, Number.MAX_SAFE_INTEGER);
  if (!outer.ok) return copy;
  const version = readTlv(copy, outer.contentStart, copy.length);
  if (!version.ok || copy[outer.contentStart] !== 0x02) return copy;
  if (copy[version.end] !== 0x04) return copy;
  const community = readTlv(copy, version.end, Number.MAX_SAFE_INTEGER);
  // A length cut off or malformed: mask everything after the community's tag and length octet.
  const start = community.ok ? community.contentStart : version.end + 2;
  const end = community.ok && Number.isFinite(community.end) ? Math.min(community.end, copy.length) : copy.length;
  if (start < end) copy.fill(0x2a, start, end);
  return copy;
}
