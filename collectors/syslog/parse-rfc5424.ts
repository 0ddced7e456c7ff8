import { refuse, type ParsedSyslog, type StructuredDataElement, type SyslogRefusal } from './parsed-syslog.js';
import { BOM, CONTROL, decodeText, trimmedEnd } from './syslog-text.js';
import { readIsoTimestamp } from './timestamp.js';

export interface ParseRfc5424Options {
  /** Minutes east of UTC for a timestamp without a zone (RFC 5424 requires one; some senders leave it out). */
  timeZoneOffsetMinutes?: number;
}

// <PRI>VERSION: parseSyslog only sends us input that starts like this.
const HEAD = /^<(\d{1,3})>1 /;
// TIMESTAMP HOSTNAME APP-NAME PROCID MSGID, each "-" or printable US-ASCII without spaces (RFC 5424 §6).
const FIELDS = /^(\S+) +(\S+) +(\S+) +(\S+) +(\S+)(?: |$)/;
// RFC 5424 §6: SD-NAME is 1..32 printable characters except '=', SP, ']' and '"'.
const SD_NAME = /^[^= \]"]{1,32}/;
const MAX_FIELD = { hostname: 255, appName: 48, procId: 128, msgId: 32 } as const;

/**
 * Parses one RFC 5424 message: HEADER SP STRUCTURED-DATA [SP MSG], and the
 * variants real senders produce: rsyslog's extra space before MSG (its
 * RSYSLOG_SyslogProtocol23Format keeps the space of the RFC 3164 MSG it
 * forwards), a BOM, a timestamp without a zone, over-long fields, broken
 * structured data (kept as text, flagged). Pure and never throws; a header
 * without its six fields is refused as 'bad-header'.
 */
export function parseRfc5424(bytes: Uint8Array, receivedAt: number, options: ParseRfc5424Options = {}): ParsedSyslog | SyslogRefusal {
  void receivedAt; // RFC 5424 timestamps carry the year; kept for the same signature as parseRfc3164
  const end = trimmedEnd(bytes);
  if (end === 0) return refuse('empty', 'the message is empty or holds only NUL, CR or LF');
  const { text, utf8 } = decodeText(bytes.subarray(0, end));
  const flags: string[] = utf8 ? [] : ['invalid-utf8'];

  const head = HEAD.exec(text);
  if (!head) return refuse('bad-header', 'not an RFC 5424 <PRI>1 header');
  const pri = Number(head[1]);
  if (pri > 191) return refuse('bad-pri', `PRI <${head[1]}> is outside 0..191`);
  if (CONTROL.test(text)) return refuse('not-printable', 'control characters: binary data, not a syslog text line');

  let rest = text.slice(head[0].length);
  const fields = FIELDS.exec(rest);
  if (!fields) return refuse('bad-header', 'RFC 5424 needs TIMESTAMP HOSTNAME APP-NAME PROCID MSGID after the version');
  rest = rest.slice(fields[0].length);
  const [stamp, hostname, appName, procId, msgId] = [fields[1]!, nil(fields[2]!), nil(fields[3]!), nil(fields[4]!), nil(fields[5]!)];

  let timestamp: number | undefined;
  if (stamp !== '-') {
    const read = readIsoTimestamp(stamp, options.timeZoneOffsetMinutes ?? 0);
    timestamp = read && read.length === stamp.length ? read.timestamp : undefined;
    if (timestamp === undefined) flags.push('invalid-timestamp');
  }
  if (tooLong(hostname, MAX_FIELD.hostname) || tooLong(appName, MAX_FIELD.appName) || tooLong(procId, MAX_FIELD.procId) || tooLong(msgId, MAX_FIELD.msgId)) {
    flags.push('long-header-field');
  }

  let structuredData: StructuredDataElement[] | undefined;
  let sdRead = true;
  const sd = rest.startsWith('[') ? readStructuredData(rest) : null;
  if (rest.startsWith('-') && (rest.length === 1 || rest[1] === ' ')) {
    rest = rest.slice(1);
  } else if (sd) {
    structuredData = sd.elements;
    rest = rest.slice(sd.length);
  } else if (rest.length > 0) {
    // Broken SD, or MSG straight after MSGID: keep it all as MSG rather than lose it.
    flags.push(rest.startsWith('[') ? 'invalid-structured-data' : 'no-structured-data');
    sdRead = false;
  }
  if (sdRead && rest.startsWith(' ')) rest = rest.slice(1); // the SP between STRUCTURED-DATA and MSG

  if (rest.startsWith(BOM)) {
    flags.push('bom');
    rest = rest.slice(BOM.length);
  } else if (rest.startsWith(' ')) {
    flags.push('leading-space');
    rest = rest.slice(1);
    if (rest.startsWith(BOM)) {
      flags.push('bom');
      rest = rest.slice(BOM.length);
    }
  }

  return {
    ok: true,
    format: 'rfc5424',
    facility: pri >> 3,
    severity: pri & 7,
    ...(timestamp !== undefined && { timestamp }),
    ...(hostname !== undefined && { hostname }),
    ...(appName !== undefined && { appName }),
    ...(procId !== undefined && { procId }),
    ...(msgId !== undefined && { msgId }),
    ...(structuredData !== undefined && { structuredData }),
    message: rest,
    flags,
  };
}

/** "-" is RFC 5424's NILVALUE. */
function nil(field: string): string | undefined {
  return field === '-' ? undefined : field;
}

function tooLong(field: string | undefined, max: number): boolean {
  return field !== undefined && field.length > max;
}

/**
 * Reads SD-ELEMENTs from the start of `text` ("[id a=\"1\"][id2]..."). Param
 * values may contain '\"', '\\' and '\]' escapes (RFC 5424 §6.3.3); a
 * backslash before anything else is kept as is. Null when malformed.
 */
export function readStructuredData(text: string): { elements: StructuredDataElement[]; length: number } | null {
  const elements: StructuredDataElement[] = [];
  let i = 0;
  while (text[i] === '[') {
    const id = SD_NAME.exec(text.slice(i + 1, i + 34));
    if (!id) return null;
    i += 1 + id[0].length;
    const params: Array<[string, string]> = [];
    while (text[i] === ' ') {
      const name = SD_NAME.exec(text.slice(i + 1, i + 34));
      if (!name || text[i + 1 + name[0].length] !== '=' || text[i + 2 + name[0].length] !== '"') return null;
      i += 3 + name[0].length;
      let value = '';
      for (;;) {
        const c = text[i];
        if (c === undefined) return null;
        if (c === '"') break;
        if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\' || text[i + 1] === ']')) {
          value += text[i + 1];
          i += 2;
        } else {
          value += c;
          i += 1;
        }
      }
      i += 1; // closing quote
      params.push([name[0], value]);
    }
    if (text[i] !== ']') return null;
    i += 1;
    elements.push({ id: id[0], params });
  }
  return { elements, length: i };
}
