/**
 * What a syslog parser returns: one shape for every wire format, so map.ts
 * does not care which parser ran.
 */
export type SyslogFormat = 'rfc3164' | 'rfc5424';

/** One RFC 5424 SD-ELEMENT: `[id name="value" ...]`. Names may repeat, so params are pairs, in order. */
export interface StructuredDataElement {
  id: string;
  params: Array<[name: string, value: string]>;
}

export interface ParsedSyslog {
  ok: true;
  format: SyslogFormat;
  /** 0..23, from PRI (user(1) when PRI is missing). */
  facility: number;
  /** 0 (emergency) .. 7 (debug), from PRI (notice(5) when PRI is missing). */
  severity: number;
  /** Epoch ms the sender says the message was written; absent when it sent none we can read. */
  timestamp?: number;
  hostname?: string;
  /** RFC 3164 TAG without [pid] and ':' (RFC 5424 APP-NAME). */
  appName?: string;
  procId?: string;
  /** RFC 5424 MSGID. */
  msgId?: string;
  /** RFC 5424 STRUCTURED-DATA; absent for RFC 3164 and for "-". */
  structuredData?: StructuredDataElement[];
  message: string;
  /** Stable kebab-case notes on what was unusual, e.g. 'no-pri', 'no-hostname' (see README). */
  flags: string[];
}

/**
 * Why a parser refused input. Stable kebab-case strings: they become the
 * `reason` label of the refused counters, so never rename one.
 */
export const SYSLOG_REFUSAL_REASONS = ['empty', 'bad-pri', 'not-syslog', 'not-printable', 'bad-header'] as const;

export type SyslogRefusalReason = (typeof SYSLOG_REFUSAL_REASONS)[number];

export interface SyslogRefusal {
  ok: false;
  reason: SyslogRefusalReason;
  /** For the rate-limited log sample; never a metric label. */
  detail: string;
}

export function refuse(reason: SyslogRefusalReason, detail: string): SyslogRefusal {
  return { ok: false, reason, detail };
}
