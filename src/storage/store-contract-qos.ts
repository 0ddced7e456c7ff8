import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { QosCall, QosSample } from '../qos/qos-call.js';
import type { QosCallUpdate } from '../qos/qos-repository.js';
import { freshStore, type MakeStore } from './store-contract-setup.js';
import { DAY, MINUTE, T0 } from './store-fixtures.js';

/** A 2-minute G.711 call of extension 201 on node-a at site hq; override what the test is about. */
export function makeQosCall(overrides: Partial<Omit<QosCall, 'id'>> = {}): Omit<QosCall, 'id'> {
  return {
    streamKey: '192.0.2.51/1a2b3c4d',
    sourceAddress: '192.0.2.51',
    ssrc: 0x1a2b3c4d,
    remoteSsrc: 0x0badcafe,
    nodeId: 'node-a',
    siteId: 'hq',
    customerId: 'acme',
    extension: '201',
    user: 'Anna',
    phoneType: '9611',
    remoteParty: 'ext 202',
    trunk: null,
    codec: 'G.711',
    clockRate: 8000,
    startedAt: T0,
    endedAt: T0 + 2 * MINUTE,
    lastReportAt: T0 + 2 * MINUTE,
    endReason: 'bye',
    attribution: 'phone',
    reports: 24,
    jitterMaxMs: 12.5,
    jitterMeanMs: 4.25,
    lossPercent: 0.2,
    lossMaxPercent: 0.4,
    packetsLost: 12,
    rttMaxMs: 80,
    rttMeanMs: 60,
    rttSource: 'xr',
    mos: 4.3,
    mosMin: 4.1,
    rFactor: 89.6,
    mosSource: 'e-model',
    mosEstimated: false,
    thresholds: [],
    poor: false,
    trap: null,
    details: { cname: 'anna@192.0.2.51', xrBlocks: 3 },
    ...overrides,
  };
}

function updateOf(call: Omit<QosCall, 'id'>, overrides: Partial<QosCallUpdate> = {}): QosCallUpdate {
  const { streamKey: _k, sourceAddress: _a, ssrc: _s, startedAt: _t, trap: _trap, ...rest } = call;
  return { ...rest, ...overrides };
}

const sample = (callId: number, at: number, overrides: Partial<Omit<QosSample, 'id'>> = {}): Omit<QosSample, 'id'> => ({
  callId,
  at,
  kind: 'rtcp',
  jitterMs: 3.5,
  lossPercent: 0.39,
  cumulativeLost: 2,
  rttMs: null,
  mos: 4.3,
  rFactor: 89.6,
  details: { fractionLost: 1 },
  ...overrides,
});

const TRAP = { eventId: 77, callId: 12345, jitterMs: 45, roundTripMs: 420, packetLoss: 3, at: T0 + MINUTE };

