import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { SsaEntryState } from '../../collectors/ssa/entry-state.js';
import { freshStore, type MakeStore } from './store-contract-setup.js';
import { T0 } from './store-fixtures.js';

const entry = (key: string, overrides: Partial<SsaEntryState> = {}): SsaEntryState => ({
  key,
  text: key.toUpperCase(),
  occurrences: 1,
  state: 'active',
  lastDateOfError: T0,
  lastDateText: '01/08/2016 16:35:00',
  ...overrides,
});

const byKey = (entries: SsaEntryState[]) => [...entries].sort((a, b) => (a.key < b.key ? -1 : 1));

/** The SSA collector's memory of each node's alarm lists. */
export function ssaEntryContract(makeStore: MakeStore): void {
  it('keeps SSA entries per node and list; upserts and forgets them', (t) => {
    const store = freshStore(t, makeStore);
    assert.deepEqual(store.listSsaEntries('node-a', 'service'), []);
    store.saveSsaEntries('node-a', 'service', { upsert: [entry('a'), entry('b', { state: 'unknown', lastDateOfError: null })], remove: [] }, T0);
    store.saveSsaEntries('node-a', 'trunk', { upsert: [entry('a', { occurrences: 9 })], remove: [] }, T0);
    store.saveSsaEntries('node-b', 'service', { upsert: [entry('c')], remove: [] }, T0);
    assert.deepEqual(byKey(store.listSsaEntries('node-a', 'service')), [entry('a'), entry('b', { state: 'unknown', lastDateOfError: null })]);

    store.saveSsaEntries('node-a', 'service', { upsert: [entry('a', { occurrences: 22, state: 'cleared', text: 'A2' })], remove: ['b', 'never-there'] }, T0 + 1);
    assert.deepEqual(store.listSsaEntries('node-a', 'service'), [entry('a', { occurrences: 22, state: 'cleared', text: 'A2' })]);
    assert.deepEqual(store.listSsaEntries('node-a', 'trunk'), [entry('a', { occurrences: 9 })]);
    assert.deepEqual(store.listSsaEntries('node-b', 'service'), [entry('c')]);
  });

  it('saving SSA entries joins an outer transaction and rolls back with it', (t) => {
    const store = freshStore(t, makeStore);
    assert.throws(() =>
      store.transaction(() => {
        store.saveSsaEntries('node-a', 'service', { upsert: [entry('a')], remove: [] }, T0);
        throw new Error('boom');
      }),
    );
    assert.deepEqual(store.listSsaEntries('node-a', 'service'), []);
  });
}
