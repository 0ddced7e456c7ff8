import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { smallFleet } from '../../../test/fakes/fleet-fixture.js';
import { FakeClock } from '../../../test/fakes/fake-clock.js';
import type { ApiDeps } from '../../api/deps.js';
import { SilenceCache } from '../../correlation/silence-cache.js';
import { MetricsRegistry } from '../../metrics/registry.js';
import { MemoryStore } from '../../storage/memory-store.js';
import { makeQosCall } from '../../storage/store-contract-qos.js';
import { makeAlarm } from '../../storage/store-fixtures.js';
import { parseFormTime } from '../form-time.js';
import { callsPageRoutes } from './calls-page.js';
import { licencesPageRoutes } from './licences-page.js';
import { resiliencyPageRoutes } from './resiliency-page.js';

const T = Date.UTC(2026, 10, 21, 7, 0, 0);
const MIN = 60_000;

async function setup(t: TestContext) {
  const store = new MemoryStore();
  const clock = new FakeClock(T + 60 * MIN);
  const deps: ApiDeps = {
    store,
    fleet: smallFleet(),
    silences: new SilenceCache(store, clock),
    inventory: () => null,
    knownIssues: () => [],
    metrics: new MetricsRegistry(),
    version: '9.9.9',
    now: () => clock.now(),
    health: () => ({ startedAt: 0, queueDepth: 0, queueCapacity: 1, collectors: [] }),
    qosThresholds: () => ({ jitterMs: 30, roundTripMs: 300, lossPercent: 1, mosBelow: 3.5 }),
  };
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(callsPageRoutes(deps));
  await app.register(licencesPageRoutes(deps));
  await app.register(resiliencyPageRoutes(deps));
  t.after(() => app.close());
  const at = { nodeId: 'hq-primary', siteId: 'hq', customerId: 'acme' };
  const early = store.insertQosCall(makeQosCall({ ...at, streamKey: 'a', ssrc: 1, remoteSsrc: 2, startedAt: T, endedAt: T + 2 * MIN, lastReportAt: T + 2 * MIN }));
  const back = store.insertQosCall(makeQosCall({ ...at, streamKey: 'b', ssrc: 2, remoteSsrc: 1, extension: '202', startedAt: T + 1000, endedAt: T + 2 * MIN, lastReportAt: T + 2 * MIN }));
  const trunk = store.insertQosCall(makeQosCall({ ...at, streamKey: 'c', startedAt: T + 30 * MIN, lastReportAt: T + 31 * MIN, trunk: 'line-5', poor: true, thresholds: ['loss'] }));
  store.insertQosSamples([{ callId: early.id, at: T + 5000, kind: 'rtcp', jitterMs: 3, lossPercent: 0, cumulativeLost: 0, rttMs: 20, mos: 4.4, rFactor: 93, details: {} }]);
  const during = store.insertAlarm(makeAlarm({ nodeId: 'hq-primary', text: 'WAN port down', firstSeen: T + MIN, lastSeen: T + MIN }));
  store.insertAlarm(makeAlarm({ nodeId: 'hq-primary', reductionKey: 'later', text: 'later alarm', firstSeen: T + 20 * MIN, lastSeen: T + 20 * MIN }));
  return { app, early, back, trunk, during };
}

test('GET /calls lists calls as HTML and filters by trunk, site, time and poor', async (t) => {
  const { app, early, back, trunk } = await setup(t);
  const all = await app.inject('/calls');
  assert.equal(all.statusCode, 200);
  assert.match(all.headers['content-type'] as string, /^text\/html/);
  assert.match(all.body, /<title>Voice quality · ipo-observer<\/title>/);
  const ids = (body: string) => [...body.matchAll(/data-call-id="(\d+)"/g)].map((m) => Number(m[1]));
  assert.deepEqual(ids(all.body), [trunk.id, back.id, early.id]);
  assert.deepEqual(ids((await app.inject('/calls?trunk=line-5')).body), [trunk.id]);
  assert.deepEqual(ids((await app.inject('/calls?poor=true&extension=&site=')).body), [trunk.id]);
  assert.deepEqual(ids((await app.inject('/calls?site=elsewhere')).body), []);
  assert.deepEqual(ids((await app.inject('/calls?from=2026-11-21T07:10&to=2026-11-21T08:00')).body), [trunk.id]);
  assert.match(all.body, /title="beyond the limit \(limit 1 %\)"/, 'the site thresholds from the RTCP config');
});

test('GET /calls refuses an unreadable or reversed time range on the page itself', async (t) => {
  const { app } = await setup(t);
  const bad = await app.inject('/calls?from=yesterday');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /role="alert">A time could not be read/);
  const reversed = await app.inject('/calls?from=2026-11-21T09:00&to=2026-11-21T08:00');
  assert.match(reversed.body, /“From” must be before “To”/);
  assert.deepEqual([parseFormTime('2026-11-21T07:00'), parseFormTime('2026-11-21T08:00+01:00'), parseFormTime(''), parseFormTime('x')], [T, T, undefined, null]);
});

test('GET /calls/:id shows the call with its other direction, the chart script and the node alarms during the call', async (t) => {
  const { app, early, back, during } = await setup(t);
  const page = await app.inject(`/calls/${early.id}`);
  assert.equal(page.statusCode, 200);
  assert.deepEqual([...page.body.matchAll(/data-call-id="(\d+)"/g)].map((m) => Number(m[1])), [early.id, back.id]);
  assert.match(page.body, /<script type="module" src="\/assets\/call-chart.js"><\/script>/);
  assert.match(page.body, /<link rel="stylesheet" href="\/assets\/vendor\/uPlot.min.css">/);
  assert.match(page.body, new RegExp(`data-src="/api/v1/qos/calls/${early.id}" data-jitter-limit="30"`));
  assert.match(page.body, new RegExp(`<a href="/alarms/${during.id}">WAN port down</a>`));
  assert.doesNotMatch(page.body, /later alarm/);
  for (const url of ['/calls/999', '/calls/abc']) {
    const missing = await app.inject(url);
    assert.equal(missing.statusCode, 404, url);
    assert.match(missing.body, /No call record/);
  }
});

test('GET /licences and /resiliency say when their engine is not running; an unknown incident is a 404 page', async (t) => {
  const { app } = await setup(t);
  assert.match((await app.inject('/licences')).body, /The licence engine is not running/);
  assert.match((await app.inject('/resiliency')).body, /The resiliency engine is not running/);
  const missing = await app.inject('/resiliency/res-nope-1');
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /No incident res-nope-1/);
});