/** QoS call records and samples (QosRepository). */
export function qosContract(makeStore: MakeStore): void {
  it('stores a call record and reads it back unchanged', (t) => {
    const store = freshStore(t, makeStore);
    const stored = store.insertQosCall(makeQosCall({ thresholds: ['loss', 'jitter'], poor: true }));
    assert.ok(stored.id > 0);
    assert.deepEqual(store.getQosCall(stored.id), { ...stored, thresholds: ['jitter', 'loss'] });
    assert.equal(store.getQosCall(stored.id + 100), null);
  });

  it('an update from RTCP keeps the trap columns and the names it does not know; poor stays once a trap merged in', (t) => {
    const store = freshStore(t, makeStore);
    const call = makeQosCall({ endedAt: null, endReason: null, extension: null, user: null });
    const { id } = store.insertQosCall(call);
    store.attachQosTrap(id, TRAP, { extension: '201', user: 'Anna (IPO)', trunk: 'line-5' });
    let got = store.getQosCall(id)!;
    assert.deepEqual([got.extension, got.user, got.trunk, got.poor, got.trap], ['201', 'Anna (IPO)', 'line-5', true, TRAP]);

    store.updateQosCall(id, updateOf(call, { reports: 30, jitterMaxMs: 30, lastReportAt: T0 + MINUTE, endedAt: T0 + 3 * MINUTE, endReason: 'bye', extension: null, trunk: null, poor: false }));
    got = store.getQosCall(id)!;
    assert.deepEqual(
      [got.reports, got.jitterMaxMs, got.endedAt, got.endReason, got.extension, got.user, got.trunk, got.poor, got.trap],
      [30, 30, T0 + 3 * MINUTE, 'bye', '201', 'Anna (IPO)', 'line-5', true, TRAP],
    );
    assert.equal(got.lastReportAt, call.lastReportAt, 'last report time never goes back');

    store.updateQosCall(id, updateOf(call, { user: 'Anna Smith', thresholds: ['mos'], poor: true }));
    assert.deepEqual([store.getQosCall(id)!.user, store.getQosCall(id)!.thresholds], ['Anna Smith', ['mos']]);
  });

  it('a trap fills only names still unknown', (t) => {
    const store = freshStore(t, makeStore);
    const { id } = store.insertQosCall(makeQosCall({ trunk: 'sip-carrier' }));
    store.attachQosTrap(id, TRAP, { extension: '999', user: 'Other', trunk: 'line-5' });
    const got = store.getQosCall(id)!;
    assert.deepEqual([got.extension, got.user, got.trunk, got.poor], ['201', 'Anna', 'sip-carrier', true]);
  });

  it('keeps samples oldest first, up to the limit, and refuses samples of an unknown call', (t) => {
    const store = freshStore(t, makeStore);
    const { id } = store.insertQosCall(makeQosCall());
    const other = store.insertQosCall(makeQosCall({ streamKey: 'other' })).id;
    store.insertQosSamples([sample(id, T0 + 10_000), sample(id, T0 + 5000, { kind: 'trap', rttMs: 420 }), sample(other, T0)]);
    const got = store.listQosSamples(id, 10);
    assert.deepEqual(got.map((s) => [s.at, s.kind, s.rttMs]), [[T0 + 5000, 'trap', 420], [T0 + 10_000, 'rtcp', null]]);
    assert.deepEqual(got[1], { ...sample(id, T0 + 10_000), id: got[1]!.id });
    assert.equal(store.listQosSamples(id, 1).length, 1);
    assert.throws(() => store.insertQosSamples([sample(other + 100, T0)]));
  });

  it('lists calls newest first with filters: extension, nodes, overlapping time range, poor, and a paging cursor', (t) => {
    const store = freshStore(t, makeStore);
    const early = store.insertQosCall(makeQosCall({ startedAt: T0, lastReportAt: T0 + 10 * MINUTE }));
    const late = store.insertQosCall(makeQosCall({ startedAt: T0 + 20 * MINUTE, lastReportAt: T0 + 21 * MINUTE, poor: true, thresholds: ['jitter'] }));
    const sameStart = store.insertQosCall(makeQosCall({ startedAt: T0 + 20 * MINUTE, lastReportAt: T0 + 22 * MINUTE, extension: '202', nodeId: 'node-b', trunk: 'sip-carrier' }));
    const unattributed = store.insertQosCall(makeQosCall({ startedAt: T0 + 5 * MINUTE, nodeId: null, siteId: null, extension: null }));
    const ids = (calls: QosCall[]) => calls.map((c) => c.id);

    assert.deepEqual(ids(store.listQosCalls({ limit: 10 })), [sameStart.id, late.id, unattributed.id, early.id]);
    assert.deepEqual(ids(store.listQosCalls({ extension: '201', limit: 10 })), [late.id, unattributed.id, early.id].filter((id) => id !== unattributed.id));
    assert.deepEqual(ids(store.listQosCalls({ nodeIds: ['node-b'], limit: 10 })), [sameStart.id]);
    assert.deepEqual(ids(store.listQosCalls({ trunk: 'sip-carrier', limit: 10 })), [sameStart.id]);
    assert.deepEqual(ids(store.listQosCalls({ nodeIds: [], limit: 10 })), []);
    assert.deepEqual(ids(store.listQosCalls({ poor: true, limit: 10 })), [late.id]);
    assert.deepEqual(ids(store.listQosCalls({ poor: false, limit: 10 })), [sameStart.id, unattributed.id, early.id]);
    // [T0+8, T0+15): the early call was still running at T0+8; the late ones started after.
    assert.deepEqual(ids(store.listQosCalls({ from: T0 + 8 * MINUTE, to: T0 + 15 * MINUTE, limit: 10 })), [early.id]);
    assert.deepEqual(ids(store.listQosCalls({ from: T0 + 21 * MINUTE + 1, limit: 10 })), [sameStart.id]);
    const firstPage = store.listQosCalls({ limit: 2 });
    const last = firstPage.at(-1)!;
    assert.deepEqual(ids(store.listQosCalls({ before: { startedAt: last.startedAt, id: last.id }, limit: 10 })), [unattributed.id, early.id]);
  });

  it('finds the record a QoS trap belongs to: by IP Office call id, else the extension segment around the trap time', (t) => {
    const store = freshStore(t, makeStore);
    const ended = store.insertQosCall(makeQosCall({ startedAt: T0, endedAt: T0 + MINUTE, lastReportAt: T0 + MINUTE }));
    const running = store.insertQosCall(makeQosCall({ startedAt: T0 + 2 * MINUTE, endedAt: null, lastReportAt: T0 + 3 * MINUTE }));
    const match = { nodeId: 'node-a', extension: '201', callId: null, graceMs: 30_000 };
    assert.equal(store.findQosCallForTrap({ ...match, at: T0 + MINUTE + 20_000 })?.id, ended.id);
    assert.equal(store.findQosCallForTrap({ ...match, at: T0 + MINUTE + 50_000 }), null, 'ended too long before');
    assert.equal(store.findQosCallForTrap({ ...match, at: T0 + 3 * MINUTE })?.id, running.id);
    assert.equal(store.findQosCallForTrap({ ...match, nodeId: 'node-b', at: T0 + 3 * MINUTE }), null);
    assert.equal(store.findQosCallForTrap({ ...match, extension: null, at: T0 + 3 * MINUTE }), null);
    store.attachQosTrap(ended.id, TRAP, { extension: null, user: null, trunk: null });
    assert.equal(store.findQosCallForTrap({ ...match, extension: null, callId: TRAP.callId, at: T0 + DAY })?.id, ended.id);
  });

  it('summarises calls by site, trunk and extension, most poor calls first', (t) => {
    const store = freshStore(t, makeStore);
    store.insertQosCall(makeQosCall({ poor: true, mos: 3, mosMin: 2.5, jitterMaxMs: 40, trunk: 'line-5' }));
    store.insertQosCall(makeQosCall({ mos: 4, mosMin: 3.9, jitterMaxMs: 10, trunk: 'line-5' }));
    store.insertQosCall(makeQosCall({ extension: '202', siteId: 'branch', nodeId: 'node-b', poor: false, mos: null, mosMin: null, lossPercent: null }));
    store.insertQosCall(makeQosCall({ startedAt: T0 - 2 * DAY, lastReportAt: T0 - 2 * DAY, poor: true }));
    const summary = store.summariseQos({ from: T0 - MINUTE, to: T0 + DAY, limit: 10 });
    assert.deepEqual(summary.sites.map((r) => [r.key, r.siteId, r.customerId, r.calls, r.poorCalls]), [['hq', 'hq', 'acme', 2, 1], ['branch', 'branch', 'acme', 1, 0]]);
    const hq = summary.sites[0]!;
    assert.deepEqual([hq.mosMean, hq.mosMin, hq.jitterMaxMs, hq.rttMaxMs], [3.5, 2.5, 40, 80]);
    assert.ok(Math.abs(hq.lossMeanPercent! - 0.2) < 1e-9);
    assert.deepEqual(summary.trunks.map((r) => [r.key, r.nodeId, r.siteId, r.calls, r.poorCalls]), [['line-5', 'node-a', 'hq', 2, 1]]);
    assert.deepEqual(summary.extensions.map((r) => [r.key, r.nodeId, r.calls, r.poorCalls]), [['201', 'node-a', 2, 1], ['202', 'node-b', 1, 0]]);
    assert.deepEqual(summary.extensions[1]!.mosMean, null);
    assert.deepEqual(store.summariseQos({ nodeIds: ['node-b'], from: T0 - MINUTE, to: T0 + DAY, limit: 10 }).sites.map((r) => r.key), ['branch']);
    assert.equal(store.summariseQos({ from: T0 - MINUTE, to: T0 + DAY, limit: 1 }).sites.length, 1);
  });

  it('counts calls and poor calls per site and per trunk in a window, RTCP records only', (t) => {
    const store = freshStore(t, makeStore);
    store.insertQosCall(makeQosCall({ lastReportAt: T0 + MINUTE, poor: true, trunk: 'sip-1' }));
    store.insertQosCall(makeQosCall({ lastReportAt: T0 + 2 * MINUTE }));
    store.insertQosCall(makeQosCall({ lastReportAt: T0 + 2 * MINUTE, reports: 0, poor: true }));
    store.insertQosCall(makeQosCall({ lastReportAt: T0 - MINUTE, poor: true }));
    const groups = store.qosWindow(T0, T0 + 5 * MINUTE).sort((a, b) => a.kind.localeCompare(b.kind));
    assert.deepEqual(groups, [
      { kind: 'site', customerId: 'acme', siteId: 'hq', nodeId: null, trunk: null, calls: 2, poorCalls: 1 },
      { kind: 'trunk', customerId: 'acme', siteId: 'hq', nodeId: 'node-a', trunk: 'sip-1', calls: 1, poorCalls: 1 },
    ]);
  });

  it('retention deletes calls last reported before the cutoff with their samples; ids are never reused', (t) => {
    const store = freshStore(t, makeStore);
    const old = store.insertQosCall(makeQosCall({ lastReportAt: T0 - DAY }));
    const kept = store.insertQosCall(makeQosCall({ lastReportAt: T0 }));
    store.insertQosSamples([sample(old.id, T0 - DAY), sample(kept.id, T0)]);
    assert.equal(store.applyQosRetention(T0), 1);
    assert.equal(store.getQosCall(old.id), null);
    assert.deepEqual(store.listQosSamples(old.id, 10), []);
    assert.equal(store.listQosSamples(kept.id, 10).length, 1);
    assert.equal(store.applyQosRetention(T0), 0);
    assert.ok(store.insertQosCall(makeQosCall()).id > kept.id);
  });

  it('QoS writes roll back with the transaction they are part of', (t) => {
    const store = freshStore(t, makeStore);
    assert.throws(() =>
      store.transaction(() => {
        const { id } = store.insertQosCall(makeQosCall());
        store.insertQosSamples([sample(id, T0)]);
        throw new Error('boom');
      }),
    );
    assert.deepEqual(store.listQosCalls({ limit: 10 }), []);
  });
}
