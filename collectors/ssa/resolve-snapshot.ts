import { ssaAlarmKey, licenceTypeOf } from './alarm-key.js';
import { normaliseListName } from './alarm-lists.js';
import { decisiveFormat, parseSsaDate, type SsaDateFormat } from './ssa-date.js';
import { refuse, SSA_LISTS, type Named, type Parsed, type ParsedSnapshot, type SnapshotWarning, type SsaList, type SsaRow, type SsaState } from './snapshot.js';
import { wallToEpoch } from '../../src/time/zoned-time.js';

/** One alarm of a snapshot, with its key and its date read in the node's zone. */
export interface SsaEntry {
  line: number;
  /** The alarm key (alarm-key.ts): equal keys are the same SSA entry. */
  key: string;
  text: string;
  occurrences: number;
  state: SsaState;
  /** Epoch ms, or null when the date could not be read without guessing (a warning says why). */
  lastDateOfError: number | null;
  lastDateText: string;
  licenceType: string | null;
  source: string;
}

export interface SsaSnapshot {
  nodeId: string;
  list: SsaList;
  entries: SsaEntry[];
  warnings: SnapshotWarning[];
}

/** What the collector knows about a fleet node: its site's zone and its SSA date format. */
export type NodeLookup = (nodeId: string) => { timeZone: string; dateFormat: SsaDateFormat } | null;

/**
 * Puts a parsed snapshot in context: which node and list (every place that
 * names them must agree), each date in the node's zone and format, and the
 * alarm key of each row. Pure apart from the lookup.
 */
export function resolveSnapshot(parsed: ParsedSnapshot, given: { node: Named[]; list: Named[] }, lookup: NodeLookup): Parsed<SsaSnapshot> {
  const nodeName = agree('node', [...given.node, ...parsed.names.node], (value) => value.trim().toLowerCase());
  if (!nodeName.ok) return nodeName;
  const nodeId = nodeName.value.value.trim().toLowerCase();
  const node = lookup(nodeId);
  if (!node) return refuse('unknown-node', nodeName.value.line, `node "${nodeName.value.value}" (${nodeName.value.where}) is not in the fleet; add it under fleet: or correct the id`);
  const listName = agree('list', [...given.list, ...parsed.names.list], (value) => normaliseListName(value) ?? `?${value}`);
  if (!listName.ok) return listName;
  const list = normaliseListName(listName.value.value);
  if (!list) return refuse('unknown-list', listName.value.line, `unknown alarm list "${listName.value.value}" (${listName.value.where}); expected one of ${SSA_LISTS.join(', ')}`);

  const warnings = [...parsed.warnings];
  const format = formatFor(parsed.rows, node.dateFormat);
  if (!format.ok) return format;
  const entries: SsaEntry[] = [];
  const seen = new Map<string, number>();
  for (const row of parsed.rows) {
    const key = ssaAlarmKey(row.description);
    const earlier = seen.get(key);
    if (earlier !== undefined) return refuse('duplicate-entry', row.line, `the same alarm as line ${earlier} ("${row.description}"); each alarm appears once in an SSA list`);
    seen.set(key, row.line);
    const date = readDate(row, format.value, node.timeZone);
    if (!date.ok) return date;
    if (date.value.warning) warnings.push(date.value.warning);
    entries.push({
      line: row.line,
      key,
      text: row.description,
      occurrences: row.occurrences,
      state: row.state,
      lastDateOfError: date.value.ms,
      lastDateText: row.lastDateOfError,
      licenceType: licenceTypeOf(row.description),
      source: row.source,
    });
  }
  return { ok: true, value: { nodeId, list, entries, warnings } };
}

function agree(what: 'node' | 'list', names: readonly Named[], canonical: (value: string) => string): Parsed<Named> {
  const [first, ...rest] = names;
  if (!first || first.value.trim() === '') {
    const how = what === 'node' ? 'a "# node: <id>" line, the file name, the JSON "node" or the query parameter node' : 'the title SSA prints ("Service Alarms"), a "# list:" line, the file name, the JSON "list" or the query parameter list';
    return refuse(`missing-${what}`, first?.line ?? null, `the snapshot does not say which ${what} it is from; name it with ${how}`);
  }
  const other = rest.find((named) => canonical(named.value) !== canonical(first.value));
  if (other) return refuse(`conflicting-${what}`, other.line, `${what} "${other.value}" (${other.where}) differs from "${first.value}" (${first.where})`);
  return { ok: true, value: first };
}

/** The node's format; for "auto", the one the snapshot's own dates show (a field above 12), if they agree. */
function formatFor(rows: readonly SsaRow[], format: SsaDateFormat): Parsed<SsaDateFormat> {
  if (format !== 'auto') return { ok: true, value: format };
  let found: { format: SsaDateFormat; line: number } | null = null;
  for (const row of rows) {
    const decisive = decisiveFormat(row.lastDateOfError);
    if (!decisive) continue;
    if (found && found.format !== decisive) {
      return refuse('bad-date', row.line, `"${row.lastDateOfError}" reads as ${decisive} but line ${found.line} as ${found.format}; set the node's ssa.dateFormat`);
    }
    found ??= { format: decisive, line: row.line };
  }
  return { ok: true, value: found?.format ?? 'auto' };
}

function readDate(row: SsaRow, format: SsaDateFormat, timeZone: string): Parsed<{ ms: number | null; warning?: SnapshotWarning }> {
  const date = parseSsaDate(row.lastDateOfError, format);
  const text = row.lastDateOfError;
  switch (date.kind) {
    case 'bad':
      return refuse('bad-date', row.line, `Last Date Of Error "${text}" is not a date; expected DD/MM/YYYY HH:MM:SS as SSA prints it (or ISO 8601 with a zone)`);
    case 'impossible':
      return refuse('impossible-date', row.line, `Last Date Of Error "${text}": ${date.why}; if this node prints another order, set its ssa.dateFormat`);
    case 'ambiguous':
      return ok(null, { kind: 'ambiguous-date', line: row.line, message: `line ${row.line}: "${text}" could be day/month or month/day; the date is left out. Set the node's ssa.dateFormat` });
    case 'instant':
      return ok(date.ms);
    case 'wall': {
      const zoned = wallToEpoch(date.wall, timeZone);
      if (zoned.kind === 'ok') return ok(zoned.ms);
      if (zoned.kind === 'gap') return ok(null, { kind: 'nonexistent-local-time', line: row.line, message: `line ${row.line}: "${text}" does not exist in ${timeZone} (clocks went forward); the date is left out` });
      return ok(null, { kind: 'ambiguous-date', line: row.line, message: `line ${row.line}: "${text}" happened twice in ${timeZone} (clocks went back); the date is left out` });
    }
  }
}

function ok(ms: number | null, warning?: SnapshotWarning): Parsed<{ ms: number | null; warning?: SnapshotWarning }> {
  return { ok: true, value: warning ? { ms, warning } : { ms } };
}
