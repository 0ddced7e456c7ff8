import { execFileSync } from 'node:child_process';
import fc from 'fast-check';

/**
 * Shared settings of the property-based fuzz tests (`*.fuzz.test.ts`, README
 * "Fuzzing"). CI runs each property a fixed number of times with a seed taken
 * from the checked-out commit: each commit explores new inputs, and a run of
 * the same commit anywhere (CI or a laptop) replays the same ones, so a
 * failure is never a matter of luck. fast-check prints the seed and path on
 * failure; FUZZ_RUNS overrides every count to run longer locally, FUZZ_SEED
 * (and FUZZ_PATH) choose another seed or replay a failure.
 */
const RUNS_OVERRIDE = positive(process.env['FUZZ_RUNS']);
const SEED = process.env['FUZZ_SEED'] === undefined ? commitSeed() : Number(process.env['FUZZ_SEED']);
const PATH = process.env['FUZZ_PATH'];
/**
 * One input taking this long is a hang or a super-linear blow-up (inputs are
 * at most tens of kilobytes and take milliseconds at most); the run fails
 * and fast-check shrinks the input. Counted in CPU time (cpuMs), so a loaded
 * machine pausing the process is not taken for a slow input. A true infinite loop is stopped by the
 * test runner's own timeout instead (test/run.js), since sync code cannot be
 * interrupted.
 */
export const RUN_LIMIT_MS = positive(process.env['FUZZ_RUN_LIMIT_MS']) ?? 2000;

export interface FuzzOptions {
  /** A cap on FUZZ_RUNS for a property whose every run is expensive (huge inputs, a whole configuration). */
  maxRuns?: number;
}

/** The first 32 bits of HEAD's commit id, or undefined (a random seed) outside a git checkout. */
function commitSeed(): number | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: import.meta.dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return /^[0-9a-f]{8}/.test(head) ? Number.parseInt(head.slice(0, 8), 16) | 0 : undefined;
  } catch {
    return undefined;
  }
}

/** fc.assert's parameters for a property that CI runs `runs` times. */
export function fuzzParameters<T>(runs: number, options: FuzzOptions = {}): fc.Parameters<T> {
  const numRuns = Math.min(RUNS_OVERRIDE ?? runs, Math.max(runs, options.maxRuns ?? Number.POSITIVE_INFINITY));
  return {
    numRuns,
    ...(SEED !== undefined && { seed: SEED }),
    ...(PATH !== undefined && { path: PATH }),
    // A safety net for the whole property, reported as a failure rather than passing silently; CI's properties take
    // two seconds at most. Long local runs (FUZZ_RUNS) get more time; the runner itself stops a file at 180 s.
    interruptAfterTimeLimit: RUNS_OVERRIDE === undefined ? 60_000 : 170_000,
    markInterruptAsFailure: true,
    includeErrorInReport: true,
  };
}

/** Asserts `property` with the shared parameters (`runs` in CI). */
export function fuzz<Ts extends [unknown, ...unknown[]]>(runs: number, arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, predicate: (...args: Ts) => void, options: FuzzOptions = {}): void {
  fc.assert(fc.property(...arbitraries, (...args: Ts) => void bounded(() => predicate(...args))), fuzzParameters(runs, options));
}

/** CPU time this process has used, in ms: unlike the wall clock, it does not grow while the machine runs other work. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Runs `fn`, failing when one call takes longer than RUN_LIMIT_MS of CPU (a hang detector, not a speed check). */
export function bounded<T>(fn: () => T): T {
  const start = cpuMs();
  const result = fn();
  const took = cpuMs() - start;
  if (took > RUN_LIMIT_MS) throw new Error(`one input took ${Math.round(took)} ms of CPU (limit ${RUN_LIMIT_MS} ms): a hang or a super-linear path`);
  return result;
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number };

const position = fc.nat({ max: 0xffff });
// 0x00, 0x7f/0x80 and 0xff are the bytes length and count fields break on.
const interesting = fc.oneof(fc.constantFrom(0x00, 0x01, 0x7f, 0x80, 0x81, 0x84, 0xfe, 0xff, 0x0a, 0x0d, 0x20, 0x22, 0x3c, 0x5b, 0x5d), fc.integer({ min: 0, max: 255 }));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: position, value: interesting }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: position, length: fc.integer({ min: 1, max: 32 }), times: fc.integer({ min: 2, max: 64 }) }),
);

/** A valid input, then 1..4 mutations: truncated, bit-flipped, bytes set to 0x00/0x80/0xff, inserted, deleted, a range repeated. */
export function mutated(valid: fc.Arbitrary<Uint8Array>, maxMutations = 4): fc.Arbitrary<Buffer> {
  return fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: maxMutations })).map(([bytes, mutations]) => mutations.reduce(applyMutation, Buffer.from(bytes)));
}

/** The same for text: mutated as UTF-8 bytes, read back as UTF-8 (broken sequences become U+FFFD). */
export function mutatedText(valid: fc.Arbitrary<string>, maxMutations = 4): fc.Arbitrary<string> {
  return mutated(valid.map((text) => Buffer.from(text, 'utf8')), maxMutations).map((bytes) => bytes.toString('utf8'));
}

function applyMutation(bytes: Buffer, m: Mutation): Buffer {
  if (bytes.length === 0) return m.kind === 'insert' ? Buffer.from(m.bytes) : bytes;
  const at = m.at % bytes.length;
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, at);
    case 'flip': {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ (1 << m.bit);
      return copy;
    }
    case 'set': {
      const copy = Buffer.from(bytes);
      copy[at] = m.value;
      return copy;
    }
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    case 'repeat': {
      const range = bytes.subarray(at, at + m.length);
      return Buffer.concat([bytes.subarray(0, at), ...Array.from({ length: m.times }, () => range), bytes.subarray(at + m.length)]);
    }
  }
}

/** Splits bytes into chunks at the given cut points (a stream arriving in arbitrary TCP segments). */
export function chunked(bytes: Uint8Array, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((cut) => (bytes.length === 0 ? 0 : cut % bytes.length)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of points) {
    if (point > from) chunks.push(Buffer.from(bytes.subarray(from, point)));
    from = Math.max(from, point);
  }
  chunks.push(Buffer.from(bytes.subarray(from)));
  return chunks;
}

/** Sum of a counter record ({ reason: n }). */
export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** fuzz() for a predicate that returns a promise (the SSA ingest, for instance); each run is still bounded. */
export async function fuzzAsync<Ts extends [unknown, ...unknown[]]>(runs: number, arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, predicate: (...args: Ts) => Promise<void>, options: FuzzOptions = {}): Promise<void> {
  await fc.assert(
    fc.asyncProperty(...arbitraries, async (...args: Ts) => {
      const start = cpuMs();
      await predicate(...args);
      const took = cpuMs() - start;
      if (took > RUN_LIMIT_MS) throw new Error(`one input took ${Math.round(took)} ms of CPU (limit ${RUN_LIMIT_MS} ms): a hang or a super-linear path`);
    }),
    { ...fuzzParameters(runs, options), timeout: RUN_LIMIT_MS * 5 },
  );
}
