import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { FleetEvent } from '../events/fleet-event.js';
import type { EventQuery, Store } from './store.js';
import { freshStore, type MakeStore } from './store-contract-setup.js';
import { makeAlarm, makeEvent, MINUTE, T0 } from './store-fixtures.js';

/** Every optional field set, attributes of each scalar type, bytes that were not UTF-8. */
const FULL_EVENT: FleetEvent = makeEvent({
  occurredAt: T0 - 1234,
  hostname: 'ipo-london-1',
  entity: { kind: 'module', id: '2', name: 'DS16B2 "Expansion" ü' },
  category: 'Expansion modules',
  severity: 'major',
  code: 'snmp.trap.module-down',
  alarmKey: 'module:2',
  text: 'Expansion module 2 down\nline two',
  attributes: { port: 3, ratio: 0.125, negative: -7, up: false, ok: true, missing: null, empty: '', name: 'Zürich ☎', big: 2 ** 53 - 1 },
  raw: { encoding: 'base64', data: Buffer.from([0x30, 0x82, 0xff, 0x00, 0xfe]).toString('base64') },
});

export function eventContract(makeStore: MakeStore): void {
  it('a stored event round-trips exactly: attributes, entity, raw and absent optional fields', (t) => {
    const store = freshStore(t, makeStore);
    const alarm = store.insertAlarm(makeAlarm());
    const full = store.insertEvent(FULL_EVENT, alarm.id);
    const minimal = store.insertEvent(makeEvent(), null);
    assert.deepEqual(full, { ...FULL_EVENT, id: full.id, alarmId: alarm.id });
    assert.deepEqual(store.getEvent(full.id), full);
    assert.deepEqual(store.getEvent(minimal.id), { ...makeEvent(), id: minimal.id, alarmId: null });
    assert.deepEqual(store.listEvents({ limit: 10 }), [minimal, full]);
    assert.equal(store.getEvent(minimal.id + 100), null);
  });

  it('lists newest first and honours limit', (t) => {
    const store = freshStore(t, makeStore);
    const ids = insertMany(store, 5, () => makeEvent());
    assert.deepEqual(listIds(store, { limit: 10 }), [...ids].reverse());
    assert.deepEqual(listIds(store, { limit: 2 }), [ids[4], ids[3]]);
  });

  it('filters by node, node list (empty matches nothing) and unknown source', (t) => {
    const store = freshStore(t, makeStore);
    const a = store.insertEvent(makeEvent({ nodeId: 'node-a' }), null).id;
    const b = store.insertEvent(makeEvent({ nodeId: 'node-b' }), null).id;
    const c = store.insertEvent(makeEvent({ nodeId: 'node-c' }), null).id;
    const unknown = store.insertEvent(makeEvent({ nodeId: null, sourceAddress: '198.51.100.7' }), null).id;
    assert.deepEqual(listIds(store, { nodeId: 'node-b', limit: 10 }), [b]);
    assert.deepEqual(listIds(store, { nodeIds: ['node-a', 'node-c', 'node-z'], limit: 10 }), [c, a]);
    assert.deepEqual(listIds(store, { nodeIds: [], limit: 10 }), []);
    assert.deepEqual(listIds(store, { nodeId: 'node-a', nodeIds: ['node-b'], limit: 10 }), [], 'filters combine with AND');
    assert.deepEqual(listIds(store, { unknownSource: true, limit: 10 }), [unknown]);
    assert.deepEqual(listIds(store, { unknownSource: false, limit: 10 }), [unknown, c, b, a], 'false is no filter');
  });

  it('filters by source, category and minimum severity', (t) => {
    const store = freshStore(t, makeStore);
    const info = store.insertEvent(makeEvent({ source: 'syslog', severity: 'info' }), null).id;
    const warning = store.insertEvent(makeEvent({ source: 'snmp', severity: 'warning', category: 'Trunk lines' }), null).id;
    const major = store.insertEvent(makeEvent({ source: 'snmp', severity: 'major' }), null).id;
    const critical = store.insertEvent(makeEvent({ source: 'ssa', severity: 'critical', category: 'Trunk lines' }), null).id;
    assert.deepEqual(listIds(store, { source: 'snmp', limit: 10 }), [major, warning]);
    assert.deepEqual(listIds(store, { category: 'Trunk lines', limit: 10 }), [critical, warning]);
    assert.deepEqual(listIds(store, { minSeverity: 'major', limit: 10 }), [critical, major]);
    assert.deepEqual(listIds(store, { minSeverity: 'info', limit: 10 }), [critical, major, warning, info]);
    assert.deepEqual(listIds(store, { source: 'snmp', minSeverity: 'minor', limit: 10 }), [major]);
  });

  it('minimum severity keeps newest-first order, limit and paging across severities', (t) => {
    const store = freshStore(t, makeStore);
    const order = ['critical', 'info', 'warning', 'major', 'info', 'minor', 'critical', 'warning'] as const;
    const ids = insertMany(store, order.length, (i) => makeEvent({ severity: order[i] }));
    const atLeastWarning = ids.filter((_, i) => order[i] !== 'info').reverse();
    assert.deepEqual(listIds(store, { minSeverity: 'warning', limit: 10 }), atLeastWarning);
    assert.deepEqual(listIds(store, { minSeverity: 'warning', limit: 3 }), atLeastWarning.slice(0, 3));
    assert.deepEqual(listIds(store, { minSeverity: 'warning', beforeId: atLeastWarning[2], limit: 2 }), atLeastWarning.slice(3, 5));
  });

  it('since is inclusive and until exclusive, on receivedAt', (t) => {
    const store = freshStore(t, makeStore);
    const [e0, e1, e2, e3] = insertMany(store, 4, (i) => makeEvent({ receivedAt: T0 + i * MINUTE, occurredAt: T0 }));
    assert.deepEqual(listIds(store, { since: T0 + MINUTE, limit: 10 }), [e3, e2, e1]);
    assert.deepEqual(listIds(store, { until: T0 + 2 * MINUTE, limit: 10 }), [e1, e0]);
    assert.deepEqual(listIds(store, { since: T0 + MINUTE, until: T0 + 3 * MINUTE, limit: 10 }), [e2, e1]);
  });

  it('filters by alarm', (t) => {
    const store = freshStore(t, makeStore);
    const alarm = store.insertAlarm(makeAlarm());
    const linked = store.insertEvent(makeEvent(), alarm.id).id;
    store.insertEvent(makeEvent(), null);
    assert.deepEqual(listIds(store, { alarmId: alarm.id, limit: 10 }), [linked]);
  });

  it('pages backwards with beforeId, without gaps or repeats', (t) => {
    const store = freshStore(t, makeStore);
    const ids = insertMany(store, 7, (i) => makeEvent({ nodeId: i % 2 === 0 ? 'node-a' : 'node-b' }));
    const pages: number[][] = [];
    let beforeId: number | undefined;
    for (;;) {
      const page = listIds(store, { beforeId, limit: 3 });
      if (page.length === 0) break;
      pages.push(page);
      beforeId = page.at(-1);
    }
    assert.deepEqual(pages.flat(), [...ids].reverse());
    assert.deepEqual(pages.map((page) => page.length), [3, 3, 1]);
    assert.deepEqual(listIds(store, { nodeId: 'node-a', beforeId: ids[4], limit: 10 }), [ids[2], ids[0]]);
  });
}

function insertMany(store: Store, count: number, make: (i: number) => FleetEvent): number[] {
  return Array.from({ length: count }, (_, i) => store.insertEvent(make(i), null).id);
}

function listIds(store: Store, query: EventQuery): number[] {
  return store.listEvents(query).map((event) => event.id);
}
