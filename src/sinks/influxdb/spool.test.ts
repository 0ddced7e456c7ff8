import assert from 'node:assert/strict';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeTempDir } from '../../../test/helpers/temp-dir.js';
import { Spool } from './spool.js';

const line = (n: number) => `m,t=x v=${n}i ${n}`;
const batch = (from: number, count: number) => Array.from({ length: count }, (_, i) => line(from + i));
const segments = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('segment-'));

function withSpool(t: { after(fn: () => void): void }, options: { maxBytes?: number; segmentBytes?: number } = {}) {
  const dir = makeTempDir();
  t.after(() => dir.remove());
  const open = () => new Spool({ dir: dir.path, maxBytes: options.maxBytes ?? 1_000_000, segmentBytes: options.segmentBytes ?? 200 });
  return { dir: dir.path, open };
}

test('pending() hands out the oldest batches in order, ack() removes them and deletes finished segments', (t) => {
  const { dir, open } = withSpool(t);
  const spool = open();
  for (let i = 0; i < 10; i += 1) spool.append(batch(i * 3, 3));
  assert.ok(segments(dir).length > 1, 'several segments at 200 bytes each');
  const first = spool.pending(7);
  assert.deepEqual(first.map((b) => b.seq), [1, 2], 'whole batches up to 7 lines');
  spool.ack(2);
  assert.deepEqual(spool.pending(100).map((b) => b.seq), [3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(spool.pending(1).map((b) => b.seq), [3], 'at least one batch, even past maxLines');
  spool.ack(10);
  assert.equal(spool.isEmpty, true);
  assert.deepEqual(segments(dir), [], 'every segment acknowledged and deleted');
  assert.equal(spool.bytes, 0);
  spool.append(batch(100, 1));
  assert.deepEqual(spool.pending(10).map((b) => b.lines), [[line(100)]], 'appending after a full drain starts a new segment');
  spool.close();
});

test('a reopened spool resumes after the last acknowledged batch and keeps numbering', (t) => {
  const { open } = withSpool(t);
  const before = open();
  for (let i = 0; i < 6; i += 1) before.append(batch(i * 2, 2));
  before.ack(4);
  before.close();

  const after = open();
  assert.deepEqual(after.pending(100).map((b) => b.seq), [5, 6]);
  assert.deepEqual(after.pending(100).flatMap((b) => b.lines), batch(8, 4));
  assert.equal(after.append(batch(50, 1)), 7);
  after.ack(7);
  assert.equal(after.isEmpty, true);
  after.close();
});

test('a torn write at the end of a segment is skipped at open, the complete batches before it kept', (t) => {
  const { dir, open } = withSpool(t, { segmentBytes: 1_000_000 });
  const spool = open();
  spool.append(batch(0, 2));
  spool.close();
  const [segment] = segments(dir);
  appendFileSync(join(dir, segment!), '# ipo-spool seq=2 lines=3\nm v=1i 1\n');
  const reopened = open();
  assert.ok(reopened.tornBytes > 0);
  assert.deepEqual(reopened.pending(10).flatMap((b) => b.lines), batch(0, 2));
  assert.equal(reopened.append(batch(9, 1)), 2, 'the torn batch never existed: its number is used again');
  assert.deepEqual(reopened.pending(10).flatMap((b) => b.lines), [...batch(0, 2), line(9)]);
  reopened.close();
});

test('past the bound the oldest segments are deleted and their lines counted', (t) => {
  const { dir, open } = withSpool(t, { maxBytes: 1000, segmentBytes: 250 });
  const spool = open();
  for (let i = 0; i < 40; i += 1) spool.append(batch(i * 2, 2));
  assert.ok(spool.bytes <= 1000, `bounded: ${spool.bytes}`);
  assert.ok(spool.droppedLines > 0);
  const kept = spool.pending(1000).flatMap((b) => b.lines);
  assert.equal(kept.length + spool.droppedLines, 80, 'every line either kept or counted as dropped');
  assert.deepEqual(kept.slice(-2), batch(78, 2), 'the newest are kept');
  const onDisk = segments(dir).flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l.startsWith('m,')));
  assert.deepEqual(onDisk, kept);
  spool.close();
});
