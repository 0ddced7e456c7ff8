import { loadavg } from 'node:os';

export interface SectionRun {
  /** ISO 8601, seconds. */
  date: string;
  commit: string;
  /** 1-minute load average when the benchmark started and when it ended. */
  loadAtStart: number;
  loadAtEnd: number;
  cores: number;
}

/** The 1-minute load average now, two decimals. */
export function loadNow(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

export const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The line under each section's heading: when, at which commit, and how busy
 * the machine was. A load above the core count means other work took CPU
 * from the benchmark, and the section says so.
 */
export function sectionStamp(run: SectionRun): string {
  const line = `_Measured ${run.date} at commit ${run.commit}; load average ${run.loadAtStart} at the start, ${run.loadAtEnd} at the end (${run.cores} cores)._`;
  if (Math.max(run.loadAtStart, run.loadAtEnd) <= run.cores) return line;
  return `${line}\n**The machine was busy** (load above its ${run.cores} cores): other work took CPU from this benchmark, so its absolute figures are lower than on a quiet machine, and ratios to references measured minutes apart carry that noise.`;
}
