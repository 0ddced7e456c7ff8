import { readTable, type TableInput, type TableRecord } from './read-table.js';
import { MAX_CELLS, MAX_LINE_CHARS, refuse, type Parsed, type ParsedSnapshot } from './snapshot.js';

/**
 * CSV as a spreadsheet saves the SSA table (RFC 4180: quoted cells may hold
 * commas, doubled quotes and line breaks). The delimiter is a comma, or a
 * semicolon when the column header uses semicolons (European spreadsheets).
 */
export function parseCsv(text: string): Parsed<ParsedSnapshot> {
  return readTable(splitRecords(text, delimiterOf(text)), 'csv');
}

/** One regular-expression pass finds the header line; splitting megabytes into lines first took seconds. */
function delimiterOf(text: string): ',' | ';' {
  const found = /occurrences/i.exec(text);
  if (!found) return ',';
  const start = Math.max(text.lastIndexOf('\n', found.index), text.lastIndexOf('\r', found.index)) + 1;
  const end = /\r|\n|$/.exec(text.slice(found.index))!.index + found.index;
  const headerLine = text.slice(start, end);
  return headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
}

function* splitRecords(text: string, delimiter: string): TableInput {
  // Runs of ordinary characters are taken in one step rather than one character at a time.
  const plainRun = new RegExp(`[^"${delimiter}\\r\\n]+`, 'y');
  const quotedRun = /[^"\n]+/y;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;
  let cellQuotedAt = -1;
  // cell.trim() === '' (a quote may still open the cell), kept as it grows rather than recomputed: a long blank cell stays linear.
  let cellBlank = true;

  const endRecord = (end: number): TableRecord => {
    cells.push(cell);
    const record = { line: recordLine, cells, source: text.slice(recordStart, end) };
    cells = [];
    cell = '';
    cellBlank = true;
    return record;
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (i - recordStart > MAX_LINE_CHARS) {
      yield refuse('line-too-long', recordLine, `a record longer than ${MAX_LINE_CHARS} characters (an unclosed quote?)`);
      return;
    }
    if (quoted) {
      quotedRun.lastIndex = i;
      if (quotedRun.test(text)) {
        const run = text.slice(i, quotedRun.lastIndex);
        cell += run;
        if (cellBlank && run.trim() !== '') cellBlank = false;
        i = quotedRun.lastIndex - 1;
        continue;
      }
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        cellBlank = false;
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
        if (cellBlank && char.trim() !== '') cellBlank = false;
      }
      continue;
    }
    if (char === '"' && cellBlank) {
      quoted = true;
      cell = '';
      cellQuotedAt = line;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
      cellBlank = true;
      if (cells.length >= MAX_CELLS) {
        yield refuse('wrong-columns', recordLine, `more than ${MAX_CELLS} cells; an SSA table has three or four columns`);
        return;
      }
    } else if (char === '\n' || char === '\r') {
      yield endRecord(i);
      if (char === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
      recordStart = i + 1;
    } else {
      // A quote inside a cell that is not blank is an ordinary character, and the only one the run stops at here.
      plainRun.lastIndex = i;
      const end = plainRun.test(text) ? plainRun.lastIndex : i + 1;
      const run = text.slice(i, end);
      cell += run;
      if (cellBlank && run.trim() !== '') cellBlank = false;
      i = end - 1;
    }
  }
  // A run may have carried the last record to the end of the text past the check at the top of the loop.
  if (text.length - 1 - recordStart > MAX_LINE_CHARS) yield refuse('line-too-long', recordLine, `a record longer than ${MAX_LINE_CHARS} characters (an unclosed quote?)`);
  else if (quoted) yield refuse('wrong-columns', cellQuotedAt, 'a quoted cell is never closed');
  else yield endRecord(text.length);
}
