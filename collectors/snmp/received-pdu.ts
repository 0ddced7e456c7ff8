/** What the codec hands on: one authenticated trap or inform, before mapping. */

export type SnmpVersion = 'v1' | 'v2c' | 'v3';

/** A varbind as net-snmp decodes it: type is the BER tag (ObjectType), value a number, string, Buffer or null. */
export interface RawVarbind {
  oid: string;
  type: number;
  value: unknown;
}

export interface ReceivedPdu {
  version: SnmpVersion;
  kind: 'trap' | 'inform';
  /** v1/v2c community: a secret, used for the allowlists and never stored. */
  community?: string;
  /** v3 user name. */
  user?: string;
  /** v3 msgAuthoritativeEngineID in hex: the sender's engine for traps, ours for informs. */
  securityEngineId?: string;
  /** The v1 Trap-PDU header (RFC 1157). */
  v1?: { enterprise: string; agentAddr: string; generic: number; specific: number; upTime: number };
  varbinds: RawVarbind[];
}

/** Refusals the codec reports; metric labels, never renamed. */
export const CODEC_REFUSAL_REASONS = [
  'truncated',
  'malformed',
  'unknown-community',
  'unknown-user',
  'wrong-auth',
  'wrong-priv',
  'priv-unsupported',
  'security-level',
  'unsupported-pdu',
] as const;
export type CodecRefusalReason = (typeof CODEC_REFUSAL_REASONS)[number];

export type CodecResult =
  | { ok: true; pdu: ReceivedPdu; replies: Buffer[] }
  | { ok: false; reason: CodecRefusalReason; detail: string; replies: Buffer[] }
  /** A v3 engine-discovery request, answered with a report: no event. */
  | { ok: 'discovery'; replies: Buffer[] };
