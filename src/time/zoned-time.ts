/**
 * Wall-clock time in IANA zones with nothing but Intl: the local date and
 * time of an instant, and the instant(s) of a local date and time. One
 * module for every caller (SSA dates, maintenance windows, emails).
 * Formatters are cached per zone because building one costs far more than
 * using it; offsets are cached per zone and UTC hour.
 */

/** A local date and time with no zone, e.g. as SSA prints it. */
export interface WallTime {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export interface LocalTime extends WallTime {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/** One instant; none (the hour skipped when clocks go forward); or two (the hour repeated when they go back). */
export type ZonedResult = { kind: 'ok'; ms: number } | { kind: 'gap' } | { kind: 'overlap'; earlier: number; later: number };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MAX_CACHED_OFFSETS = 100_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
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

/**
 * The zone's offset from UTC at an instant, in ms (local − UTC, e.g. +3600000 for BST). formatToParts is slow
 * (~15 µs), so offsets are cached per zone and UTC hour, but only for hours whose first and last second have the
 * same offset: exact.
 */
export function offsetAt(ms: number, timeZone: string): number {
  const hour = Math.floor(ms / HOUR);
  const key = `${timeZone}\u0000${hour}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const start = exactOffsetAt(hour * HOUR, timeZone);
  if (start !== exactOffsetAt((hour + 1) * HOUR - 1000, timeZone)) return exactOffsetAt(ms, timeZone);
  if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
  offsets.set(key, start);
  return start;
}

function exactOffsetAt(ms: number, timeZone: string): number {
  const t = localTime(ms, timeZone);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time in a zone stands for, with DST gaps and
 * overlaps reported rather than resolved: the caller decides, we never
 * guess. Tries the zone's offsets a day either side, which covers every real
 * zone (offsets change at most once a day).
 */
export function wallToEpoch(wall: WallTime, timeZone: string): ZonedResult {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const candidates = new Set([offsetAt(asUtc - DAY, timeZone), offsetAt(asUtc, timeZone), offsetAt(asUtc + DAY, timeZone)]);
  const instants = [...new Set([...candidates].map((offset) => asUtc - offset).filter((ms) => offsetAt(ms, timeZone) === asUtc - ms))].sort((a, b) => a - b);
  if (instants.length === 0) return { kind: 'gap' };
  if (instants.length === 1) return { kind: 'ok', ms: instants[0] as number };
  return { kind: 'overlap', earlier: instants[0] as number, later: instants.at(-1) as number };
}

/**
 * The instant a local date and time happens in the zone, resolved: a time
 * skipped by a DST change (02:30 on a spring-forward night) moves forward by
 * the gap; a time that happens twice resolves to the earlier of the two
 * (for maintenance windows, where starting early is the safe side).
 */
export function zonedInstant(date: { year: number; month: number; day: number }, hour: number, minute: number, timeZone: string): number {
  const wall = { year: date.year, month: date.month, day: date.day, hour, minute, second: 0 };
  const result = wallToEpoch(wall, timeZone);
  if (result.kind === 'ok') return result.ms;
  if (result.kind === 'overlap') return result.earlier;
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  return asUtc - offsetAt(asUtc - DAY, timeZone);
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
