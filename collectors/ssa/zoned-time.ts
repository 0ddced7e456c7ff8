/** A local date and time with no zone, as SSA prints it. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** One instant; none (the hour skipped when clocks go forward); or two (the hour repeated when they go back). */
export type ZonedResult = { kind: 'ok'; ms: number } | { kind: 'gap' } | { kind: 'overlap'; earlier: number; later: number };

const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The instant a wall-clock time in an IANA zone stands for, with DST gaps and
 * overlaps reported rather than resolved: the caller decides, we never guess.
 * Tries the zone's offsets a day either side, which covers every real zone
 * (offsets change at most once a day).
 */
export function wallToEpoch(wall: WallTime, timeZone: string): ZonedResult {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offsets = new Set([offsetAt(asUtc - 24 * HOUR, timeZone), offsetAt(asUtc, timeZone), offsetAt(asUtc + 24 * HOUR, timeZone)]);
  const instants = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((ms) => offsetAt(ms, timeZone) === asUtc - ms)
    .sort((a, b) => a - b);
  const unique = [...new Set(instants)];
  if (unique.length === 0) return { kind: 'gap' };
  if (unique.length === 1) return { kind: 'ok', ms: unique[0] as number };
  return { kind: 'overlap', earlier: unique[0] as number, later: unique.at(-1) as number };
}

/**
 * The zone's offset from UTC at an instant, in ms (local − UTC). formatToParts is slow (~15 µs), so offsets are
 * cached per zone and UTC hour, but only for hours whose first and last second have the same offset: exact.
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

const offsets = new Map<string, number>();
const MAX_CACHED_OFFSETS = 100_000;

function exactOffsetAt(ms: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(ms).map((part) => [part.type, Number(part.value)]));
  const local = Date.UTC(parts['year'] ?? 0, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0);
  return local - Math.floor(ms / 1000) * 1000;
}
