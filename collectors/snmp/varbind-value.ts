import type { RawVarbind } from './received-pdu.js';

export type ScalarValue = string | number | boolean | null;

// BER tags (net-snmp ObjectType).
const OCTET_STRING = 4;
const NULL = 5;
const COUNTER64 = 70;
const OPAQUE = 68;

/**
 * A varbind value as a scalar attribute: numbers stay numbers, printable
 * octet strings become text, other octets "0x…" hex, Counter64 a number when
 * safe (else its decimal string), exceptions (noSuchObject…) null. Pure.
 */
export function scalarOf(vb: RawVarbind): ScalarValue {
  const { type, value } = vb;
  if (value === null || value === undefined || type === NULL || type >= 128) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Buffer.isBuffer(value)) {
    if (type === COUNTER64) return counter64(value);
    if (type === OPAQUE) return `0x${value.toString('hex')}`;
    if (type === OCTET_STRING) return textOrHex(value);
    return `0x${value.toString('hex')}`;
  }
  return String(value);
}

/** Printable UTF-8 (tabs and newlines allowed) as text, trailing NULs dropped; anything else as 0x-hex. */
export function textOrHex(bytes: Buffer): string {
  const trimmed = trimNuls(bytes);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(trimmed);
    // eslint-disable-next-line no-control-regex
    if (!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) return text;
  } catch {
    // not UTF-8
  }
  return `0x${bytes.toString('hex')}`;
}

/** The value as text when it is a string or octets (for DisplayString-like objects), else null. */
export function textOf(vb: RawVarbind | undefined): string | null {
  if (!vb) return null;
  if (typeof vb.value === 'string') return vb.value;
  if (Buffer.isBuffer(vb.value)) return textOrHex(vb.value);
  return null;
}

/** The value as an integer, else null. */
export function integerOf(vb: RawVarbind | undefined): number | null {
  if (!vb) return null;
  return typeof vb.value === 'number' && Number.isInteger(vb.value) ? vb.value : null;
}

/**
 * SNMPv2-TC DateAndTime (8 or 11 octets). `iso` is the device's local time as
 * written; `epochMs` only when the 11-octet form gives the UTC offset, since
 * without it the instant is unknown. Null when the octets are not a date.
 */
export function dateAndTime(bytes: Buffer): { iso: string; epochMs: number | null } | null {
  if (bytes.length !== 8 && bytes.length !== 11) return null;
  const year = bytes.readUInt16BE(0);
  const [month, day, hour, minute, second, deci] = [bytes[2]!, bytes[3]!, bytes[4]!, bytes[5]!, bytes[6]!, bytes[7]!];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60 || deci > 9) return null;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const local = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}.${deci}`;
  if (bytes.length === 8) return { iso: local, epochMs: null };
  const sign = bytes[8] === 0x2d ? -1 : bytes[8] === 0x2b ? 1 : 0;
  const [offsetHours, offsetMinutes] = [bytes[9]!, bytes[10]!];
  if (sign === 0 || offsetHours > 13 || offsetMinutes > 59) return { iso: local, epochMs: null };
  const offset = sign * (offsetHours * 60 + offsetMinutes);
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), deci * 100) - offset * 60_000;
  return { iso: `${local}${sign < 0 ? '-' : '+'}${pad(offsetHours)}:${pad(offsetMinutes)}`, epochMs: utc };
}

function counter64(bytes: Buffer): number | string {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

function trimNuls(bytes: Buffer): Buffer {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.subarray(0, end);
}
