import { refuse, type ParsedSyslog, type SyslogRefusal } from './parsed-syslog.js';
import { BOM, CONTROL, decodeText, trimmedEnd } from './syslog-text.js';
import { readTimestamp } from './timestamp.js';

export interface ParseRfc3164Options {
  /** Minutes east of UTC for timestamps without a zone (BSD ones never have one). Default 0: UTC. */
  timeZoneOffsetMinutes?: number;
}

const PRI = /^<(\d{1,3})>/;
// Cisco-style sequence number before the timestamp: "<189>123: Nov 21 ...".
const SEQUENCE = /^\d{1,10}: /;
// TAG, then [pid] and/or ':' — without one of them the word is not a tag (RFC 3164 §4.1.3).
const TAG = /^([^\s:[\]]{1,64})(?:\[([^\]\s]{0,128})\]:?|:)(?:[ \t]|$)/;
const HOSTNAME = /^\S{1,255}(?=[ \t]|$)/;
// Header fields are separated by spaces; String.trim would also eat a BOM (U+FEFF) before MSG.
const SPACES = /^[ \t]+/;

/**
 * Parses one BSD syslog message (RFC 3164) plus the variants real devices
 * send: no PRI, no hostname, sequence numbers, ISO timestamps, a BOM before
 * MSG. parseSyslog (parse-syslog.ts) sends RFC 5424 elsewhere before this
 * runs. Pure and never throws: bad input comes back as a refusal with a stable
 * reason. A message needs a valid PRI or a readable timestamp, and must be
 * text, so random bytes are refused rather than parsed into nonsense.
 */
export function parseRfc3164(bytes: Uint8Array, receivedAt: number, options: ParseRfc3164Options = {}): ParsedSyslog | SyslogRefusal {
  const end = trimmedEnd(bytes);
  if (end === 0) return refuse('empty', 'the datagram is empty or holds only NUL, CR or LF');
  const { text, utf8 } = decodeText(bytes.subarray(0, end));
  const flags: string[] = utf8 ? [] : ['invalid-utf8'];

  let facility = 1; // user, severity notice: RFC 3164 §4.3.3 for messages without PRI
  let severity = 5;
  let rest = text;
  const pri = PRI.exec(text);
  if (pri) {
    const value = Number(pri[1]);
    if (value > 191) return refuse('bad-pri', `PRI <${pri[1]}> is outside 0..191`);
    facility = value >> 3;
    severity = value & 7;
    rest = text.slice(pri[0].length);
    if (rest.length === 0) return refuse('empty', 'nothing follows the PRI');
  } else if (text.startsWith('<')) {
    return refuse('bad-pri', 'starts with "<" but no <0..191> PRI follows');
  } else {
    flags.push('no-pri');
  }

  const sequence = SEQUENCE.exec(rest);
  if (sequence) {
    flags.push('sequence-number');
    rest = rest.slice(sequence[0].length);
  }

  const time = readTimestamp(rest, receivedAt, options.timeZoneOffsetMinutes ?? 0);
  if (!pri && !time) return refuse('not-syslog', 'neither a <PRI> nor a timestamp at the start');
  if (CONTROL.test(text)) return refuse('not-printable', 'control characters: binary data, not a syslog text line');

  let hostname: string | undefined;
  if (time) {
    flags.push(...time.flags);
    rest = rest.slice(time.length).replace(SPACES, '');
    // After a timestamp comes HOSTNAME, unless the next word is already the TAG ("IPOffice: ...").
    const host = TAG.test(rest) ? null : HOSTNAME.exec(rest);
    if (host) {
      hostname = host[0];
      rest = rest.slice(host[0].length).replace(SPACES, '');
    } else {
      flags.push('no-hostname');
    }
  } else {
    flags.push('no-timestamp'); // RFC 3164 §4.3.2: no timestamp, so no hostname either
  }

  let appName: string | undefined;
  let procId: string | undefined;
  const tag = TAG.exec(rest);
  if (tag) {
    appName = tag[1];
    procId = tag[2] || undefined;
    rest = rest.slice(tag[0].length);
  }

  if (rest.startsWith(BOM)) {
    flags.push('bom');
    rest = rest.slice(BOM.length);
  }

  return {
    ok: true,
    format: 'rfc3164',
    facility,
    severity,
    ...(time?.timestamp !== undefined && { timestamp: time.timestamp }),
    ...(hostname !== undefined && { hostname }),
    ...(appName !== undefined && { appName }),
    ...(procId !== undefined && { procId }),
    message: rest,
    flags,
  };
}
