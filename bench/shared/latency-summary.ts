/** Epoch ms with sub-millisecond precision, for durations timed across processes on one machine. */
export const nowMs = () => performance.timeOrigin + performance.now();

/** Median, 95th percentile and extremes of a set of durations (ms), as BENCHMARKS.md reports latency. */
export interface LatencySummary {
  count: number;
  min: number;
  median: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile (0 < p ≤ 100) of values, which need not be sorted; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

export function summarise(values: readonly number[]): LatencySummary {
  return {
    count: values.length,
    min: values.length ? Math.min(...values) : Number.NaN,
    median: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

/** "12.3 ms" under 100 ms, "123 ms" above: latencies differ by orders of magnitude between figure and reference. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value).toLocaleString('en')} ms`;
}

/** a / b to two significant places, "n/a" when either is missing. */
export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return 'n/a';
  const r = a / b;
  return r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2);
}
