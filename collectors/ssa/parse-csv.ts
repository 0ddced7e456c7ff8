import { readTable, type TableInput, type TableRecord } from './read-table.js';
import { MAX_LINE_CHARS, refuse, type Parsed, type ParsedSnapshot } from './snapshot.js';

/**
 * CSV as a spreadsheet saves the SSA table (RFC 4180: quoted cells may hold
 * commas, doubled quotes and line breaks). The delimiter is a comma, or a
 * semicolon when the column header uses semicolons (European spreadsheets).
 */
export function parseCsv(text: string): Parsed<ParsedSnapshot> {
  return readTable(splitRecords(text, delimiterOf(text)), 'csv');
}

function delimiterOf(text: string): ',' | ';' {
  const headerLine = text.split(/\r\n|\n|\r/).find((line) => /occurrences/i.test(line)) ?? '';
  return headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
}

function* splitRecords(text: string, delimiter: string): TableInput {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;
  let cellQuotedAt = -1;

  const endRecord = (end: number): TableRecord => {
    cells.push(cell);
    const record = { line: recordLine, cells, source: text.slice(recordStart, end) };
    cells = [];
    cell = '';
    return record;
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (i - recordStart > MAX_LINE_CHARS) {
      yield refuse('line-too-long', recordLine, `a record longer than ${MAX_LINE_CHARS} characters (an unclosed quote?)`);
      return;
    }
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
      cellQuotedAt = line;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      yield endRecord(i);
      if (char === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
      recordStart = i + 1;
    } else cell += char;
  }
  if (quoted) yield refuse('wrong-columns', cellQuotedAt, 'a quoted cell is never closed');
  else yield endRecord(text.length);
}
