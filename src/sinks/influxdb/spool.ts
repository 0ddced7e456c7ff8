import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { encodeBatch, parseSegment, segmentFirstSeq, segmentName, type SpooledBatch } from './spool-format.js';

export interface SpoolOptions {
  dir: string;
  /** Bound of the segments on disk. Beyond it the oldest segments are deleted (and counted as dropped). */
  maxBytes: number;
  /** A segment is closed and a new one started past this size; what is dropped at the bound is whole segments. */
  segmentBytes: number;
}

interface Segment {
  file: string;
  firstSeq: number;
  lastSeq: number;
  bytes: number;
  lines: number;
}

const ACKED_FILE = 'acked';

/**
 * A durable, bounded, append-only queue of line-protocol batches: every batch is written to a segment file before
 * anything is sent, the sender reads the oldest unacknowledged batches in order, and a segment is deleted only
 * once the server has acknowledged all of it. The last acknowledged sequence number is kept in `acked`, so a
 * restart resumes where it stopped (a batch sent but not yet recorded as acknowledged is sent again: harmless,
 * since a point's timestamp is fixed, InfluxDB overwrites it). Memory holds at most two segments' batches.
 * Synchronous I/O: appends are small and this keeps the order of appends and acknowledgements trivial.
 */
export class Spool {
  private readonly segments: Segment[] = [];
  /** Batches of the segment being appended to (the last one), kept in memory for the sender. */
  private currentBatches: SpooledBatch[] = [];
  private fd: number | null = null;
  /** The oldest closed segment's batches, read once when the sender reaches it. */
  private readCache: { file: string; batches: SpooledBatch[] } | null = null;
  private nextSeq = 1;
  private ackedSeq = 0;
  private dirty = false;
  /** Lines deleted at the bound, and torn bytes found at open: what the sink counts. */
  droppedLines = 0;
  tornBytes = 0;

  constructor(private readonly options: SpoolOptions) {
    mkdirSync(options.dir, { recursive: true });
    this.ackedSeq = readAcked(options.dir);
    this.recover();
  }

  /** Bytes of segments on disk. */
  get bytes(): number {
    return this.segments.reduce((sum, segment) => sum + segment.bytes, 0);
  }

  /** Lines not acknowledged yet (a partly acknowledged segment counts whole). */
  get pendingLines(): number {
    return this.segments.reduce((sum, segment) => sum + segment.lines, 0);
  }

  /** Nothing left to send. */
  get isEmpty(): boolean {
    return this.segments.every((segment) => segment.lastSeq <= this.ackedSeq);
  }

  /** Writes a batch to disk and returns its sequence number. Drops the oldest segments when past the bound. */
  append(lines: readonly string[]): number | null {
    if (lines.length === 0) return null;
    const seq = this.nextSeq++;
    const text = encodeBatch(seq, lines);
    const bytes = Buffer.byteLength(text);
    let current = this.segments.at(-1);
    if (this.fd === null || !current || current.bytes + bytes > this.options.segmentBytes) {
      this.closeCurrent();
      current = { file: join(this.options.dir, segmentName(seq)), firstSeq: seq, lastSeq: seq, bytes: 0, lines: 0 };
      this.fd = openSync(current.file, 'a');
      this.segments.push(current);
    }
    try {
      writeAll(this.fd, Buffer.from(text));
    } catch (error) {
      this.undoAppend(current, seq);
      throw error;
    }
    current.lastSeq = seq;
    current.bytes += bytes;
    current.lines += lines.length;
    this.currentBatches.push({ seq, lines: [...lines], bytes });
    this.dirty = true;
    this.enforceBound();
    return seq;
  }

  /** The oldest unacknowledged batches, in order, up to maxLines lines (at least one batch). */
  pending(maxLines: number): SpooledBatch[] {
    const out: SpooledBatch[] = [];
    let lines = 0;
    for (const segment of this.segments) {
      if (segment.lastSeq <= this.ackedSeq) continue;
      for (const batch of this.batchesOf(segment)) {
        if (batch.seq <= this.ackedSeq) continue;
        if (out.length > 0 && lines + batch.lines.length > maxLines) return out;
        out.push(batch);
        lines += batch.lines.length;
      }
    }
    return out;
  }

  /** The server took every batch up to seq: record it and delete what is no longer needed. */
  ack(seq: number): void {
    if (seq <= this.ackedSeq) return;
    this.ackedSeq = seq;
    this.writeAcked();
    while (this.segments.length > 0 && this.segments[0]!.lastSeq <= seq) {
      const segment = this.segments[0]!;
      if (segment === this.segments.at(-1)) {
        this.closeCurrent();
        this.currentBatches = [];
      }
      this.deleteSegment(segment);
    }
  }

