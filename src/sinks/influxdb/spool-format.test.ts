import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeBatch, parseSegment, segmentFirstSeq, segmentName } from './spool-format.js';

test('batches round-trip through the segment format', () => {
  const text = encodeBatch(1, ['m a=1i 1', 'm a=2i 2']) + encodeBatch(2, ['m,t=x\\ y s="a \\"q\\"" 3']);
  const parsed = parseSegment(text);
  assert.equal(parsed.tornBytes, 0);
  assert.deepEqual(parsed.batches.map((b) => [b.seq, b.lines]), [
    [1, ['m a=1i 1', 'm a=2i 2']],
    [2, ['m,t=x\\ y s="a \\"q\\"" 3']],
  ]);
  assert.equal(parsed.batches.reduce((sum, b) => sum + b.bytes, 0), Buffer.byteLength(text));
});

test('a torn last batch (crash mid-write) is reported and left out', () => {
  const whole = encodeBatch(7, ['m a=1i 1']);
  const torn = encodeBatch(8, ['m a=2i 2', 'm a=3i 3']).slice(0, -12);
  const parsed = parseSegment(whole + torn);
  assert.deepEqual(parsed.batches.map((b) => b.seq), [7]);
  assert.equal(parsed.tornBytes, Buffer.byteLength(torn));
});

test('segment names sort by first sequence number', () => {
  assert.equal(segmentName(42), 'segment-000000000000042.lp');
  assert.equal(segmentFirstSeq(segmentName(42)), 42);
  assert.equal(segmentFirstSeq('acked'), null);
  assert.ok(segmentName(9) < segmentName(10));
});
