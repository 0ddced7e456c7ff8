import { readTable, type TableInput } from './read-table.js';
import { MAX_CELLS, MAX_LINE_CHARS, refuse, type Parsed, type ParsedSnapshot } from './snapshot.js';

/**
 * Tab-separated text exactly as copied from SSA (001:1143-1153): an optional
 * title ("Service Alarms"), the column header, one alarm per line, trailing
 * tabs or not. Cells are literal: SSA does not quote.
 */
export function parseTsv(text: string): Parsed<ParsedSnapshot> {
  return readTable(lines(text), 'tsv');
}

function* lines(text: string): TableInput {
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const match = pattern.exec(text);
    const end = match ? match.index : text.length;
    if (end - start > MAX_LINE_CHARS) {
      const length = end - start;
      yield refuse('line-too-long', line, `${length} characters; an SSA alarm line is far shorter (at most ${MAX_LINE_CHARS})`);
      return;
    }
    const source = text.slice(start, end);
    const cells = source.split('\t', MAX_CELLS + 1);
    if (cells.length > MAX_CELLS) {
      yield refuse('wrong-columns', line, `more than ${MAX_CELLS} cells; an SSA table has three or four columns`);
      return;
    }
    yield { line, cells, source };
    if (!match) return;
    start = pattern.lastIndex;
  }
}
