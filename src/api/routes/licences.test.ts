import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { SilenceCache } from '../../correlation/silence-cache.js';
import { DAY_MS } from '../../licence/escalation.js';
import type { LicenceReplay } from '../../licence/replay.js';
import { shippedReplay } from '../../licence/test-catalogue.js';
import { MetricsRegistry } from '../../metrics/registry.js';
import { buildApp } from '../app.js';
import type { ApiDeps } from '../deps.js';

async function setup(t: TestContext, withEngine = true) {
  const replay = shippedReplay([
    { id: 'acme-pri', role: 'primary', licenceSource: 'weblm', customer: 'acme' },
    { id: 'acme-v2', role: 'ip500v2', licenceSource: 'nodal', customer: 'acme' },
    { id: 'bor-v2', role: 'ip500v2', licenceSource: 'subscription', customer: 'borealis' },
  ]);
  const deps: ApiDeps = {
    store: replay.store,
    fleet: replay.fleet,
    silences: new SilenceCache(replay.store, { now: () => replay.now() }),
    inventory: () => null,
    knownIssues: () => [],
    metrics: new MetricsRegistry(),
    version: 'test',
    now: () => replay.now(),
    health: () => ({ startedAt: 0, queueDepth: 0, queueCapacity: 1, collectors: [] }),
    ...(withEngine && { licence: replay.engine }),
  };
  const app = await buildApp(deps);
  t.after(() => app.close());
  return { app, replay };
}

const lksFailure = (replay: LicenceReplay, node: string) => replay.send(node, { source: 'snmp', code: 'snmp.ipo.lks', severity: 'major', text: 'LKS failure' });

test('GET /api/v1/licences: nodes by customer with mode, since, until, days remaining and what they lose when', async (t) => {
  const { app, replay } = await setup(t);
  lksFailure(replay, 'bor-v2');
  replay.send('acme-pri', { text: 'WebLM Error Mode' });
  replay.send('acme-v2', { text: 'Attempt to use a feature for which no license is installed. License Type: CTI Link Pro' });
  replay.advance(DAY_MS);
  const response = await app.inject('/api/v1/licences');
  assert.equal(response.statusCode, 200);
  const view = response.json();
  assert.deepEqual(view.summary, { nodes: 3, byMode: { 'license-normal': 1, 'weblm-error': 1, 'select-unknown': 1, 'subscription-grace': 1 }, inGrace: 2, losingFeatures: 3, suspect: 1 });
  assert.deepEqual(view.customers.map((c: { id: string; nodes: Array<{ node: { id: string } }> }) => [c.id, c.nodes.map((n) => n.node.id)]), [
    ['acme', ['acme-v2', 'acme-pri']],
    ['borealis', ['bor-v2']],
  ]);
  const sub = view.customers[1].nodes[0];
  assert.deepEqual(sub.tracks[0].mode, { id: 'subscription-grace', name: 'Subscription grace', since: '2026-01-05T09:00:00.000Z', until: '2026-02-04T09:00:00.000Z', licensed: true, inferred: false });
  assert.deepEqual(sub.tracks[0].grace, { startedAt: '2026-01-05T09:00:00.000Z', expiresAt: '2026-02-04T09:00:00.000Z', daysRemaining: 29, severity: 'minor', dailyAlarms: 2, expiresTo: { id: 'subscription-deactivated', name: 'Subscription features deactivated' } });
  assert.deepEqual(sub.losses, [{ track: 'licence', status: 'at-risk', features: ['all subscription features'], at: '2026-02-04T09:00:00.000Z', because: 'Subscription grace: grace ends' }]);
  const pri = view.customers[0].nodes[1];
  assert.equal(pri.tracks[0].suspect.ruleId, 'ipoffice-111618-false-weblm-error-mode');
  assert.match(pri.tracks[0].suspect.workaround, /Renew Licenses/);
  assert.deepEqual(view.customers[0].nodes[0].losses[0].features, ['CTI Link Pro']);

  const filtered = (await app.inject('/api/v1/licences?customer=borealis&mode=subscription-grace')).json();
  assert.equal(filtered.summary.nodes, 1);
});

test('GET /api/v1/licences/:nodeId shows the changes of mode with their evidence; unknown nodes are 404', async (t) => {
  const { app, replay } = await setup(t);
  const failure = lksFailure(replay, 'bor-v2');
  const detail = (await app.inject('/api/v1/licences/bor-v2')).json();
  assert.equal(detail.licence.tracks[0].mode.id, 'subscription-grace');
  assert.deepEqual(
    detail.transitions.map((tr: { cause: string; toMode: string; eventIds: number[]; at: string }) => [tr.cause, tr.toMode, tr.eventIds, tr.at]),
    [
      ['licence-server-link-down', 'subscription-grace', [failure.event.id], '2026-01-05T09:00:00.000Z'],
      ['configured', 'subscription-normal', [], '2026-01-05T09:00:00.000Z'],
    ],
  );
  const missing = await app.inject('/api/v1/licences/nope');
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error.code, 'IPO_ERR_NOT_FOUND');
});

test('POST /api/v1/licences/:nodeId/assertions records a mode (201), repeats change nothing (200), bad modes are 400', async (t) => {
  const { app, replay } = await setup(t);
  const post = (body: object) => app.inject({ method: 'POST', url: '/api/v1/licences/acme-v2/assertions', payload: body });
  const created = await post({ mode: 'subscription-normal', user: 'partner-bob', note: 'converted' });
  assert.equal(created.statusCode, 201);
  assert.deepEqual([created.json().transition.user, created.json().licence.licenceSource], ['partner-bob', { configured: 'nodal', effective: 'subscription' }]);
  assert.equal((await post({ mode: 'Subscription normal', user: 'bob' })).statusCode, 200);
  const bad = await post({ mode: 'Gold', user: 'bob' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'IPO_ERR_BAD_REQUEST');
  assert.equal((await post({ mode: 'weblm-normal' })).statusCode, 400, 'user is required');
  // The change is audited (the repeat changed nothing, so it is not).
  assert.deepEqual(
    replay.store.listAudit({ limit: 10 }).map((e) => [e.actor, e.action, e.target, e.detail['mode'], e.detail['note']]),
    [['partner-bob', 'licence.assert', 'node:acme-v2', 'subscription-normal', 'converted']],
  );
  // A lone IP500 V2 on subscription (no SCN beside it) is a consistent configuration: nothing to report.
  const findings = (await app.inject('/api/v1/licences')).json().customers[0].nodes.flatMap((n: { findings: unknown[] }) => n.findings);
  assert.deepEqual(findings, []);
});

test('without the licence engine the licence routes answer 404 with a code', async (t) => {
  const { app } = await setup(t, false);
  const response = await app.inject('/api/v1/licences');
  assert.deepEqual([response.statusCode, response.json().error.code], [404, 'IPO_ERR_NOT_FOUND']);
});
