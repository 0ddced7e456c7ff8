import { decodeText } from './decode-text.js';
import { parseCsv } from './parse-csv.js';
import { parseJson } from './parse-json.js';
import { parseTsv } from './parse-tsv.js';
import type { Parsed, ParsedSnapshot, SnapshotFormat } from './snapshot.js';

const PARSERS: Record<SnapshotFormat, (text: string) => Parsed<ParsedSnapshot>> = { tsv: parseTsv, csv: parseCsv, json: parseJson };

const BY_MEDIA_TYPE: Record<string, SnapshotFormat> = {
  'application/json': 'json',
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
};

/** How the sender says what it sends; each hint is optional, the first one present wins. */
export interface FormatHints {
  format?: SnapshotFormat | undefined;
  contentType?: string | undefined;
  fileName?: string | undefined;
}

/** Bytes to a parsed snapshot or a refusal naming the line. Pure. */
export function parseSnapshot(bytes: Uint8Array, hints: FormatHints = {}): Parsed<ParsedSnapshot> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const { text, warnings } = decoded.value;
  const parsed = PARSERS[formatOf(text, hints)](text);
  if (parsed.ok) parsed.value.warnings.unshift(...warnings);
  return parsed;
}

/** Explicit format, then media type, then file extension, then the text itself: JSON starts with { or [, SSA's copy has tabs. */
export function formatOf(text: string, hints: FormatHints): SnapshotFormat {
  if (hints.format) return hints.format;
  const mediaType = hints.contentType?.split(';')[0]?.trim().toLowerCase();
  const byMedia = mediaType ? BY_MEDIA_TYPE[mediaType] : undefined;
  if (byMedia) return byMedia;
  const extension = /\.(json|csv|tsv)$/i.exec(hints.fileName ?? '')?.[1]?.toLowerCase() as SnapshotFormat | undefined;
  if (extension) return extension;
  const start = text.replace(/^\ufeff/, '').trimStart()[0];
  if (start === '{' || start === '[') return 'json';
  return text.includes('\t') ? 'tsv' : 'csv';
}
