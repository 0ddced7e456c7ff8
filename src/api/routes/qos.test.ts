import assert from 'node:assert/strict';
import { test } from 'node:test';
import { smallFleet } from '../../../test/fakes/fleet-fixture.js';
import { FakeClock } from '../../../test/fakes/fake-clock.js';
import { SilenceCache } from '../../correlation/silence-cache.js';
import { MetricsRegistry } from '../../metrics/registry.js';
import { MemoryStore } from '../../storage/memory-store.js';
import { makeQosCall } from '../../storage/store-contract-qos.js';
import { makeEvent } from '../../storage/store-fixtures.js';
import { buildApp } from '../app.js';

const T = Date.UTC(2026, 10, 20, 14, 0, 0);
const MIN = 60_000;

async function setup(t: { after(fn: () => unknown): void }) {
  const store = new MemoryStore();
  const fleet = smallFleet();
  const clock = new FakeClock(T + 60 * MIN);
  const app = await buildApp({
    store,
    fleet,
    silences: new SilenceCache(store, clock),
    inventory: () => null,
    knownIssues: () => [],
    metrics: new MetricsRegistry(),
    version: '9.9.9',
    now: () => T + 60 * MIN,
    health: () => ({ startedAt: 0, queueDepth: 0, queueCapacity: 10, collectors: [] }),
  });
  t.after(() => app.close());
  const at = { nodeId: 'hq-primary', siteId: 'hq', customerId: 'acme' };
  const good = store.insertQosCall(makeQosCall({ ...at, startedAt: T, endedAt: T + 2 * MIN, lastReportAt: T + 2 * MIN }));
  const bad = store.insertQosCall(makeQosCall({ ...at, startedAt: T + 10 * MIN, endedAt: T + 14 * MIN, lastReportAt: T + 14 * MIN, poor: true, thresholds: ['jitter'], jitterMaxMs: 48.123, trunk: 'line-5' }));
  const other = store.insertQosCall(makeQosCall({ ...at, extension: '202', startedAt: T + 20 * MIN, lastReportAt: T + 21 * MIN, endedAt: null }));
  store.insertQosSamples([
    { callId: bad.id, at: T + 10 * MIN + 5000, kind: 'rtcp', jitterMs: 12.3456, lossPercent: 0, cumulativeLost: 0, rttMs: null, mos: 4.3, rFactor: 89.6, details: {} },
    { callId: bad.id, at: T + 11 * MIN, kind: 'rtcp', jitterMs: 48.1, lossPercent: 1.95, cumulativeLost: 5, rttMs: 80, mos: 3.9, rFactor: 78, details: {} },
  ]);
  store.insertEvent(makeEvent({ nodeId: 'hq-primary', receivedAt: T + 12 * MIN, severity: 'major', text: 'WAN link down' }), null);
  store.insertEvent(makeEvent({ nodeId: 'hq-primary', receivedAt: T + 12 * MIN, severity: 'info', text: 'noise' }), null);
  return { app, good, bad, other };
}

test('GET /api/v1/qos/calls: "extension 201 sounded bad this afternoon" in one request', async (t) => {
  const { app, bad, good } = await setup(t);
  const response = await app.inject(`/api/v1/qos/calls?extension=201&from=${new Date(T).toISOString()}&to=${T + 60 * MIN}&poor=true`);
  assert.equal(response.statusCode, 200);
  const { calls, nextBefore } = response.json();
  assert.deepEqual(calls.map((c: { id: number }) => c.id), [bad.id]);
  assert.equal(nextBefore, null);
  const call = calls[0];
  assert.deepEqual(
    [call.startedAt, call.durationSeconds, call.extension, call.user, call.node.id, call.siteId, call.jitterMaxMs, call.thresholdsCrossed, call.poor, call.trunk, call.ssrc, call.active],
    ['2026-11-20T14:10:00.000Z', 240, '201', 'Anna', 'hq-primary', 'hq', 48.12, ['jitter'], true, 'line-5', '0x1a2b3c4d', false],
  );
  const all = (await app.inject('/api/v1/qos/calls?site=hq')).json().calls;
  assert.equal(all.length, 3);
  assert.deepEqual((await app.inject('/api/v1/qos/calls?site=elsewhere')).json().calls, []);
  assert.deepEqual((await app.inject('/api/v1/qos/calls?trunk=line-5')).json().calls.map((c: { id: number }) => c.id), [bad.id]);
  assert.deepEqual((await app.inject('/api/v1/qos/calls?node=hq-primary&poor=false&limit=1')).json().calls.map((c: { extension: string }) => c.extension), ['202']);
  const page = (await app.inject('/api/v1/qos/calls?limit=2')).json();
  assert.ok(page.nextBefore);
  assert.deepEqual((await app.inject(`/api/v1/qos/calls?limit=2&before=${page.nextBefore}`)).json().calls.map((c: { id: number }) => c.id), [good.id]);
});

test('GET /api/v1/qos/calls/:id returns the reports over time and the node\'s other problems meanwhile', async (t) => {
  const { app, bad } = await setup(t);
  const detail = (await app.inject(`/api/v1/qos/calls/${bad.id}`)).json();
  assert.equal(detail.call.id, bad.id);
  assert.deepEqual(detail.reports.map((r: { at: string; jitterMs: number; roundTripMs: number | null }) => [r.at, r.jitterMs, r.roundTripMs]), [
    ['2026-11-20T14:10:05.000Z', 12.35, null],
    ['2026-11-20T14:11:00.000Z', 48.1, 80],
  ]);
  assert.deepEqual(detail.nodeEvents.map((e: { text: string }) => e.text), ['WAN link down']);
  const missing = await app.inject('/api/v1/qos/calls/999');
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error.code, 'IPO_ERR_NOT_FOUND');
});

test('GET /api/v1/qos/summary groups by site, trunk and extension over the last 24 hours by default', async (t) => {
  const { app } = await setup(t);
  const summary = (await app.inject('/api/v1/qos/summary')).json();
  assert.deepEqual(summary.sites.map((s: { key: string; calls: number; poorCalls: number; poorPercent: number }) => [s.key, s.calls, s.poorCalls, s.poorPercent]), [['hq', 3, 1, 33.3]]);
  assert.deepEqual(summary.trunks.map((s: { key: string; calls: number }) => [s.key, s.calls]), [['line-5', 1]]);
  assert.deepEqual(summary.extensions.map((s: { key: string; poorCalls: number }) => [s.key, s.poorCalls]), [['201', 1], ['202', 0]]);
  assert.equal(summary.to, '2026-11-20T15:00:00.000Z');
});

test('bad QoS queries are 400 with IPO_ERR_BAD_REQUEST', async (t) => {
  const { app } = await setup(t);
  for (const query of ['poor=yes', `from=${T + 1}&to=${T}`, 'before=abc', 'limit=0', 'nope=1']) {
    const response = await app.inject(`/api/v1/qos/calls?${query}`);
    assert.equal(response.statusCode, 400, query);
    assert.equal(response.json().error.code, 'IPO_ERR_BAD_REQUEST');
  }
  assert.equal((await app.inject(`/api/v1/qos/summary?from=${T}&to=${T}`)).statusCode, 400);
});
