import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fuzz, fuzzAsync, mutated, total } from '../../test/helpers/fuzz.js';
import { parseSnapshot } from './parse-snapshot.js';
import { SNAPSHOT_REFUSAL_REASONS, SNAPSHOT_WARNINGS, type SnapshotFormat } from './snapshot.js';
import { parseSsaDate, SSA_DATE_FORMATS } from './ssa-date.js';
import { seedTable, ssaHarness } from './test-support.js';

const REASONS: readonly string[] = SNAPSHOT_REFUSAL_REASONS;
const FORMATS = ['tsv', 'csv', 'json'] as const;
const seed = fc.tuple(fc.constantFrom(1 as const, 2 as const, 3 as const), fc.constantFrom(...FORMATS)).map(([n, format]) => seedTable(n, format));
const hints = fc.record({
  format: fc.option(fc.constantFrom(...FORMATS), { nil: undefined }),
  contentType: fc.option(fc.constantFrom('application/json', 'text/csv; charset=utf-8', 'text/tab-separated-values', 'application/octet-stream'), { nil: undefined }),
  fileName: fc.option(fc.constantFrom('hq-primary.service.tsv', 'x.json', 'y.csv', 'z.txt'), { nil: undefined }),
});

function check(bytes: Uint8Array, h: { format?: SnapshotFormat | undefined; contentType?: string | undefined; fileName?: string | undefined }) {
  const parsed = parseSnapshot(bytes, h);
  if (!parsed.ok) {
    assert.ok(REASONS.includes(parsed.refusal.reason), `undocumented reason ${parsed.refusal.reason}`);
    assert.ok(parsed.refusal.line === null || (Number.isInteger(parsed.refusal.line) && parsed.refusal.line >= 1), 'a refusal names a real line or none');
    return;
  }
  assert.ok(parsed.value.rows.length <= 1000);
  for (const w of parsed.value.warnings) assert.ok((SNAPSHOT_WARNINGS as readonly string[]).includes(w.kind));
}

test('fuzz: any bytes, with any format hints, parse to a snapshot or a refusal with a documented reason and a line', () => {
  fuzz(2000, [fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 300 }).map((s) => Buffer.from(s))), hints], check);
});

test('fuzz: the seed tables in every form, mutated, parse or are refused with a documented reason', () => {
  fuzz(2000, [mutated(seed, 6), hints], check);
});

test('fuzz: adversarial text (long blank cells, many quotes, deep or wide JSON) parses in bounded time', () => {
  const piece = fc.constantFrom(' ', '\t', ',', ';', '"', '\n', '\r\n', '[', ']', '{', '}', '1,', '"a":', 'Occurrences', 'x');
  const text = fc.tuple(fc.array(piece, { maxLength: 50 }), fc.integer({ min: 1, max: 2000 })).map(([parts, times]) => parts.join('').repeat(Math.ceil(times / Math.max(1, parts.length))));
  fuzz(300, [text.map((t) => Buffer.from(t)), hints], check);
});

// --- Round trip: rows rendered as SSA (TSV), a spreadsheet (CSV) or a script (JSON) read back the same. ---

const description = fc
  .string({ unit: fc.constantFrom(...'abcXYZ 019:.,;"\'()/-é'), minLength: 1, maxLength: 60 })
  .map((s) => s.trim())
  .filter((s) => s !== '' && !/\balarms\s*$/i.test(s) && !s.startsWith('#'));
const row = fc.record(
  {
    date: fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })).map(([d, m, y, h, mi, s]) => `${pad(d)}/${pad(m)}/${y} ${pad(h)}:${pad(mi)}:${pad(s)}`),
    occurrences: fc.integer({ min: 0, max: 999_999_999 }),
    description,
    state: fc.constantFrom('active' as const, 'cleared' as const),
  },
  { noNullPrototype: true },
);
type Row = { date: string; occurrences: number; description: string; state: 'active' | 'cleared' };

function pad(n: number) {
  return String(n).padStart(2, '0');
}

function render(rows: readonly Row[], format: SnapshotFormat): string {
  if (format === 'json') return JSON.stringify({ list: 'Service', alarms: rows.map((r) => ({ lastDateOfError: r.date, occurrences: r.occurrences, errorDescription: r.description, state: r.state })) }, null, 2);
  if (format === 'tsv') return ['Service Alarms\t\t\t', 'Last Date Of Error\tOccurrences\tError Description\tState', ...rows.map((r) => `${r.date}\t${r.occurrences}\t${r.description}\t${r.state}`)].join('\r\n');
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return ['# list: Service', 'Last Date Of Error,Occurrences,Error Description,State', ...rows.map((r) => [r.date, String(r.occurrences), r.description, r.state].map(quote).join(','))].join('\n');
}

test('fuzz: rows rendered as TSV, CSV or JSON parse back to the same rows', () => {
  fuzz(1000, [fc.array(row, { maxLength: 20 }), fc.constantFrom(...FORMATS)], (rows, format) => {
    const text = render(rows, format);
    const parsed = parseSnapshot(Buffer.from(text), { format });
    assert.ok(parsed.ok, `${JSON.stringify(parsed)}\n${text}`);
    assert.deepEqual(parsed.value.rows.map((r) => ({ date: r.lastDateOfError, occurrences: r.occurrences, description: r.description, state: r.state })), rows);
    assert.deepEqual(parsed.value.names.list.map((n) => n.value), [format === 'tsv' ? 'Service Alarms' : 'Service'], 'the list as the input names it; the resolver normalises it');
  });
});

test('fuzz: SSA dates never throw; a real date in either field order reads back as written', () => {
  fuzz(2000, [fc.string({ maxLength: 40 }), fc.constantFrom(...SSA_DATE_FORMATS)], (text, format) => {
    const read = parseSsaDate(text, format);
    assert.ok(['wall', 'instant', 'ambiguous', 'impossible', 'bad'].includes(read.kind));
  });
  const wall = fc.record({ year: fc.integer({ min: 1970, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }), hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }), second: fc.integer({ min: 0, max: 59 }) }, { noNullPrototype: true });
  fuzz(2000, [wall.filter((w) => w.day <= new Date(Date.UTC(w.year, w.month, 0)).getUTCDate()), fc.constantFrom('DD/MM/YYYY' as const, 'MM/DD/YYYY' as const)], (w, format) => {
    const [a, b] = format === 'DD/MM/YYYY' ? [w.day, w.month] : [w.month, w.day];
    assert.deepEqual(parseSsaDate(`${pad(a)}/${pad(b)}/${w.year} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`, format), { kind: 'wall', wall: w });
  });
});

test('fuzz: the ingest counts every refused snapshot once, by a documented reason, and never throws', async () => {
  const body = fc.oneof(mutated(seed, 4), seed, fc.uint8Array({ maxLength: 200 }));
  await fuzzAsync(150, [fc.array(fc.tuple(body, fc.constantFrom('hq-primary', 'ny-ip500', 'nowhere')), { minLength: 1, maxLength: 4 })], async (posts) => {
    const h = ssaHarness();
    let refusals = 0;
    for (const [bytes, node] of posts) {
      const outcome = await h.ingest.ingest({ body: bytes, via: 'api', sourceAddress: '192.0.2.7', node });
      if (outcome.status === 'refused') {
        refusals++;
        assert.ok(REASONS.includes(outcome.refusal.reason), outcome.refusal.reason);
      }
    }
    assert.equal(total(h.refused), refusals, 'every refused snapshot is counted, with its reason');
    for (const event of h.events) JSON.stringify(event);
  }, { maxRuns: 3000 });
});
