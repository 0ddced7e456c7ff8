import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { SilenceCache } from '../../correlation/silence-cache.js';
import { MetricsRegistry } from '../../metrics/registry.js';
import { resiliencyHarness } from '../../../test/fakes/resiliency-harness.js';
import { buildApp } from '../app.js';
import type { ApiDeps } from '../deps.js';

async function setup(t: TestContext, withEngine = true) {
  const h = resiliencyHarness();
  const deps: ApiDeps = {
    store: h.store,
    fleet: h.fleet,
    silences: new SilenceCache(h.store, h.clock),
    inventory: () => null,
    knownIssues: () => [],
    metrics: new MetricsRegistry(),
    version: 'test',
    now: () => h.clock.now(),
    health: () => ({ startedAt: 0, queueDepth: 0, queueCapacity: 1, collectors: [] }),
    ...(withEngine && { resiliency: h.resiliency }),
  };
  const app = await buildApp(deps);
  t.after(() => app.close());
  return { app, h };
}

test('GET /api/v1/resiliency: the open incident with what took over, durations and timeline; the site state', async (t) => {
  const { app, h } = await setup(t);
  h.feed({ source: 'snmp', collector: 'snmp', code: 'poll.node-unreachable', category: 'Generic', severity: 'major', alarmKey: '', text: 'no answer', nodeId: 'hq-primary', sourceAddress: '10.0.0.10' });
  h.advance(4 * 60_000);
  const response = await app.inject({ method: 'GET', url: '/api/v1/resiliency?open=true' });
  assert.equal(response.statusCode, 200);
  const body = response.json();
  assert.equal(body.incidents.length, 1);
  assert.equal(body.incidents[0].failed, 'HQ Primary is down');
  assert.equal(body.incidents[0].durations.downSeconds, 240);
  assert.equal(body.incidents[0].durations.failedOverSeconds, 60);
  assert.deepEqual(body.incidents[0].timeline.map((e: { kind: string }) => e.kind), ['node-down', 'failover']);
  const hq = body.sites.find((s: { siteId: string }) => s.siteId === 'hq');
  assert.equal(hq.nodes.find((n: { nodeId: string }) => n.nodeId === 'hq-primary').state, 'down');
  assert.equal(hq.nodes.find((n: { nodeId: string }) => n.nodeId === 'hq-primary').servedBy[0].by, 'hq-secondary');
});

test('GET /api/v1/resiliency answers 404 when the engine is not running', async (t) => {
  const { app } = await setup(t, false);
  const response = await app.inject({ method: 'GET', url: '/api/v1/resiliency' });
  assert.equal(response.statusCode, 404);
  assert.equal(response.json().error.code, 'IPO_ERR_NOT_FOUND');
});
