/**
 * Wall-clock time in an IANA zone with nothing but Intl: the local date and
 * time of an instant, and the instant of a local date and time. Formatters
 * are cached per zone because building one costs far more than using it.
 */

export interface LocalTime {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function localTime(at: number, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return { year, month, day, hour, minute, second, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

/** Local minus UTC at that instant, in ms (e.g. +3600000 for BST). */
export function zoneOffset(at: number, timeZone: string): number {
  const t = localTime(at, timeZone);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a local date and time happens in the zone. A time skipped by a
 * DST change (02:30 on a spring-forward night) moves forward by the gap; a
 * time that happens twice resolves to one of the two.
 */
export function zonedInstant(date: { year: number; month: number; day: number }, hour: number, minute: number, timeZone: string): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = zoneOffset(asUtc, timeZone);
  const guess = asUtc - first;
  const second = zoneOffset(guess, timeZone);
  return second === first ? guess : asUtc - second;
}

/** The calendar date `days` after (or before) a date; plain civil arithmetic, no zone. */
export function addDays(date: { year: number; month: number; day: number }, days: number): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

/** "2026-11-21 09:05" in the zone, for people. */
export function formatLocal(at: number, timeZone: string): string {
  const t = localTime(at, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
}