  /** fsync the segment being written, if anything was appended since the last call (a process crash loses nothing either way). */
  sync(): void {
    if (this.fd !== null && this.dirty) fsyncSync(this.fd);
    this.dirty = false;
  }

  close(): void {
    this.sync();
    this.closeCurrent();
  }

  /**
   * Records the acknowledged sequence. On a full disk this fails, and the segments are deleted all the same: that is
   * what frees the space. The cost is that a restart before the next successful write resends a few batches
   * (harmless: InfluxDB overwrites a point with the same timestamp).
   */
  private writeAcked(): void {
    const path = join(this.options.dir, ACKED_FILE);
    try {
      writeFileSync(`${path}.tmp`, String(this.ackedSeq));
      renameSync(`${path}.tmp`, path);
    } catch {
      // Retried at the next acknowledgement.
    }
  }

  /** A write that failed (ENOSPC, EIO) may have left part of the batch: cut it off so the segment stays readable. */
  private undoAppend(current: Segment, seq: number): void {
    this.nextSeq = seq;
    try {
      if (this.fd !== null) ftruncateSync(this.fd, current.bytes);
    } catch {
      // The torn tail is skipped (and reported) when the segment is read back.
    }
    if (current.bytes === 0) {
      // A segment opened for this batch: nothing of it is wanted.
      if (this.fd !== null) closeSync(this.fd);
      this.fd = null;
      this.dirty = false;
      this.currentBatches = [];
      this.segments.pop();
      try {
        unlinkSync(current.file);
      } catch {
        // Recovery drops empty segments.
      }
    }
  }

  private batchesOf(segment: Segment): SpooledBatch[] {
    if (segment === this.segments.at(-1) && this.fd !== null) return this.currentBatches;
    if (this.readCache?.file !== segment.file) {
      this.readCache = { file: segment.file, batches: parseSegment(readFileSync(segment.file, 'utf8')).batches };
    }
    return this.readCache.batches;
  }

  private enforceBound(): void {
    // Drop oldest: recent data says more about the fleet now than data from the start of a long outage.
    while (this.bytes > this.options.maxBytes && this.segments.length > 1) {
      const oldest = this.segments[0]!;
      const unacked = this.batchesOf(oldest).filter((batch) => batch.seq > this.ackedSeq);
      this.droppedLines += unacked.reduce((sum, batch) => sum + batch.lines.length, 0);
      this.deleteSegment(oldest);
    }
  }

  private deleteSegment(segment: Segment): void {
    this.segments.shift();
    if (this.readCache?.file === segment.file) this.readCache = null;
    unlinkSync(segment.file);
  }

  private closeCurrent(): void {
    if (this.fd === null) return;
    if (this.dirty) fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
    this.dirty = false;
    // The closed segment's batches are read back from disk when the sender reaches them.
    this.currentBatches = [];
  }

  /** Reads the segments left by the last run; a new segment is started at the first append. */
  private recover(): void {
    const names = readdirSync(this.options.dir)
      .map((name) => ({ name, firstSeq: segmentFirstSeq(name) }))
      .filter((entry): entry is { name: string; firstSeq: number } => entry.firstSeq !== null)
      .sort((a, b) => a.firstSeq - b.firstSeq);
    let lastSeq = this.ackedSeq;
    for (const { name, firstSeq } of names) {
      const file = join(this.options.dir, name);
      const parsed = parseSegment(readFileSync(file, 'utf8'));
      this.tornBytes += parsed.tornBytes;
      const batches = parsed.batches;
      const segmentLast = batches.at(-1)?.seq ?? firstSeq;
      lastSeq = Math.max(lastSeq, segmentLast);
      if (batches.length === 0 || segmentLast <= this.ackedSeq) {
        unlinkSync(file);
        continue;
      }
      this.segments.push({
        file,
        firstSeq,
        lastSeq: segmentLast,
        bytes: statSync(file).size,
        lines: batches.reduce((sum, batch) => sum + batch.lines.length, 0),
      });
    }
    this.nextSeq = lastSeq + 1;
  }
}

/** write(2) may take part of a buffer when the disk fills up; the next call then fails with ENOSPC. */
function writeAll(fd: number, buffer: Buffer): void {
  let offset = 0;
  while (offset < buffer.length) {
    const written = writeSync(fd, buffer, offset);
    if (written <= 0) throw Object.assign(new Error('short write to the spool'), { code: 'EIO' });
    offset += written;
  }
}

function readAcked(dir: string): number {
  try {
    const value = Number(readFileSync(join(dir, ACKED_FILE), 'utf8').trim());
    return Number.isSafeInteger(value) && value >= 0 ? value : 0;
  } catch {
    return 0;
  }
}
