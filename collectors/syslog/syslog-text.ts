/**
 * Byte-level helpers both syslog parsers share: where the message ends, how
 * its bytes become text, and what counts as binary.
 */

// C0 controls other than TAB, LF, CR, and DEL: binary, not text.
export const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;
export const BOM = '\uFEFF';

/** Senders often end a message with NUL, CR or LF (rsyslog even counts the LF in the octet count); none is part of it. */
export function trimmedEnd(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x00 || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
  return end;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const latin1Decoder = new TextDecoder('latin1'); // WHATWG: windows-1252, the usual non-UTF-8 device charset

/** UTF-8 when valid; otherwise windows-1252, which decodes every byte (raw keeps the bytes themselves). */
export function decodeText(bytes: Uint8Array): { text: string; utf8: boolean } {
  try {
    return { text: utf8Decoder.decode(bytes), utf8: true };
  } catch {
    return { text: latin1Decoder.decode(bytes), utf8: false };
  }
}
