import { z } from 'zod';
import { readJson } from './json-lines.js';
import { MAX_ENTRIES, MAX_LINE_CHARS, refuse, SSA_STATES, type Parsed, type ParsedSnapshot, type SnapshotRefusalReason, type SsaRow } from './snapshot.js';

/**
 * Values a list of MAX_ENTRIES alarms can hold (an object and four fields each, the wrapper and its names), with
 * room to spare: beyond it the input is refused as too many entries before megabytes of it are read (found by
 * parse-snapshot.fuzz.test.ts: a 10 MB array of numbers took seconds).
 */
const MAX_JSON_VALUES = (MAX_ENTRIES + 1) * 8 + 16;

/**
 * JSON from scripts: `{ "node": "...", "list": "Service", "alarms": [ { "lastDateOfError": "01/08/2016 16:35:00",
 * "occurrences": 4, "errorDescription": "...", "state": "active" } ] }`, or the bare array of alarms with node and
 * list given elsewhere (query parameters, file name).
 */
export function parseJson(text: string): Parsed<ParsedSnapshot> {
  const read = readJson(text, MAX_JSON_VALUES);
  if (!read.ok && read.tooMany) return refuse('too-many-entries', read.line, `more than ${MAX_JSON_VALUES} JSON values; a list of at most ${MAX_ENTRIES} alarms has far fewer`);
  if (!read.ok) return refuse('bad-json', read.line, `not valid JSON (${read.message})`);
  const { value, lineOf } = read;
  const snapshot: ParsedSnapshot = { format: 'json', names: { node: [], list: [] }, rows: [], warnings: [] };
  let alarms: unknown;
  let base: (string | number)[] = [];
  if (Array.isArray(value)) alarms = value;
  else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      if (key !== 'node' && key !== 'list' && key !== 'alarms') return refuse('wrong-columns', lineOf([key]), `unknown key "${key}"; expected node, list and alarms`);
    }
    for (const key of ['node', 'list'] as const) {
      const named = value[key];
      if (named === undefined) continue;
      if (typeof named !== 'string') return refuse(`missing-${key}`, lineOf([key]), `"${key}" must be a string`);
      snapshot.names[key].push({ value: named, where: `line ${lineOf([key])} ("${key}")`, line: lineOf([key]) });
    }
    alarms = value['alarms'];
    base = ['alarms'];
    if (!Array.isArray(alarms)) return refuse('bad-header', lineOf(['alarms']) ?? 1, '"alarms" must be a list of { lastDateOfError, occurrences, errorDescription, state }');
  } else return refuse('bad-header', 1, 'expected an object with "alarms", or a list of alarms');

  for (const [index, element] of (alarms as unknown[]).entries()) {
    const at = [...base, index];
    if (index === MAX_ENTRIES) return refuse('too-many-entries', lineOf(at), `more than ${MAX_ENTRIES} alarms; SSA keeps the last 50 per list`);
    const parsed = rowSchema.safeParse(element);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = issue?.path[0];
      const reason: SnapshotRefusalReason = (typeof key === 'string' && REASON_BY_KEY[key]) || 'wrong-columns';
      const line = (typeof key === 'string' ? lineOf([...at, key]) : null) ?? lineOf(at);
      return refuse(reason, line, `alarm ${index + 1}${typeof key === 'string' ? ` "${key}"` : ''}: ${issue?.message ?? 'invalid'}`);
    }
    const row: SsaRow = {
      line: lineOf(at) ?? 1,
      lastDateOfError: parsed.data.lastDateOfError,
      occurrences: parsed.data.occurrences,
      description: parsed.data.errorDescription,
      state: parsed.data.state ?? 'unknown',
      source: JSON.stringify(element),
    };
    snapshot.rows.push(row);
  }
  return { ok: true, value: snapshot };
}

const rowSchema = z.strictObject(
  {
    lastDateOfError: z.string({ error: 'expected the date as SSA prints it, e.g. "01/08/2016 16:35:00"' }).trim().min(1),
    occurrences: z.number({ error: 'expected a whole number' }).int({ error: 'expected a whole number' }).min(0).max(999_999_999),
    errorDescription: z.string({ error: 'expected the text' }).trim().min(1, { error: 'the text is empty' }).max(MAX_LINE_CHARS),
    state: z.enum(SSA_STATES, { error: 'expected active, cleared or unknown' }).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown key; expected lastDateOfError, occurrences, errorDescription and state` : 'expected an object') },
);

const REASON_BY_KEY: Record<string, SnapshotRefusalReason> = {
  lastDateOfError: 'bad-date',
  occurrences: 'bad-occurrences',
  errorDescription: 'empty-description',
  state: 'bad-state',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
