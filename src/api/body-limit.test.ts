import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../test/fakes/fake-clock.js';
import { smallFleet } from '../../test/fakes/fleet-fixture.js';
import { SilenceCache } from '../correlation/silence-cache.js';
import { MetricsRegistry } from '../metrics/registry.js';
import { MemoryStore } from '../storage/memory-store.js';
import { buildApp } from './app.js';

/** Routes with their own, larger limit and their own test (ssa.test.ts: 10 MB, refused before reading without a token). */
const OWN_LIMIT = new Set(['POST /api/v1/ssa/alarms']);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Full paths and methods from Fastify's route tree (printRoutes draws each level 4 characters deeper). */
function routesOf(tree: string): Array<{ method: string; path: string }> {
  const stack: string[] = [];
  const out: Array<{ method: string; path: string }> = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) out.push({ method, path: stack.join('') });
  }
  return out;
}

test('every route that takes a body answers 413 IPO_ERR_PAYLOAD_TOO_LARGE above 1 MB, and the app keeps serving', async (t) => {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const app = await buildApp({
    store,
    fleet: smallFleet(),
    silences: new SilenceCache(store, clock),
    inventory: () => null,
    knownIssues: () => [],
    metrics: new MetricsRegistry(),
    version: '9.9.9',
    now: () => clock.now(),
    health: () => ({ startedAt: clock.now(), queueDepth: 0, queueCapacity: 10, collectors: [] }),
  });
  t.after(() => app.close());
  await app.ready();
  const routes = routesOf(app.printRoutes({ commonPrefix: false })).filter((r) => BODY_METHODS.has(r.method) && !OWN_LIMIT.has(`${r.method} ${r.path}`));
  assert.ok(routes.length >= 4, `found the body routes: ${JSON.stringify(routes)}`);

  const payload = JSON.stringify({ user: 'noc-anna', note: 'x'.repeat(1024 * 1024) });
  for (const route of routes) {
    const url = route.path.replace(/:[A-Za-z]+/g, '1');
    const response = await app.inject({ method: route.method as 'POST', url, headers: { 'content-type': 'application/json' }, payload });
    assert.equal(response.statusCode, 413, `${route.method} ${route.path}: ${response.body.slice(0, 200)}`);
    assert.equal(response.json().error.code, 'IPO_ERR_PAYLOAD_TOO_LARGE', `${route.method} ${route.path}`);
  }
  const small = await app.inject({ method: 'POST', url: '/api/v1/alarms/999/acknowledge', payload: { user: 'noc-anna' } });
  assert.equal(small.json().error.code, 'IPO_ERR_NOT_FOUND', 'a body under the limit is read as usual');
});
