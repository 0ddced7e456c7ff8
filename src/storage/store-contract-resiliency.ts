import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { ResiliencyIncident } from '../resiliency/incident.js';
import { freshStore, type MakeStore } from './store-contract-setup.js';
import { MINUTE, T0 } from './store-fixtures.js';

const incident = (overrides: Partial<ResiliencyIncident> = {}): ResiliencyIncident => ({
  id: `res-${T0}-1`,
  kind: 'node',
  nodeId: 'node-a',
  peerId: null,
  service: null,
  siteId: 'site-a',
  openedAt: T0,
  closedAt: null,
  down: true,
  since: T0,
  recentLosses: [T0],
  flapping: false,
  failedOverAt: T0 + 3 * MINUTE,
  failedBackAt: null,
  takeovers: [
    { service: 'phones', by: 'node-b' },
    { service: 'accs', by: 'node-b' },
  ],
  degraded: ['calls anchored on Node A lose their audio (003:668-669)'],
  dependents: ['node-b'],
  downMs: 0,
  timeline: [
    { at: T0, kind: 'node-down', text: 'Node A is down', eventId: 7 },
    { at: T0 + 3 * MINUTE, kind: 'failover', text: 'Failover: phones, ACCS -> Node B', eventId: null },
  ],
  ...overrides,
});

/** The resiliency engine's incidents: saved at every change, listed newest first, open ones apart. */
export function resiliencyContract(makeStore: MakeStore): void {
  it('round-trips an incident with its takeovers and timeline; saving again replaces it', (t) => {
    const store = freshStore(t, makeStore);
    assert.deepEqual(store.listResiliencyIncidents({ limit: 10 }), []);
    const opened = incident();
    store.saveResiliencyIncident(opened);
    assert.deepEqual(store.listResiliencyIncidents({ limit: 10 }), [opened]);

    const closed = incident({ down: false, closedAt: T0 + 40 * MINUTE, failedBackAt: T0 + 40 * MINUTE, downMs: 30 * MINUTE, timeline: [...opened.timeline, { at: T0 + 40 * MINUTE, kind: 'closed', text: 'closed', eventId: null }] });
    store.saveResiliencyIncident(closed);
    assert.deepEqual(store.listResiliencyIncidents({ limit: 10 }), [closed]);
  });

  it('lists newest opened first, open or closed ones apart, up to the limit', (t) => {
    const store = freshStore(t, makeStore);
    const old = incident({ id: 'res-1-1', openedAt: T0 - 60 * MINUTE, closedAt: T0 - 30 * MINUTE });
    const link = incident({ id: 'res-2-2', kind: 'link', peerId: 'node-c', openedAt: T0, takeovers: [], failedOverAt: null });
    const service = incident({ id: 'res-3-3', kind: 'service', service: 'voicemail', openedAt: T0 + MINUTE, takeovers: [{ service: 'voicemail', by: 'node-b' }] });
    for (const i of [link, old, service]) store.saveResiliencyIncident(i);
    assert.deepEqual(store.listResiliencyIncidents({ limit: 10 }).map((i) => i.id), ['res-3-3', 'res-2-2', 'res-1-1']);
    assert.deepEqual(store.listResiliencyIncidents({ open: true, limit: 10 }).map((i) => i.id), ['res-3-3', 'res-2-2']);
    assert.deepEqual(store.listResiliencyIncidents({ open: false, limit: 10 }), [old]);
    assert.deepEqual(store.listResiliencyIncidents({ open: true, limit: 1 }), [service]);
  });

  it('retention deletes incidents closed before the cutoff and keeps open ones, however old', (t) => {
    const store = freshStore(t, makeStore);
    const ancient = incident({ id: 'res-1-1', openedAt: T0 - 100 * MINUTE });
    const closedLongAgo = incident({ id: 'res-2-2', openedAt: T0 - 90 * MINUTE, closedAt: T0 - 80 * MINUTE });
    const closedLately = incident({ id: 'res-3-3', openedAt: T0 - 20 * MINUTE, closedAt: T0 - 10 * MINUTE });
    for (const i of [ancient, closedLongAgo, closedLately]) store.saveResiliencyIncident(i);
    assert.equal(store.deleteClosedResiliencyIncidents(T0 - 30 * MINUTE), 1);
    assert.deepEqual(store.listResiliencyIncidents({ limit: 10 }).map((i) => i.id), ['res-3-3', 'res-1-1']);
    assert.equal(store.deleteClosedResiliencyIncidents(T0 - 30 * MINUTE), 0);
  });

  it('rolls back incident writes with the transaction', (t) => {
    const store = freshStore(t, makeStore);
    assert.throws(() =>
      store.transaction(() => {
        store.saveResiliencyIncident(incident());
        throw new Error('boom');
      }),
    );
    assert.deepEqual(store.listResiliencyIncidents({ limit: 10 }), []);
  });
}
