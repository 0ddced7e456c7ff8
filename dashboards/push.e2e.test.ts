import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { makeTempDir } from '../test/helpers/temp-dir.js';
import { GENERATED_DIR } from './build.js';

const BIN = fileURLToPath(new URL('../bin/ipo-observer.js', import.meta.url));
const run = promisify(execFile);

interface Received {
  method: string;
  url: string;
  authorization: string | undefined;
  body: { dashboard: { uid: string; id: unknown; title: string }; overwrite: boolean; folderUid?: string };
}

/** A Grafana stand-in: records every request and answers as /api/dashboards/db does, or with `status`. */
async function fakeGrafana(status = 200): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer(async (request: IncomingMessage, response) => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const parsed = JSON.parse(body) as Received['body'];
    received.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body: parsed });
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(status === 200 ? { id: received.length, uid: parsed.dashboard.uid, url: `/d/${parsed.dashboard.uid}/x`, status: 'success', version: 1 } : { message: 'invalid API key' }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, received };
}

test('dashboards push sends every dashboard to Grafana (POST /api/dashboards/db, overwrite, bearer token)', async (t) => {
  const grafana = await fakeGrafana();
  t.after(() => grafana.server.close());
  const { stdout } = await run(process.execPath, [BIN, 'dashboards', 'push', '--grafana-url', `${grafana.url}/`, '--token', 'glsa_test', '--folder-uid', 'ipo']);
  const files = readdirSync(GENERATED_DIR).filter((name) => name.endsWith('.json'));
  assert.equal(grafana.received.length, files.length);
  for (const request of grafana.received) {
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/api/dashboards/db');
    assert.equal(request.authorization, 'Bearer glsa_test');
    assert.equal(request.body.overwrite, true);
    assert.equal(request.body.folderUid, 'ipo');
    assert.equal(request.body.dashboard.id, null, 'a new or replaced dashboard, matched by uid');
    const checkedIn = JSON.parse(readFileSync(join(GENERATED_DIR, `${request.body.dashboard.uid}.json`), 'utf8')) as Record<string, unknown>;
    assert.deepEqual({ ...request.body.dashboard, id: undefined }, { ...checkedIn, id: undefined }, 'the checked-in JSON is what is pushed');
  }
  assert.match(stdout, /ipo-fleet-overview: version 1 \/d\/ipo-fleet-overview\/x/);
});

test('a refusal stops the push with IPO_ERR_GRAFANA_PUSH_FAILED and exit code 1', async (t) => {
  const grafana = await fakeGrafana(401);
  t.after(() => grafana.server.close());
  await assert.rejects(run(process.execPath, [BIN, 'dashboards', 'push', '--grafana-url', grafana.url, '--token', 'wrong']), (error: { code: number; stderr: string }) => {
    assert.equal(error.code, 1);
    assert.match(error.stderr, /^IPO_ERR_GRAFANA_PUSH_FAILED: Grafana refused dashboard ipo-fleet-overview \(HTTP 401\).*check --token/);
    return true;
  });
  assert.equal(grafana.received.length, 1, 'stopped at the first refusal');
});

test('dashboards build --out writes the same JSON as the checked-in files', async (t) => {
  const dir = makeTempDir();
  t.after(() => dir.remove());
  await run(process.execPath, [BIN, 'dashboards', 'build', '--out', dir.path]);
  const files = readdirSync(GENERATED_DIR).filter((name) => name.endsWith('.json')).sort();
  assert.deepEqual(readdirSync(dir.path).sort(), files);
  for (const file of files) assert.equal(readFileSync(join(dir.path, file), 'utf8'), readFileSync(join(GENERATED_DIR, file), 'utf8'));
});
