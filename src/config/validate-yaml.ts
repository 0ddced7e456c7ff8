import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { CodedError, type ErrorCode } from '../errors.js';
import { formatIssue } from './format-issue.js';
import { formatYamlError, type LocatedLine } from './yaml-errors.js';
import { locateInYaml } from './yaml-locate.js';

/** What a YAML file is, for messages, and the codes its two kinds of failure carry. */
export interface YamlFileKind {
  /** "rule catalogue", "rule case file": the message reads "Invalid <noun> in <file>". */
  noun: string;
  yamlError: ErrorCode;
  invalidError: ErrorCode;
  /** The data an empty file (or one with only comments) stands for; undefined lets the schema report it. */
  whenEmpty?: unknown;
}

/**
 * Parses YAML text and validates it against a zod schema the same way the
 * configuration loader does, for any other YAML file the product reads. Every
 * problem is reported at once, one line each, sorted by position:
 * `<file>:<line>:<column> <key.path>: expected …; got …`.
 * Throws CodedError with `kind.yamlError` or `kind.invalidError`.
 */
export function validateYamlText<S extends z.ZodType>(text: string, fileName: string, schema: S, kind: YamlFileKind): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((error) => formatYamlError(error, doc, lineCounter));
    throw new CodedError(kind.yamlError, formatProblemReport(`Invalid YAML in ${fileName}`, fileName, lines));
  }

  const data: unknown = toData(doc, fileName, kind) ?? kind.whenEmpty;
  const result = schema.safeParse(data);
  if (result.success) return result.data;

  const lines = result.error.issues.flatMap((issue) =>
    formatIssue(issue, schema, data).map(({ path, anchor, text: problem }) => ({ ...locateInYaml(doc, lineCounter, path, anchor), text: problem })),
  );
  throw new CodedError(kind.invalidError, formatProblemReport(`Invalid ${kind.noun} in ${fileName}`, fileName, lines));
}

/** "<header> (N problems):" and one indented `file:line:column text` line per distinct problem, in file order. */
export function formatProblemReport(header: string, fileName: string, lines: readonly LocatedLine[]): string {
  const sorted = [...lines].sort((a, b) => a.line - b.line || a.column - b.column || compareText(a.text, b.text));
  const unique = [...new Set(sorted.map(({ line, column, text }) => `${fileName}:${line}:${column} ${text}`))];
  const count = `${unique.length} ${unique.length === 1 ? 'problem' : 'problems'}`;
  return [`${header} (${count}):`, ...unique.map((entry) => `  ${entry}`)].join('\n');
}

/** Locale-independent, so the order is the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** toJS() refuses alias bombs (more aliases than yaml's maxAliasCount); that is a YAML problem too. */
function toData(doc: Document, fileName: string, kind: YamlFileKind): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    const line = { line: 1, column: 1, text: `YAML syntax error: ${(error as Error).message}` };
    throw new CodedError(kind.yamlError, formatProblemReport(`Invalid YAML in ${fileName}`, fileName, [line]), { cause: error });
  }
}
