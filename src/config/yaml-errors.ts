import { isScalar, visit, type Document, type LineCounter, type YAMLError } from 'yaml';

/** A located sentence of a config error message, before the file name is added. */
export interface LocatedLine {
  line: number;
  column: number;
  text: string;
}

/** `YAML syntax error: <yaml's message>` at the error's start; a duplicate key is also named. */
export function formatYamlError(error: YAMLError, doc: Document, lineCounter: LineCounter): LocatedLine {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  let message = error.message;
  if (error.code === 'DUPLICATE_KEY') {
    const key = keyStartingAt(doc, error.pos[0]);
    if (key !== undefined) message += `: "${key}" appears more than once`;
  }
  return { line, column: col, text: `YAML syntax error: ${message}` };
}

function keyStartingAt(doc: Document, offset: number): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        found = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
