import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { CodedError } from '../errors.js';
import { formatIssue } from './format-issue.js';
import { configSchema, type Config } from './schema.js';
import { formatYamlError, type LocatedLine } from './yaml-errors.js';
import { locateInYaml } from './yaml-locate.js';

/** Reads and validates a configuration file. Throws CodedError: IPO_ERR_CONFIG_READ, _YAML or _INVALID. */
export function loadConfigFile(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CodedError('IPO_ERR_CONFIG_READ', `Cannot read configuration file ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseConfigText(text, path);
}

/**
 * Validates configuration text; `fileName` is only used in messages. Reports
 * every problem at once, one line each, sorted by position:
 * `<file>:<line>:<column> <key.path>: expected …; got …`.
 */
export function parseConfigText(text: string, fileName: string): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((error) => formatYamlError(error, doc, lineCounter));
    throw new CodedError('IPO_ERR_CONFIG_YAML', report(`Invalid YAML in ${fileName}`, fileName, lines));
  }

  // An empty file, or one with only comments, has no content: all defaults.
  const data: unknown = toData(doc, fileName) ?? {};
  const result = configSchema.safeParse(data);
  if (result.success) return result.data;

  const lines = result.error.issues.flatMap((issue) =>
    formatIssue(issue, configSchema, data).map(({ path, anchor, text: problem }) => ({ ...locateInYaml(doc, lineCounter, path, anchor), text: problem })),
  );
  throw new CodedError('IPO_ERR_CONFIG_INVALID', report(`Invalid configuration in ${fileName}`, fileName, lines));
}

function report(header: string, fileName: string, lines: LocatedLine[]): string {
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
function toData(doc: Document, fileName: string): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    throw new CodedError('IPO_ERR_CONFIG_YAML', report(`Invalid YAML in ${fileName}`, fileName, [{ line: 1, column: 1, text: `YAML syntax error: ${(error as Error).message}` }]), { cause: error });
  }
}
