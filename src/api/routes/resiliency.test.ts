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

test('GET /api/v1/resiliency: a line down and a Voicemail Pro failover show in the site state; closed incidents keep their timeline', async (t) => {
  const { app, h } = await setup(t);
  const link = { nodeId: 'branch-exp', sourceAddress: '10.0.1.10', source: 'snmp', collector: 'snmp', code: 'snmp.ipo.link', entity: { kind: 'link', id: 'HQ Primary' }, category: 'Generic', alarmKey: '', text: 'Link HQ Primary' } as const;
  h.feed({ ...link, severity: 'major' });
  h.feed({ nodeId: 'hq-primary', sourceAddress: '10.0.0.10', source: 'snmp', collector: 'snmp', code: 'snmp.ipo.app', entity: { kind: 'application', id: 'voice-mail', name: 'voiceMail' }, category: 'Applications', severity: 'major', alarmKey: '', text: 'Application failure: voiceMail' });
  const body = (await app.inject({ method: 'GET', url: '/api/v1/resiliency?site=hq' })).json();
  assert.deepEqual(body.incidents.map((i: { kind: string }) => i.kind).sort(), ['link', 'service']);
  const service = body.incidents.find((i: { kind: string }) => i.kind === 'service');
  assert.equal(service.service, 'voicemail');
  assert.equal(service.takenOverText, 'Voicemail Pro -> HQ Secondary');
  const [hq] = body.sites;
  assert.deepEqual(hq.linesDown.map((l: { nodeId: string; peerId: string }) => `${l.nodeId}-${l.peerId}`), ['branch-exp-hq-primary']);
  const primary = hq.nodes.find((n: { nodeId: string }) => n.nodeId === 'hq-primary');
  assert.equal(primary.state, 'up');
  assert.deepEqual(primary.servedBy, [{ service: 'voicemail', by: 'hq-secondary' }]);

  h.feed({ ...link, severity: 'cleared', raisesAlarm: false });
  h.advance(5 * 60_000);
  const closed = (await app.inject({ method: 'GET', url: '/api/v1/resiliency?open=false' })).json();
  assert.deepEqual(closed.incidents[0].timeline.map((e: { kind: string }) => e.kind), ['link-down', 'link-up', 'closed']);
  assert.deepEqual((await app.inject({ method: 'GET', url: '/api/v1/resiliency?site=elsewhere' })).json(), { incidents: [], sites: [] });
});

test('GET /api/v1/resiliency answers 404 when the engine is not running', async (t) => {
  const { app } = await setup(t, false);
  const response = await app.inject({ method: 'GET', url: '/api/v1/resiliency' });
  assert.equal(response.statusCode, 404);
  assert.equal(response.json().error.code, 'IPO_ERR_NOT_FOUND');
});
