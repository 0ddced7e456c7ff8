/**
 * RFC 6587 framing for syslog over TCP and TLS, one decoder per connection.
 * The first byte of the connection decides: a digit means octet counting
 * ("LEN SP MSG"), anything else non-transparent framing (MSG ends at LF or
 * NUL). Once octet counting, a frame that starts with "<" is read up to its
 * LF (a sender that mixes both). Pure apart from its own state: no sockets,
 * no clock, never throws, and it never holds more than maxMessageBytes plus a
 * header, so a peer that sends too much is refused and skipped, not buffered.
 */
export type Framing = 'octet-counting' | 'non-transparent';

/** Refusal reasons framing adds; metric labels, never renamed. */
export const FRAME_REFUSAL_REASONS = ['oversize', 'bad-frame', 'truncated-frame'] as const;
export type FrameRefusalReason = (typeof FRAME_REFUSAL_REASONS)[number];

export interface FrameSink {
  /** One complete message; `bytes` is only valid during the call (copy to keep it). */
  frame(bytes: Buffer): void;
  /** A frame that will not be delivered; `sample` is its start, `size` its length when known. */
  refused(reason: FrameRefusalReason, detail: string, sample: Buffer, size: number): void;
}

export interface FrameDecoder {
  push(chunk: Buffer): void;
  /** The peer closed: an unterminated LF-framed message is delivered, a partial counted frame refused. */
  end(): void;
  /** Decided by the first byte of the connection; null until then. */
  readonly framing: Framing | null;
}

const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
const SP = 0x20;
const LT = 0x3c;
// MSG-LEN: NONZERO-DIGIT 0*9DIGIT; ten digits is beyond any maxMessageBytes, so longer is a broken frame.
const MAX_LENGTH_DIGITS = 10;
const SAMPLE_BYTES = 120;

const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;

export function createFrameDecoder(maxMessageBytes: number, sink: FrameSink): FrameDecoder {
  let framing: Framing | null = null;
  let pending: Buffer = Buffer.alloc(0);
  let skip = 0; // bytes left of an oversize counted frame
  let skipLine = false; // discarding up to the next LF or NUL (oversize line, or resync after a bad count)

  const delimiter = (buf: Buffer, from: number) => {
    const lf = buf.indexOf(LF, from);
    const nul = buf.indexOf(NUL, from);
    return lf < 0 ? nul : nul < 0 ? lf : Math.min(lf, nul);
  };

  /** Consumes what it can from buf[i..]; returns the index of the first unconsumed byte. */
  const consume = (buf: Buffer, start: number): number => {
    let i = start;
    while (i < buf.length) {
      if (skip > 0) {
        const n = Math.min(skip, buf.length - i);
        i += n;
        skip -= n;
        continue;
      }
      if (skipLine) {
        const d = delimiter(buf, i);
        if (d < 0) return buf.length;
        i = d + 1;
        skipLine = false;
        continue;
      }
      // Empty lines and stray LFs between frames (some senders add LF after a counted frame).
      while (i < buf.length && (buf[i] === LF || buf[i] === CR || buf[i] === NUL)) i++;
      if (i >= buf.length) return i;
      framing ??= isDigit(buf[i]) ? 'octet-counting' : 'non-transparent';

      if (framing === 'octet-counting' && buf[i] !== LT) {
        let j = i;
        while (j < buf.length && j - i <= MAX_LENGTH_DIGITS && isDigit(buf[j])) j++;
        if (j >= buf.length && j - i <= MAX_LENGTH_DIGITS) return i; // the count is still arriving
        if (buf[j] !== SP || j === i || buf[i] === 0x30) {
          sink.refused('bad-frame', 'octet counting: expected "LENGTH SP" (RFC 6587 §3.4.1); skipping to the next LF', sample(buf, i), 0);
          skipLine = true;
          i = j;
          continue;
        }
        const length = Number(buf.toString('latin1', i, j));
        const body = j + 1;
        if (length > maxMessageBytes) {
          sink.refused('oversize', `a counted frame of ${length} bytes is more than maxMessageBytes ${maxMessageBytes}`, sample(buf, body), length);
          skip = length;
          i = body;
          continue;
        }
        if (buf.length - body < length) return i; // wait for the rest of the frame
        sink.frame(buf.subarray(body, body + length));
        i = body + length;
        continue;
      }

      const d = delimiter(buf, i);
      if (d < 0) {
        if (buf.length - i <= maxMessageBytes) return i; // wait for the delimiter
        sink.refused('oversize', `a line longer than maxMessageBytes ${maxMessageBytes} without LF; skipping to the next LF`, sample(buf, i), buf.length - i);
        skipLine = true;
        return buf.length;
      }
      if (d - i > maxMessageBytes) {
        sink.refused('oversize', `a line of ${d - i} bytes is more than maxMessageBytes ${maxMessageBytes}`, sample(buf, i), d - i);
      } else {
        sink.frame(buf.subarray(i, d));
      }
      i = d + 1;
    }
    return i;
  };

  return {
    push(chunk) {
      const buf = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      const i = consume(buf, 0);
      // Copy the remainder so a large chunk is not kept alive by a small tail.
      pending = i < buf.length ? Buffer.from(buf.subarray(i)) : Buffer.alloc(0);
    },
    end() {
      const rest = pending;
      pending = Buffer.alloc(0);
      if (rest.length === 0 || skip > 0 || skipLine) return;
      let start = 0;
      while (start < rest.length && (rest[start] === LF || rest[start] === CR || rest[start] === NUL)) start++;
      if (start >= rest.length) return;
      if (framing === 'octet-counting' && rest[start] !== LT) {
        sink.refused('truncated-frame', 'the peer closed the connection in the middle of a counted frame', sample(rest, start), rest.length - start);
      } else {
        sink.frame(rest.subarray(start)); // the last line of a sender that closes without LF
      }
    },
    get framing() {
      return framing;
    },
  };
}

function sample(buf: Buffer, from: number): Buffer {
  return buf.subarray(from, Math.min(buf.length, from + SAMPLE_BYTES));
}
