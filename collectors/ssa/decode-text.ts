import { refuse, type Parsed, type SnapshotWarning } from './snapshot.js';

export interface DecodedText {
  text: string;
  warnings: SnapshotWarning[];
}

// C0 controls other than tab, LF and CR, and DEL: text copied from SSA never has them, binary data nearly always does.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Bytes to text: UTF-8 (with or without BOM), or UTF-16 with a BOM (what
 * Windows Notepad saves as "Unicode"). Other bytes that are not UTF-8 are read
 * as windows-1252, with a warning. Anything with control characters is binary
 * and refused, naming the line of the first one.
 */
export function decodeText(bytes: Uint8Array): Parsed<DecodedText> {
  const warnings: SnapshotWarning[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      warnings.push({ kind: 'windows-1252', line: null, message: 'the input is not UTF-8; it was read as windows-1252' });
    }
  }
  const control = CONTROL.exec(text);
  if (control) {
    const line = lineAt(text, control.index);
    const code = control[0].charCodeAt(0).toString(16).padStart(2, '0');
    return refuse('binary', line, `binary data (control character 0x${code}); send the alarm list as text: tab-separated as copied from SSA, CSV or JSON`);
  }
  if (text.trim() === '') return refuse('empty', null, 'the snapshot is empty; send the alarm list with its column header');
  return { ok: true, value: { text, warnings } };
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
