/**
 * The spool's segment format: line protocol with a comment header before each batch, so a segment stays importable
 * as it is (`influx -import` and InfluxDB's line-protocol readers skip `#` lines):
 *
 *   # ipo-spool seq=17 lines=2
 *   ipo_event,customer=acme,… count=1i,… 1700000000000000042
 *   ipo_event,customer=acme,… count=1i,… 1700000000001000043
 *
 * Pure: bytes in, batches out.
 */
export interface SpooledBatch {
  seq: number;
  lines: string[];
  /** Encoded size in bytes, header included. */
  bytes: number;
}

const HEADER = /^# ipo-spool seq=(\d+) lines=(\d+)$/;

export function encodeBatch(seq: number, lines: readonly string[]): string {
  return `# ipo-spool seq=${seq} lines=${lines.length}\n${lines.join('\n')}\n`;
}

export interface ParsedSegment {
  batches: SpooledBatch[];
  /** Bytes after the last complete batch: a write cut short by a crash or a full disk. */
  tornBytes: number;
}

/** Reads every complete batch; anything after the last complete one (a torn write) is reported, not returned. */
export function parseSegment(text: string): ParsedSegment {
  const batches: SpooledBatch[] = [];
  let offset = 0;
  for (;;) {
    const headerEnd = text.indexOf('\n', offset);
    if (headerEnd < 0) break;
    const header = HEADER.exec(text.slice(offset, headerEnd));
    if (!header) break;
    const seq = Number(header[1]);
    const count = Number(header[2]);
    const lines: string[] = [];
    let cursor = headerEnd + 1;
    while (lines.length < count) {
      const end = text.indexOf('\n', cursor);
      if (end < 0) break;
      lines.push(text.slice(cursor, end));
      cursor = end + 1;
    }
    if (lines.length < count) break;
    batches.push({ seq, lines, bytes: Buffer.byteLength(text.slice(offset, cursor)) });
    offset = cursor;
  }
  return { batches, tornBytes: Buffer.byteLength(text.slice(offset)) };
}

/** Segment files are named after their first sequence number, zero-padded so names sort in order. */
export function segmentName(firstSeq: number): string {
  return `segment-${String(firstSeq).padStart(15, '0')}.lp`;
}

export function segmentFirstSeq(name: string): number | null {
  const match = /^segment-(\d{15})\.lp$/.exec(name);
  return match ? Number(match[1]) : null;
}
