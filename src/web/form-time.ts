/**
 * A time typed in a form: "2026-11-21T07:00" from a datetime-local field is UTC (the pages say so); a full ISO time
 * keeps its offset. undefined when empty, null when unreadable (the page says why rather than widening the search).
 */
export function parseFormTime(value: string | undefined): number | undefined | null {
  if (!value) return undefined;
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : ms;
}
