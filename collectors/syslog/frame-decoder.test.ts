import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { createFrameDecoder, type FrameRefusalReason } from './frame-decoder.js';
import { goldenCases } from './testdata/golden.js';

const MAX = 512;

function decode(chunks: Buffer[], max = MAX) {
  const frames: string[] = [];
  const refused: Array<{ reason: FrameRefusalReason; size: number }> = [];
  const decoder = createFrameDecoder(max, {
    frame: (bytes) => frames.push(bytes.toString('latin1')),
    refused: (reason, _detail, _sample, size) => refused.push({ reason, size }),
  });
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  return { framing: decoder.framing, frames, refused };
}

function split(input: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < input.length; i += size) out.push(input.subarray(i, i + size));
  return out;
}

// Each stream decodes the same whether it arrives whole, byte by byte or in odd-sized pieces.
for (const c of goldenCases('streams', '.stream')) {
  test(`frame decoder testdata/streams/${c.name}`, () => {
    const whole = decode([c.input]);
    c.check(whole);
    // Sizes of oversize lines are "at least" until their LF arrives, so pieces compare by reason.
    const reasons = (r: typeof whole) => ({ ...r, refused: r.refused.map((x) => x.reason) });
    for (const size of [1, 2, 7, 64]) assert.deepEqual(reasons(decode(split(c.input, size))), reasons(whole), `in chunks of ${size} bytes`);
  });
}

test('frame decoder: an oversize counted frame is skipped without being buffered, and the stream stays in sync', () => {
  const big = 1 << 20;
  const good = '<134>Nov 21 05:10:17 a: one';
  const input = Buffer.concat([Buffer.from(`${big} `), Buffer.alloc(big, 0x41), Buffer.from(`${good.length} ${good}`)]);
  const result = decode(split(input, 65536));
  assert.deepEqual(result.refused, [{ reason: 'oversize', size: big }]);
  assert.deepEqual(result.frames, [good]);
});

test('frame decoder: a 1 MB line without LF is refused once and the next line is read', () => {
  const input = Buffer.concat([Buffer.from('<134>'), Buffer.alloc(1 << 20, 0x42), Buffer.from('\n<134>Nov 21 05:10:17 a: next\n')]);
  const result = decode(split(input, 65536));
  assert.equal(result.refused.length, 1);
  assert.equal(result.refused[0]!.reason, 'oversize');
  assert.deepEqual(result.frames, ['<134>Nov 21 05:10:17 a: next']);
});

test('frame decoder: a frame of exactly maxMessageBytes is accepted in both framings', () => {
  const body = '<134>' + 'z'.repeat(MAX - 5);
  assert.deepEqual(decode([Buffer.from(`${MAX} ${body}`)]).frames, [body]);
  assert.deepEqual(decode([Buffer.from(`${body}\n`)]).frames, [body]);
  assert.equal(decode([Buffer.from(`${body}z\n`)]).refused[0]?.reason, 'oversize');
});

test('frame decoder never throws on random bytes and holds at most maxMessageBytes', () => {
  for (let i = 0; i < 300; i++) {
    const input = randomBytes(1 + ((i * 37) % 3000));
    assert.doesNotThrow(() => decode(split(input, 1 + (i % 50))));
  }
});
