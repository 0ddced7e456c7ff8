import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authApp, TOKEN } from '../../../test/fakes/auth-app.js';
import { routesOf } from '../../../test/helpers/route-tree.js';

/** Reachable without credentials, each for a reason (src/api/auth/README.md). A new public route must be added here. */
const PUBLIC = new Set([
  'GET /api/v1/health',
  'GET /login',
  'POST /login',
  'POST /logout',
  'POST /api/v1/session',
  'GET /assets/*',
  'POST /api/v1/ssa/alarms',
]);
/** Writes a viewer may make: ending their own session. */
const VIEWER_WRITES = new Set(['DELETE /api/v1/session']);
/** Reads only an admin may make. */
const ADMIN_READS = new Set(['GET /api/v1/audit', 'GET /audit']);

const urlOf = (path: string) => path.replace(/:[A-Za-z]+/g, '1').replace('*', 'app.css');

test('with authentication on, every route but the public few needs credentials, and writes need an operator', async (t) => {
  const { app } = await authApp(t, { tokens: [{ name: 'grafana', role: 'viewer' }] });
  await app.ready();
  const routes = routesOf(app.printRoutes({ commonPrefix: false }))
    .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
    // printRoutes drops the static prefix of the one wildcard route (it prints `/*`).
    .map((r) => (r.path === '/*' ? { ...r, path: '/assets/*' } : r));
  assert.ok(routes.length >= 20, `found the routes: ${routes.length}`);
  const viewer = { authorization: `Bearer ${TOKEN('grafana')}` };

  const open: string[] = [];
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    const response = await app.inject({ method: route.method as 'GET', url: urlOf(route.path), headers: { 'content-type': 'application/json' }, payload: route.method === 'GET' ? undefined : '{}' });
    // Refused by the hook: the API's 401 carries WWW-Authenticate (a wrong password's 401 does not), pages go to /login.
    const refused = (response.statusCode === 401 && response.headers['www-authenticate'] !== undefined) || (response.statusCode === 302 && String(response.headers.location).startsWith('/login?next='));
    if (!refused) open.push(`${key}`);
    const viewerMay = PUBLIC.has(key) || (route.method === 'GET' ? !ADMIN_READS.has(key) : VIEWER_WRITES.has(key));
    if (viewerMay) continue;
    const asViewer = await app.inject({ method: route.method as 'GET', url: urlOf(route.path), headers: { ...viewer, 'content-type': 'application/json' }, payload: route.method === 'GET' ? undefined : '{}' });
    assert.equal(asViewer.statusCode, 403, `${key} as a viewer: ${asViewer.body.slice(0, 200)}`);
    // Pages opened in a browser get the refusal as a page in the UI shell; everything else the coded JSON error.
    if (route.method === 'GET' && !route.path.startsWith('/api/')) assert.match(asViewer.body, /This page needs the <strong>admin<\/strong> role/, key);
    else assert.equal(asViewer.json().error.code, 'IPO_ERR_FORBIDDEN', key);
  }
  assert.deepEqual(open.sort(), [...PUBLIC].sort(), 'exactly the public routes answer without credentials');
});
