import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SsaIngestOutcome } from './ingest.js';
import { seedTable, ssaHarness } from './test-support.js';

const post = (body: Buffer | string, extra: { node?: string; fileName?: string; format?: 'tsv' | 'csv' | 'json' } = { node: 'hq-primary' }) => ({
  body: Buffer.from(body),
  via: 'api' as const,
  sourceAddress: '192.0.2.7',
  ...extra,
});

function counts(outcome: SsaIngestOutcome) {
  assert.notEqual(outcome.status, 'refused', JSON.stringify(outcome));
  if (outcome.status === 'refused') throw new Error('refused');
  return outcome;
}

test('the seed tables in each form, replayed in order, give the same events; a replay gives none, also after a restart', async () => {
  const seen: Record<string, string[]> = {};
  for (const format of ['tsv', 'csv', 'json'] as const) {
    const h = ssaHarness();
    for (const n of [1, 2, 3] as const) {
      const outcome = counts(await h.ingest.ingest(post(seedTable(n, format))));
      assert.equal(outcome.status, 'stored');
      assert.equal(outcome.entries, 8);
    }
    seen[format] = h.events.map((e) => `${e.attributes['ssaChange']} ${e.severity} +${e.attributes['occurrences']} ${e.alarmKey}`);
    const replay = counts(await h.ingest.ingest(post(seedTable(3, format))));
    assert.deepEqual([replay.events, replay.unchanged], [{ accepted: 0, dropped: 0 }, 8]);
    const afterRestart = counts(await h.restart().ingest(post(seedTable(3, format))));
    assert.deepEqual(afterRestart.events, { accepted: 0, dropped: 0 }, `${format}: the remembered snapshot survives a restart`);
  }
  const increases = (format: string) => seen[format]!.filter((line) => line.startsWith('increase'));
  assert.deepEqual(increases('tsv'), increases('csv'));
  assert.deepEqual(seen['csv'], seen['json']);
  assert.equal(seen['csv']!.length, 8 + 5 + 7);
  assert.equal(seen['tsv']!.length, 8 + 2 + 2, 'without colours: new entries and increases only');
});

test('the answer counts changes, unchanged entries and warnings', async () => {
  const h = ssaHarness();
  await h.ingest.ingest(post(seedTable(1, 'csv')));
  const second = counts(await h.ingest.ingest(post(seedTable(2, 'csv'))));
  assert.deepEqual(second.events, { accepted: 5, dropped: 0 });
  assert.equal(second.unchanged, 4);
  assert.deepEqual(second.changes, { new: 0, 'new-cleared': 0, increase: 2, reactivated: 0, cleared: 3, 'scrolled-off': 0 });
  assert.deepEqual([second.nodeId, second.list, second.warnings], ['hq-primary', 'service', []]);
});

test('malformed input is refused with its line and changes nothing: the next good snapshot diffs against the last good one', async () => {
  const h = ssaHarness();
  await h.ingest.ingest(post(seedTable(1, 'tsv')));
  const broken = seedTable(2, 'tsv').toString('utf8').replace('\t22\t', '\ttwenty-two\t');
  const refused = await h.ingest.ingest(post(broken));
  assert.equal(refused.status, 'refused');
  assert.deepEqual(refused.status === 'refused' && [refused.refusal.reason, refused.refusal.line], ['bad-occurrences', 5]);
  assert.equal(h.refused['bad-occurrences'], 1);
  const unknownNode = await h.ingest.ingest(post(seedTable(2, 'tsv'), { node: 'branch-9' }));
  assert.equal(unknownNode.status === 'refused' && unknownNode.refusal.reason, 'unknown-node');
  const before = h.events.length;
  const good = counts(await h.ingest.ingest(post(seedTable(2, 'tsv'))));
  assert.deepEqual(h.events.slice(before).map((e) => e.attributes['occurrences']), [2, 18]);
  assert.equal(good.events.accepted, 2);
});

test('a full queue: what was taken is remembered, the rest is delivered by sending the same snapshot again, once', async () => {
  const h = ssaHarness();
  h.queueRoom(3);
  const partial = counts(await h.ingest.ingest(post(seedTable(1, 'csv'))));
  assert.equal(partial.status, 'partial');
  assert.deepEqual(partial.events, { accepted: 3, dropped: 5 });
  h.queueRoom(null);
  const resent = counts(await h.ingest.ingest(post(seedTable(1, 'csv'))));
  assert.deepEqual([resent.status, resent.events], ['stored', { accepted: 5, dropped: 0 }]);
  assert.equal(new Set(h.events.map((e) => e.alarmKey)).size, 8);
  assert.equal(h.events.length, 8, 'no entry delivered twice');
});

test('the snapshot is remembered in the store only after its events are stored; until then a restart re-delivers', async () => {
  let release = () => {};
  const stored = new Promise<void>((resolve) => (release = resolve));
  const h = ssaHarness({ stored: () => stored, storeWaitMs: 20 });
  const outcome = counts(await h.ingest.ingest(post(seedTable(1, 'csv'))));
  assert.equal(outcome.status, 'queued', 'the pipeline has not stored the events yet');
  assert.deepEqual(h.store.listSsaEntries('hq-primary', 'service'), []);
  const again = counts(await h.ingest.ingest(post(seedTable(1, 'csv'))));
  assert.equal(again.events.accepted, 0, 'while running, the snapshot is remembered in memory: a retry emits nothing');
  const crashed = h.restart();
  assert.equal(counts(await crashed.ingest(post(seedTable(1, 'csv')))).events.accepted, 8, 'after a crash before the events were stored: delivered again');

  release();
  assert.equal(await h.ingest.settle(1000), true);
  assert.equal(h.store.listSsaEntries('hq-primary', 'service').length, 8);
  assert.equal(counts(await h.restart().ingest(post(seedTable(1, 'csv')))).events.accepted, 0);
});
