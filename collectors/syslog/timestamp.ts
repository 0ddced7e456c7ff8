/**
 * Reads the timestamp at the start of a syslog header: the BSD form
 * "Mmm dd hh:mm:ss" of RFC 3164 §4.1.2, or the ISO-8601 form many devices
 * send in its place. Pure; returns null when there is no timestamp.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// The day is space-padded ("Nov  1"); some senders use one space ("Nov 1"), so both are read.
const BSD = /^([A-Za-z]{3}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?=\s|$)/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?(?=\s|$)/i;

const MINUTE_MS = 60_000;

export interface TimestampRead {
  /** Characters consumed. */
  length: number;
  /** Epoch ms; undefined when the fields are out of range (flag 'invalid-timestamp'). */
  timestamp: number | undefined;
  flags: string[];
}

/** `offsetMinutes` (east of UTC) applies to timestamps that carry no zone of their own. */
export function readTimestamp(text: string, receivedAt: number, offsetMinutes: number): TimestampRead | null {
  return readBsd(text, receivedAt, offsetMinutes) ?? readIso(text, offsetMinutes);
}

function readBsd(text: string, receivedAt: number, offsetMinutes: number): TimestampRead | null {
  const m = BSD.exec(text);
  const month = m ? MONTHS.indexOf(m[1]!.toLowerCase()) : -1;
  if (!m || month < 0) return null;
  const [day, hour, minute, second] = [m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number];
  const timestamp = validTime(hour, minute, second) ? nearestYear(month, day, hour, minute, second, receivedAt, offsetMinutes) : undefined;
  return { length: m[0].length, timestamp, flags: timestamp === undefined ? ['invalid-timestamp'] : [] };
}

/**
 * BSD timestamps have no year. Of last year, this year and next year, pick
 * the one nearest to when we received it, so "Dec 31 23:59:59" received on
 * 1 January lands in the old year (and a fast clock on 31 December in the new).
 */
function nearestYear(month: number, day: number, hour: number, minute: number, second: number, receivedAt: number, offsetMinutes: number): number | undefined {
  const year = new Date(receivedAt + offsetMinutes * MINUTE_MS).getUTCFullYear();
  let best: number | undefined;
  for (const y of [year - 1, year, year + 1]) {
    const local = utc(y, month, day, hour, minute, second, 0);
    if (local === undefined) continue; // e.g. Feb 29 outside a leap year
    const at = local - offsetMinutes * MINUTE_MS;
    if (at < 0) continue;
    if (best === undefined || Math.abs(at - receivedAt) < Math.abs(best - receivedAt)) best = at;
  }
  return best;
}

/** The ISO-8601 / RFC 3339 form alone (RFC 5424 TIMESTAMP); a missing zone means `offsetMinutes`. */
export function readIsoTimestamp(text: string, offsetMinutes: number): TimestampRead | null {
  return readIso(text, offsetMinutes);
}

function readIso(text: string, offsetMinutes: number): TimestampRead | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const zone = m[8] ? zoneMinutes(m[8]) : offsetMinutes;
  const local = year >= 1970 && validTime(hour, minute, second) ? utc(year, month - 1, day, hour, minute, second, ms) : undefined;
  const at = local === undefined || zone === undefined ? undefined : local - zone * MINUTE_MS;
  const timestamp = at !== undefined && at >= 0 ? at : undefined;
  return { length: m[0].length, timestamp, flags: timestamp === undefined ? ['iso-timestamp', 'invalid-timestamp'] : ['iso-timestamp'] };
}

function zoneMinutes(zone: string): number | undefined {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return undefined;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

// Second 60 is a leap second; Date.UTC rolls it into the next minute, which is close enough.
function validTime(hour: number, minute: number, second: number): boolean {
  return hour <= 23 && minute <= 59 && second <= 60;
}

/** Date.UTC that refuses days the month does not have instead of rolling over. */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number | undefined {
  if (month < 0 || month > 11 || day < 1) return undefined;
  const at = Date.UTC(year, month, day, hour, minute, second, ms);
  return new Date(Date.UTC(year, month, day)).getUTCDate() === day ? at : undefined;
}
