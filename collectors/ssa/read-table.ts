import { isListTitle } from './alarm-lists.js';
import { readHeaderLine } from './header-line.js';
import { MAX_ENTRIES, MAX_LINES, refuse, type Parsed, type ParsedSnapshot, type SnapshotFormat, type SnapshotRefusal, type SsaRow, type SsaState } from './snapshot.js';

/** One line (TSV) or record (CSV) split into cells. */
export interface TableRecord {
  line: number;
  cells: string[];
  source: string;
}

/** What a tokeniser yields: records, lazily (a 10 MB body is refused at row 1001 without splitting the rest), or why it stopped. */
export type TableInput = Iterable<TableRecord | { refusal: SnapshotRefusal }>;

type Column = 'date' | 'occurrences' | 'description' | 'state';

/** Column titles as SSA prints them (001:1144), compared without case or spacing; State is ours, optional. */
const COLUMN_TITLES: Record<string, Column> = {
  lastdateoferror: 'date',
  occurrences: 'occurrences',
  errordescription: 'description',
  state: 'state',
  status: 'state',
};
const REQUIRED: readonly Column[] = ['date', 'occurrences', 'description'];
const EXPECTED_HEADER = '"Last Date Of Error", "Occurrences", "Error Description" and optionally "State"';

const STATE_WORDS: Record<string, SsaState> = { '': 'unknown', active: 'active', red: 'active', cleared: 'cleared', clear: 'cleared', black: 'cleared' };

/**
 * The table part shared by the TSV and CSV readers: header lines (`# node:`),
 * the optional list title ("Service Alarms"), the column header, then rows.
 * Columns are found by their titles, so their order does not matter.
 */
export function readTable(records: TableInput, format: SnapshotFormat): Parsed<ParsedSnapshot> {
  const snapshot: ParsedSnapshot = { format, names: { node: [], list: [] }, rows: [], warnings: [] };
  let columns: Column[] | null = null;

  for (const record of records) {
    if ('refusal' in record) return { ok: false, refusal: record.refusal };
    if (record.line > MAX_LINES) return refuse('too-many-entries', record.line, `more than ${MAX_LINES} lines; an SSA alarm list of at most ${MAX_ENTRIES} rows is far shorter`);
    const cells = trimTrailingEmpty(record.cells.map((cell) => cell.trim()));
    if (cells.length === 0) continue;
    const header = cells.length === 1 ? readHeaderLine(cells[0] ?? '') : null;
    if (header === 'comment') continue;
    if (header) {
      if (columns) return refuse('bad-header', record.line, `"# ${header.key}:" must come before the column header`);
      snapshot.names[header.key].push({ value: header.value, where: `line ${record.line}`, line: record.line });
      continue;
    }
    if (isListTitle(cells)) {
      if (columns) return refuse('bad-header', record.line, `a second alarm list ("${cells[0]}") starts here; send one list per snapshot`);
      snapshot.names.list.push({ value: cells[0] ?? '', where: `line ${record.line}`, line: record.line });
      continue;
    }
    if (!columns) {
      const found = readColumns(cells, record.line);
      if (!found.ok) return found;
      columns = found.value;
      continue;
    }
    if (snapshot.rows.length === MAX_ENTRIES) {
      return refuse('too-many-entries', record.line, `more than ${MAX_ENTRIES} alarms; SSA keeps the last 50 per list, so this is not one SSA alarm list`);
    }
    const row = readRow(cells, columns, record);
    if (!row.ok) return row;
    snapshot.rows.push(row.value);
  }
  if (!columns) return refuse('bad-header', null, `no column header found: expected ${EXPECTED_HEADER}, as SSA prints them`);
  return { ok: true, value: snapshot };
}

function readColumns(cells: readonly string[], line: number): Parsed<Column[]> {
  const columns: Column[] = [];
  for (const cell of cells) {
    const column = COLUMN_TITLES[cell.toLowerCase().replace(/[\s_-]+/g, '')];
    if (!column) return refuse('bad-header', line, `unknown column "${cell}"; expected ${EXPECTED_HEADER}`);
    if (columns.includes(column)) return refuse('bad-header', line, `column "${cell}" appears twice`);
    columns.push(column);
  }
  const missing = REQUIRED.filter((column) => !columns.includes(column));
  if (missing.length > 0) return refuse('bad-header', line, `the column header lacks ${missing.map((c) => `"${TITLE[c]}"`).join(', ')}; expected ${EXPECTED_HEADER}`);
  return { ok: true, value: columns };
}

const TITLE: Record<Column, string> = { date: 'Last Date Of Error', occurrences: 'Occurrences', description: 'Error Description', state: 'State' };

function readRow(cells: readonly string[], columns: readonly Column[], record: TableRecord): Parsed<SsaRow> {
  const lastRequired = Math.max(...REQUIRED.map((column) => columns.indexOf(column)));
  if (cells.length > columns.length || cells.length <= lastRequired) {
    return refuse('wrong-columns', record.line, `${cells.length} columns, expected ${columns.length} (${columns.map((c) => TITLE[c]).join(', ')})`);
  }
  const cell = (column: Column) => cells[columns.indexOf(column)] ?? '';
  const occurrences = cell('occurrences');
  if (!/^\d{1,9}$/.test(occurrences)) return refuse('bad-occurrences', record.line, `Occurrences "${occurrences}" is not a whole number`);
  const description = cell('description');
  if (description === '') return refuse('empty-description', record.line, 'the Error Description is empty');
  const stateWord = columns.includes('state') ? cell('state').toLowerCase() : '';
  const state = STATE_WORDS[stateWord];
  if (!state) return refuse('bad-state', record.line, `State "${cell('state')}" is not active (red) or cleared (black)`);
  return { ok: true, value: { line: record.line, lastDateOfError: cell('date'), occurrences: Number(occurrences), description, state, source: record.source } };
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}
