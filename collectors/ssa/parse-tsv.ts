import { readTable, type TableRecord } from './read-table.js';
import { MAX_LINE_CHARS, refuse, type Parsed, type ParsedSnapshot } from './snapshot.js';

/**
 * Tab-separated text exactly as copied from SSA (001:1143-1153): an optional
 * title ("Service Alarms"), the column header, one alarm per line, trailing
 * tabs or not. Cells are literal: SSA does not quote.
 */
export function parseTsv(text: string): Parsed<ParsedSnapshot> {
  const records: TableRecord[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let index = 0; index < lines.length; index++) {
    const source = lines[index] ?? '';
    if (source.length > MAX_LINE_CHARS) return refuse('line-too-long', index + 1, `${source.length} characters; an SSA alarm line is far shorter (at most ${MAX_LINE_CHARS})`);
    records.push({ line: index + 1, cells: source.split('\t'), source });
  }
  return readTable(records, 'tsv');
}
