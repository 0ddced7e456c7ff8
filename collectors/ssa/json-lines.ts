/**
 * A strict JSON reader that remembers where values start, so a refusal can
 * name the line (Node 20's JSON.parse says neither line nor position). Keeps
 * the line of every value down to MAX_LOCATED_DEPTH; refuses deeper nesting
 * than MAX_DEPTH rather than recursing without bound, and more than
 * `maxValues` values (tooMany) rather than reading megabytes of them.
 */
export type JsonRead =
  | { ok: true; value: unknown; lineOf(path: readonly (string | number)[]): number | null }
  | { ok: false; line: number; message: string; tooMany?: true };

const MAX_DEPTH = 16;
const MAX_LOCATED_DEPTH = 3;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_END = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

class JsonSyntaxError extends Error {}
class JsonTooManyValues extends Error {}

export function readJson(text: string, maxValues = Number.POSITIVE_INFINITY): JsonRead {
  let at = 0;
  let line = 1;
  let values = 0;
  const lines = new Map<string, number>();

  const fail = (what: string): never => {
    throw new JsonSyntaxError(at >= text.length ? `${what}: the JSON ends too early` : `${what}: unexpected ${JSON.stringify(text[at])}`);
  };
  const space = () => {
    for (; at < text.length; at++) {
      const char = text[at];
      if (char === '\n') line++;
      else if (char !== ' ' && char !== '\t' && char !== '\r') break;
    }
  };
  const literal = (word: string, value: unknown) => {
    if (!text.startsWith(word, at)) fail('expected a value');
    at += word.length;
    return value;
  };
  const string = (): string => {
    STRING_END.lastIndex = at + 1;
    if (!STRING_END.exec(text)) fail('a string is not closed or holds a bad escape or control character');
    const end = STRING_END.lastIndex;
    const value = JSON.parse(text.slice(at, end)) as string;
    at = end;
    return value;
  };
  const value = (path: (string | number)[]): unknown => {
    space();
    if (++values > maxValues) throw new JsonTooManyValues(`more than ${maxValues} values`);
    if (path.length <= MAX_LOCATED_DEPTH) lines.set(JSON.stringify(path), line);
    if (path.length > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    const char = text[at];
    if (char === '{') return object(path);
    if (char === '[') return array(path);
    if (char === '"') return string();
    if (char === 't') return literal('true', true);
    if (char === 'f') return literal('false', false);
    if (char === 'n') return literal('null', null);
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (!number) return fail('expected a value');
    at = NUMBER.lastIndex;
    return Number(number[0]);
  };
  const object = (path: (string | number)[]): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    at++;
    space();
    if (text[at] === '}') return at++, result;
    for (;;) {
      space();
      if (text[at] !== '"') fail('expected a quoted key');
      const key = string();
      space();
      if (text[at] !== ':') fail('expected ":" after a key');
      at++;
      Object.defineProperty(result, key, { value: value([...path, key]), enumerable: true, writable: true, configurable: true });
      space();
      if (text[at] === ',') at++;
      else if (text[at] === '}') return at++, result;
      else fail('expected "," or "}"');
    }
  };
  const array = (path: (string | number)[]): unknown[] => {
    const result: unknown[] = [];
    at++;
    space();
    if (text[at] === ']') return at++, result;
    for (;;) {
      result.push(value([...path, result.length]));
      space();
      if (text[at] === ',') at++;
      else if (text[at] === ']') return at++, result;
      else fail('expected "," or "]"');
    }
  };

  try {
    if (text.charCodeAt(0) === 0xfeff) at = 1;
    const result = value([]);
    space();
    if (at < text.length) fail('text after the JSON value');
    return { ok: true, value: result, lineOf: (path) => lines.get(JSON.stringify(path)) ?? null };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, line, message: error.message };
    if (error instanceof JsonTooManyValues) return { ok: false, line, message: error.message, tooMany: true };
    throw error;
  }
}
