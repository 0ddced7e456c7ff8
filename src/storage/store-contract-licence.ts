import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LicenceState } from '../licence/state.js';
import { freshStore, type MakeStore } from './store-contract-setup.js';
import { MINUTE, T0 } from './store-fixtures.js';

const state = (overrides: Partial<LicenceState> = {}): LicenceState => ({
  nodeId: 'node-a',
  track: 'licence',
  mode: 'weblm-error',
  since: T0,
  licenceSource: 'weblm',
  configuredSource: 'weblm',
  graceStartedAt: T0,
  graceExpiresAt: T0 + 30 * 24 * 60 * MINUTE,
  reminderKey: 30,
  dailyAlarms: 0,
  episode: `licence-${T0}`,
  shortages: [{ signal: 'licence-insufficient', licenceType: 'CTI Link Pro', since: T0, eventId: 7 }],
  suspect: 'ipoffice-111618-false-weblm-error-mode',
  lastEvidence: { signal: 'weblm-error-mode', eventId: 8, at: T0 },
  updatedAt: T0,
  ...overrides,
});

/** The licence engine's states and transitions. */
export function licenceContract(makeStore: MakeStore): void {
  it('round-trips licence states, one per node and track; saving again replaces', (t) => {
    const store = freshStore(t, makeStore);
    assert.deepEqual(store.listLicenceStates(), []);
    const first = state();
    const select = state({ track: 'select', mode: 'select-unknown', graceStartedAt: null, graceExpiresAt: null, reminderKey: null, episode: null, shortages: [], suspect: null, lastEvidence: null });
    store.saveLicenceState(first);
    store.saveLicenceState(select);
    const byTrack = (states: LicenceState[]) => [...states].sort((a, b) => (a.track < b.track ? -1 : 1));
    assert.deepEqual(byTrack(store.listLicenceStates()), [first, select]);

    const restricted = state({ mode: 'weblm-restricted', since: T0 + MINUTE, graceStartedAt: null, graceExpiresAt: null, suspect: null, dailyAlarms: 3 });
    store.saveLicenceState(restricted);
    assert.deepEqual(byTrack(store.listLicenceStates()), [restricted, select]);
  });

  it('keeps transitions with their evidence, newest first, per node and track', (t) => {
    const store = freshStore(t, makeStore);
    const base = { nodeId: 'node-a', track: 'licence', user: null, note: null };
    const a = store.insertLicenceTransition({ ...base, at: T0, fromMode: null, toMode: 'weblm-normal', cause: 'configured', eventIds: [] });
    const b = store.insertLicenceTransition({ ...base, at: T0 + MINUTE, fromMode: 'weblm-normal', toMode: 'license-configuration-error', cause: 'configuration-error', eventIds: [12, 9, 10] });
    const c = store.insertLicenceTransition({ ...base, track: 'select', at: T0 + MINUTE, fromMode: 'select-unknown', toMode: 'select-not-licensed', cause: 'select-not-licensed', eventIds: [11] });
    store.insertLicenceTransition({ ...base, nodeId: 'node-b', at: T0, fromMode: null, toMode: 'license-normal', cause: 'assertion', eventIds: [], user: 'anna', note: 'PO 4711' });
    assert.ok(a.id < b.id && b.id < c.id);
    assert.deepEqual(store.listLicenceTransitions({ nodeId: 'node-a', limit: 10 }), [c, b, a]);
    assert.deepEqual(store.listLicenceTransitions({ nodeId: 'node-a', track: 'licence', limit: 1 }), [b]);
    assert.equal(store.listLicenceTransitions({ nodeId: 'node-b', limit: 10 })[0]?.user, 'anna');
  });

  it('rolls back licence writes with the transaction', (t) => {
    const store = freshStore(t, makeStore);
    assert.throws(() =>
      store.transaction(() => {
        store.saveLicenceState(state());
        store.insertLicenceTransition({ nodeId: 'node-a', track: 'licence', at: T0, fromMode: null, toMode: 'weblm-error', cause: 'x', eventIds: [], user: null, note: null });
        throw new Error('boom');
      }),
    );
    assert.deepEqual(store.listLicenceStates(), []);
    assert.deepEqual(store.listLicenceTransitions({ nodeId: 'node-a', limit: 10 }), []);
  });
}
