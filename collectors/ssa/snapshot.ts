/**
 * What an SSA alarm snapshot is once read: rows as SSA printed them, before
 * the node's date format and time zone are applied. Parsers return this or a
 * coded refusal naming the line; they never throw.
 */

/** SSA's alarm lists (the Alarms tree of System Status; COM names the same five, 003:1426). */
export const SSA_LISTS = ['configuration', 'service', 'trunk', 'link', 'security'] as const;
export type SsaList = (typeof SSA_LISTS)[number];

/** Red in SSA is active, black is cleared (001:1162, 002:1582); text copied from SSA loses the colour: unknown. */
export const SSA_STATES = ['active', 'cleared', 'unknown'] as const;
export type SsaState = (typeof SSA_STATES)[number];

export const SNAPSHOT_FORMATS = ['tsv', 'csv', 'json'] as const;
export type SnapshotFormat = (typeof SNAPSHOT_FORMATS)[number];

/** One alarm row as printed: "Last Date Of Error", "Occurrences", "Error Description" (001:1144), plus an optional state. */
export interface SsaRow {
  /** 1-based line of the input where the row starts. */
  line: number;
  lastDateOfError: string;
  occurrences: number;
  description: string;
  state: SsaState;
  /** The row's own text, kept as the event's raw input. */
  source: string;
}

/** A node or list named by the input, and where, so a conflict or an unknown name can point at it. */
export interface Named {
  value: string;
  /** "line 1", "query parameter node", "file name" */
  where: string;
  line: number | null;
}

export interface ParsedSnapshot {
  format: SnapshotFormat;
  /** Every place the input names its node or list; the resolver checks they agree. */
  names: { node: Named[]; list: Named[] };
  rows: SsaRow[];
  warnings: SnapshotWarning[];
}

export const SNAPSHOT_REFUSAL_REASONS = [
  'binary',
  'empty',
  'line-too-long',
  'too-many-entries',
  'bad-json',
  'bad-header',
  'wrong-columns',
  'bad-occurrences',
  'bad-state',
  'empty-description',
  'bad-date',
  'impossible-date',
  'duplicate-entry',
  'missing-node',
  'unknown-node',
  'conflicting-node',
  'missing-list',
  'unknown-list',
  'conflicting-list',
] as const;
export type SnapshotRefusalReason = (typeof SNAPSHOT_REFUSAL_REASONS)[number];

/** Why a snapshot was refused: a stable reason (the metric label), the line (null when not on one) and how to fix it. */
export interface SnapshotRefusal {
  reason: SnapshotRefusalReason;
  line: number | null;
  message: string;
}

export const SNAPSHOT_WARNINGS = ['ambiguous-date', 'nonexistent-local-time', 'windows-1252'] as const;

/** Accepted, but something could not be read without guessing: reported, never guessed. */
export interface SnapshotWarning {
  kind: (typeof SNAPSHOT_WARNINGS)[number];
  line: number | null;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; refusal: SnapshotRefusal };

export function refuse(reason: SnapshotRefusalReason, line: number | null, message: string): { ok: false; refusal: SnapshotRefusal } {
  return { ok: false, refusal: { reason, line, message: line === null ? message : `line ${line}: ${message}` } };
}

/** SSA keeps the last 50 alarms (003:1363); a snapshot far beyond that is not one SSA list. */
export const MAX_ENTRIES = 1000;
/**
 * Lines of any kind (rows, blank lines, comments): ten per allowed row. Blank lines and comments cost time but
 * are not rows, so without this a 10 MB body of newlines kept the parser busy for seconds.
 */
export const MAX_LINES = 10 * MAX_ENTRIES;
/** Cells in one line: SSA prints three or four, spreadsheets add empty ones; thousands are not a table. */
export const MAX_CELLS = 256;
/** SSA descriptions are one short sentence; a longer line is not SSA text. */
export const MAX_LINE_CHARS = 4096;
