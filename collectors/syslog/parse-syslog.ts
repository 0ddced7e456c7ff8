import { parseRfc3164 } from './parse-rfc3164.js';
import { parseRfc5424 } from './parse-rfc5424.js';
import type { ParsedSyslog, SyslogRefusal } from './parsed-syslog.js';

export interface ParseSyslogOptions {
  /** Minutes east of UTC for timestamps without a zone. Default 0: UTC. */
  timeZoneOffsetMinutes?: number;
}

// "<PRI>1 " is RFC 5424's PRI VERSION SP; no RFC 3164 header starts that way (its timestamp starts with a month).
const RFC5424_START = /^<\d{1,3}>1 /;

/** One entry for every wire format: RFC 5424 when the header says so, else RFC 3164 and its variants. Pure, never throws. */
export function parseSyslog(bytes: Uint8Array, receivedAt: number, options: ParseSyslogOptions = {}): ParsedSyslog | SyslogRefusal {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 7)).toString('latin1');
  return RFC5424_START.test(head) ? parseRfc5424(bytes, receivedAt, options) : parseRfc3164(bytes, receivedAt, options);
}
