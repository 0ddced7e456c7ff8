import type { WallTime } from '../../src/time/zoned-time.js';

/** How a node prints dates in SSA. DD/MM/YYYY is what the seeds show (001:1145 is 1 August 2016, cf. 001:1801). */
export const SSA_DATE_FORMATS = ['DD/MM/YYYY', 'MM/DD/YYYY', 'auto'] as const;
export type SsaDateFormat = (typeof SSA_DATE_FORMATS)[number];
export const DEFAULT_SSA_DATE_FORMAT: SsaDateFormat = 'DD/MM/YYYY';

export type SsaDate =
  | { kind: 'wall'; wall: WallTime }
  /** ISO 8601 with a zone (JSON from scripts): already an instant. */
  | { kind: 'instant'; ms: number }
  /** Format auto and both fields ≤ 12 and different: day and month cannot be told apart. */
  | { kind: 'ambiguous' }
  | { kind: 'impossible'; why: string }
  | { kind: 'bad' };

const SSA_PATTERN = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Which field order an "auto" date shows on its own: only a field above 12 decides. */
export function decisiveFormat(text: string): 'DD/MM/YYYY' | 'MM/DD/YYYY' | null {
  const match = SSA_PATTERN.exec(text.trim());
  if (!match) return null;
  const [a, b] = [Number(match[1]), Number(match[2])];
  if (a > 12 && b <= 12) return 'DD/MM/YYYY';
  if (b > 12 && a <= 12) return 'MM/DD/YYYY';
  return null;
}

/** Reads "01/08/2016 16:35:00" in the given field order; impossible values are named, never rolled over. */
export function parseSsaDate(text: string, format: SsaDateFormat): SsaDate {
  const trimmed = text.trim();
  if (ISO_PATTERN.test(trimmed)) {
    const ms = Date.parse(trimmed);
    return Number.isNaN(ms) || !sameIsoFields(trimmed, ms) ? { kind: 'impossible', why: `${trimmed} is not a real date and time` } : { kind: 'instant', ms };
  }
  const match = SSA_PATTERN.exec(trimmed);
  if (!match) return { kind: 'bad' };
  const [a, b, year, hour, minute, second] = match.slice(1).map((field) => Number(field ?? 0)) as [number, number, number, number, number, number];
  if (hour > 23 || minute > 59 || second > 59) return { kind: 'impossible', why: `${trimmed.split(/\s+/)[1]} is not a time of day` };
  let order = format;
  if (order === 'auto') order = decisiveFormat(trimmed) ?? (a === b ? 'DD/MM/YYYY' : 'auto');
  if (order === 'auto') return a > 12 && b > 12 ? { kind: 'impossible', why: `${trimmed} has no month` } : { kind: 'ambiguous' };
  const [day, month] = order === 'DD/MM/YYYY' ? [a, b] : [b, a];
  if (month < 1 || month > 12) return { kind: 'impossible', why: `month ${month} does not exist (read as ${order})` };
  if (day < 1 || day > daysIn(year, month)) return { kind: 'impossible', why: `day ${day} does not exist in ${year}-${String(month).padStart(2, '0')} (read as ${order})` };
  return { kind: 'wall', wall: { year, month, day, hour, minute, second } };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Date.parse rolls 2026-02-31 over to March; compare the fields back to refuse it. */
function sameIsoFields(text: string, ms: number): boolean {
  const offset = /(?:Z|([+-])(\d{2}):?(\d{2}))$/i.exec(text);
  const minutes = offset?.[1] ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  const local = new Date(ms + minutes * 60_000).toISOString();
  return local.slice(0, 16) === text.slice(0, 16);
}
