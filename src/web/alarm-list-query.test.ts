import assert from 'node:assert/strict';
import { test } from 'node:test';
import { webDeps } from '../../test/fakes/web-harness.js';
import { alarmListQuerySchema, filterAndSort, PAGE_SIZE, pageOf, storeQueryFor } from './alarm-list-query.js';

test('a bad value in a link falls back to its default instead of failing the page', () => {
  const q = alarmListQuerySchema.parse({ state: 'bogus', severity: 'loud', sort: 'random', page: '-3', category: 'Trunk lines', extra: 'ignored' });
  assert.equal(q.state, 'open');
  assert.equal(q.severity, undefined);
  assert.equal(q.sort, 'severity');
  assert.equal(q.page, 1);
  assert.equal(q.category, 'Trunk lines');
});

test('state, place, category and severity go to the store; text search and sort apply after', () => {
  const { deps, feed, clock, store } = webDeps();
  feed({ severity: 'warning', alarmKey: 'a', text: 'Voicemail storage nearly full', category: 'Generic' });
  clock.advance(1000);
  feed({ severity: 'critical', alarmKey: 'b', text: 'Trunk Slot A, PRI 1 red alarm' });
  clock.advance(1000);
  feed({ severity: 'minor', alarmKey: 'c', text: 'Trunk Slot A, PRI 2 red alarm', sourceAddress: '10.0.0.20' });
  feed({ severity: 'minor', alarmKey: 'c', text: 'Trunk Slot A, PRI 2 red alarm', sourceAddress: '10.0.0.20' });

  const list = (query: Record<string, string>) => {
    const q = alarmListQuerySchema.parse(query);
    return filterAndSort(store.listAlarms(storeQueryFor(deps.fleet, q)), q, deps.fleet).map((a) => a.text.slice(0, 24));
  };
  assert.deepEqual(list({}), ['Trunk Slot A, PRI 1 red ', 'Trunk Slot A, PRI 2 red ', 'Voicemail storage nearly'], 'worst first');
  assert.deepEqual(list({ severity: 'minor' }).length, 2);
  assert.deepEqual(list({ node: 'hq-500' }), ['Trunk Slot A, PRI 2 red ']);
  assert.deepEqual(list({ customer: 'acme', site: 'hq', category: 'Generic' }), ['Voicemail storage nearly']);
  assert.deepEqual(list({ site: 'elsewhere' }), []);
  assert.deepEqual(list({ q: 'pri 2' }), ['Trunk Slot A, PRI 2 red ']);
  assert.deepEqual(list({ q: 'HQ IP500' }), ['Trunk Slot A, PRI 2 red '], 'the node name is searched too');
  assert.deepEqual(list({ sort: 'firstSeen' })[0], 'Trunk Slot A, PRI 2 red ');
  assert.deepEqual(list({ sort: 'count' })[0], 'Trunk Slot A, PRI 2 red ');
  assert.deepEqual(list({ state: 'cleared' }), []);
});

test('paging: fixed-size pages, a page past the end shows the last one', () => {
  const rows = Array.from({ length: PAGE_SIZE * 2 + 3 }, (_, i) => i);
  assert.deepEqual(pageOf(rows, 1).rows.length, PAGE_SIZE);
  assert.deepEqual(pageOf(rows, 3), { rows: [100, 101, 102], page: 3, pages: 3 });
  assert.deepEqual(pageOf(rows, 9).page, 3);
  assert.deepEqual(pageOf([], 1), { rows: [], page: 1, pages: 1 });
});
