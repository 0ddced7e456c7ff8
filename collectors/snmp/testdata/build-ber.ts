// Builds SNMP messages byte by byte for the fuzz tests: valid BER shells whose
// contents (value tags, lengths, OIDs) are whatever the test wants, including
// what no agent would send. Not a general encoder.

export const TAG = {
  integer: 0x02,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  sequence: 0x30,
  ipAddress: 0x40,
  counter32: 0x41,
  gauge32: 0x42,
  timeTicks: 0x43,
  opaque: 0x44,
  counter64: 0x46,
  noSuchObject: 0x80,
  noSuchInstance: 0x81,
  endOfMibView: 0x82,
  trapV1: 0xa4,
  informRequest: 0xa6,
  trapV2: 0xa7,
} as const;

/** Tag, definite length (short or long form), content. */
export function tlv(tag: number, content: Uint8Array): Buffer {
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), content]);
}

export function integer(value: number): Buffer {
  const bytes: number[] = [];
  let v = Math.trunc(value);
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v !== 0 && v !== -1);
  if (value >= 0 && bytes[0]! & 0x80) bytes.unshift(0);
  if (value < 0 && !(bytes[0]! & 0x80)) bytes.unshift(0xff);
  return tlv(TAG.integer, Buffer.from(bytes));
}

/** "1.3.6.1…" as OBJECT IDENTIFIER content (first two arcs in one octet, then base 128). */
export function oidContent(oid: string): Buffer {
  const arcs = oid.split('.').map(Number);
  const out: number[] = [40 * arcs[0]! + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const septets: number[] = [];
    let v = arc;
    do {
      septets.unshift(v % 128);
      v = Math.floor(v / 128);
    } while (v > 0);
    out.push(...septets.map((s, i) => (i < septets.length - 1 ? s | 0x80 : s)));
  }
  return Buffer.from(out);
}

export const oid = (value: string) => tlv(TAG.oid, oidContent(value));

/** One varbind: an OID and a value TLV given as tag + raw content (which may be nonsense for the tag). */
export function varbind(name: string, tag: number, content: Uint8Array): Buffer {
  return tlv(TAG.sequence, Buffer.concat([oid(name), tlv(tag, content)]));
}

/** A v2c SNMPv2-Trap (or InformRequest) message. */
export function v2cMessage(community: string, varbinds: readonly Buffer[], options: { pduTag?: number; requestId?: number } = {}): Buffer {
  const pdu = tlv(options.pduTag ?? TAG.trapV2, Buffer.concat([integer(options.requestId ?? 1), integer(0), integer(0), tlv(TAG.sequence, Buffer.concat(varbinds))]));
  return tlv(TAG.sequence, Buffer.concat([integer(1), tlv(TAG.octetString, Buffer.from(community)), pdu]));
}

/** A v1 Trap-PDU message (RFC 1157). */
export function v1Message(community: string, trap: { enterprise: string; agentAddr: Uint8Array; generic: number; specific: number; upTime: number }, varbinds: readonly Buffer[]): Buffer {
  const pdu = tlv(
    TAG.trapV1,
    Buffer.concat([oid(trap.enterprise), tlv(TAG.ipAddress, trap.agentAddr), integer(trap.generic), integer(trap.specific), tlv(TAG.timeTicks, integer(trap.upTime).subarray(2)), tlv(TAG.sequence, Buffer.concat(varbinds))]),
  );
  return tlv(TAG.sequence, Buffer.concat([integer(0), tlv(TAG.octetString, Buffer.from(community)), pdu]));
}
