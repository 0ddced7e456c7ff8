/** A syslog receiver under test: ours, rsyslog, or the bare dgram loop. */
export interface Target {
  name: string;
  pid: number;
  port: number;
  /** SO_RCVBUF as the kernel reports it for the receiving socket. */
  receiveBufferBytes: number;
  /** How many benchmark messages it has taken in so far (a datagram count, lines written, or events stored). */
  received(): Promise<number>;
  /** Resolves once nothing more is arriving or being processed. */
  settle(): Promise<void>;
  /** Sequence check of [first, first + count): how many are missing and how many are there twice. Absent for the counting loop. */
  sequenceCheck?(first: number, count: number): Promise<{ missing: number; duplicates: number }>;
  /** Extra counters worth reporting, e.g. accepted and dropped. */
  counters?(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/** Waits until `read` returns the same value `quietMs` apart (and `ready()` holds), at most `timeoutMs`. */
export async function waitQuiet(read: () => Promise<number>, options: { quietMs?: number; timeoutMs?: number; ready?: () => Promise<boolean> } = {}): Promise<void> {
  const quietMs = options.quietMs ?? 400;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let last = await read();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = await read();
    if (now === last && (!options.ready || (await options.ready()))) return;
    if (Date.now() > deadline) return;
    last = now;
  }
}

/** Counts sequence numbers "msgnum:NNNNNNNN:" in [first, first + count) among `seqs`. */
export function checkSequence(seqs: Iterable<number>, first: number, count: number): { missing: number; duplicates: number } {
  const seen = new Uint8Array(count);
  let duplicates = 0;
  for (const seq of seqs) {
    const i = seq - first;
    if (i < 0 || i >= count) continue;
    if (seen[i]) duplicates++;
    else seen[i] = 1;
  }
  let present = 0;
  for (const v of seen) present += v;
  return { missing: count - present, duplicates };
}

export const MSGNUM = /msgnum:(\d{8}):/;
