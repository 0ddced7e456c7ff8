/**
 * ITU-T X.733 perceived severities (the IPO-MIB's ItuPerceivedSeverity uses
 * the same six), plus `info` for events that are not alarms at all.
 */
export const SEVERITIES = ['cleared', 'indeterminate', 'warning', 'minor', 'major', 'critical', 'info'] as const;

export type Severity = (typeof SEVERITIES)[number];

/** Severities that raise or update an alarm. */
export const PROBLEM_SEVERITIES = ['indeterminate', 'warning', 'minor', 'major', 'critical'] as const;

export type ProblemSeverity = (typeof PROBLEM_SEVERITIES)[number];

const RANK: Record<Severity, number> = {
  info: 0,
  cleared: 1,
  indeterminate: 2,
  warning: 3,
  minor: 4,
  major: 5,
  critical: 6,
};

/** Orders severities for "at least" filters and for the highest severity of an alarm. */
export function severityRank(severity: Severity): number {
  return RANK[severity];
}

export function isProblem(severity: Severity): severity is ProblemSeverity {
  return (PROBLEM_SEVERITIES as readonly string[]).includes(severity);
}
