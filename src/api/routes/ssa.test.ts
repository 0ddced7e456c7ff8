import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { ssaConfigSchema } from '../../../collectors/ssa/config.js';
import { createSsaCollector } from '../../../collectors/ssa/index.js';
import { ssaIngestOf } from '../../../collectors/ssa/ssa-api.js';
import { seedTable, ssaHarness, ssaTestFleet } from '../../../collectors/ssa/test-support.js';
import { FakeClock } from '../../../test/fakes/fake-clock.js';
import { SilenceCache } from '../../correlation/silence-cache.js';
import { MetricsRegistry } from '../../metrics/registry.js';
import { buildApp } from '../app.js';

const TOKEN = 'ssa-test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

async function setup(t: { after(fn: () => unknown): void }, options: { enabled?: boolean } = {}) {
  const h = ssaHarness();
  const collector = createSsaCollector(ssaConfigSchema.parse({ enabled: true, tokens: [TOKEN] }), h.ctx);
  const app = await buildApp({
    store: h.store,
    fleet: ssaTestFleet(),
    silences: new SilenceCache(h.store, new FakeClock()),
    inventory: () => null,
    knownIssues: () => [],
    metrics: new MetricsRegistry(),
    version: '9.9.9',
    now: () => Date.now(),
    health: () => ({ startedAt: 0, queueDepth: 0, queueCapacity: 1, collectors: [] }),
    ssaIngest: ssaIngestOf(() => (options.enabled === false ? [] : [{ collector }])),
  });
  t.after(() => app.close());
  const post = (body: string | Buffer, query = '?node=hq-primary', headers: Record<string, string> = { ...auth, 'content-type': 'text/plain' }) =>
    app.inject({ method: 'POST', url: `/api/v1/ssa/alarms${query}`, headers, payload: body });
  return { app, h, post };
}

test('POST the seed tables as copied from SSA: 200 with what changed; a replay changes nothing', async (t) => {
  const { post, h } = await setup(t);
  const first = await post(seedTable(1, 'tsv'));
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(first.json(), {
    result: 'stored',
    nodeId: 'hq-primary',
    list: 'service',
    entries: 8,
    unchanged: 0,
    events: { accepted: 8, dropped: 0 },
    changes: { new: 8, 'new-cleared': 0, increase: 0, reactivated: 0, cleared: 0, 'scrolled-off': 0 },
    warnings: [],
  });
  const second = (await post(seedTable(2, 'tsv'))).json();
  assert.deepEqual([second.changes.increase, second.unchanged], [2, 6]);
  assert.deepEqual(h.events.at(-1)?.sourceAddress, '127.0.0.1');
  const replay = (await post(seedTable(2, 'tsv'))).json();
  assert.deepEqual(replay.events, { accepted: 0, dropped: 0 });
});

test('CSV and JSON by Content-Type or ?format; the list and node may come from the query', async (t) => {
  const { post } = await setup(t);
  const csv = await post(seedTable(1, 'csv'), '?node=hq-primary', { ...auth, 'content-type': 'text/csv' });
  assert.equal(csv.statusCode, 200, csv.body);
  const json = await post(seedTable(2, 'json'), '?node=hq-primary', { ...auth, 'content-type': 'application/json' });
  assert.equal(json.statusCode, 200, json.body);
  assert.deepEqual(json.json().changes, { new: 0, 'new-cleared': 0, increase: 2, reactivated: 0, cleared: 3, 'scrolled-off': 0 });
  const bare = JSON.stringify([{ lastDateOfError: '21/01/2026 10:00:00', occurrences: 1, errorDescription: 'Line 3 out of service' }]);
  const trunk = await post(bare, '?node=ny-ip500&list=Trunks&format=json', { ...auth });
  assert.equal(trunk.statusCode, 422, 'the US node prints MM/DD/YYYY: month 21 does not exist');
  assert.match(trunk.json().error.message, /month 21 does not exist \(read as MM\/DD\/YYYY\)/);
  const trunkOk = await post(bare.replace('21/01/2026', '01/21/2026'), '?node=ny-ip500&list=Trunks&format=json', { ...auth });
  assert.equal(trunkOk.statusCode, 200, trunkOk.body);
  assert.equal(trunkOk.json().list, 'trunk');
});

test('no token, a wrong token, or no token configured: 401 IPO_ERR_UNAUTHORIZED, counted; the body is not read', async (t) => {
  const { post, h } = await setup(t);
  for (const headers of [{}, { authorization: 'Bearer wrong-token-000000000' }, { authorization: TOKEN }] as Array<Record<string, string>>) {
    const response = await post(seedTable(1, 'tsv'), '?node=hq-primary', headers);
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().error.code, 'IPO_ERR_UNAUTHORIZED');
  }
  assert.equal(h.refused['unauthorized'], 3);
  assert.equal(h.events.length, 0);
  const none = createSsaCollector(ssaConfigSchema.parse({ enabled: true }), h.ctx);
  assert.match(none.ssa.authorise(`Bearer ${TOKEN}`)?.message ?? '', /no API token is configured/);
});

test('the collector off: 404 saying how to turn it on', async (t) => {
  const { post } = await setup(t, { enabled: false });
  const response = await post(seedTable(1, 'tsv'));
  assert.equal(response.statusCode, 404);
  assert.match(response.json().error.message, /collectors\.ssa\.enabled/);
});

test('malformed input: 422 IPO_ERR_SSA_SNAPSHOT_INVALID naming the reason and line; nothing accepted before is lost', async (t) => {
  const { post, h } = await setup(t);
  assert.equal((await post(seedTable(1, 'tsv'))).statusCode, 200);
  const cases: Array<[string | Buffer, string, string, number | null]> = [
    ['Service Alarms\nDate\tCount\tText\n', '?node=hq-primary', 'bad-header', 2],
    [seedTable(2, 'tsv').toString('utf8').replace('\t22\t', '\t22\textra\t'), '?node=hq-primary', 'wrong-columns', 5],
    [Buffer.concat([Buffer.from('Service Alarms\n'), randomBytes(2048)]), '?node=hq-primary', 'binary', 2],
    [seedTable(2, 'tsv'), '?node=branch-9', 'unknown-node', null],
    [seedTable(2, 'tsv'), '?node=hq-primary&list=trunk', 'conflicting-list', 1],
    ['', '?node=hq-primary', 'empty', null],
  ];
  for (const [body, query, reason, line] of cases) {
    const response = await post(body, query);
    assert.equal(response.statusCode, 422, `${reason}: ${response.body}`);
    const { error } = response.json();
    assert.deepEqual([error.code, error.reason, error.line], ['IPO_ERR_SSA_SNAPSHOT_INVALID', reason, line], error.message);
    if (line !== null) assert.match(error.message, new RegExp(`^line ${line}: `));
  }
  assert.equal(h.events.length, 8);
  const good = await post(seedTable(2, 'tsv'));
  assert.deepEqual(good.json().events, { accepted: 2, dropped: 0 }, 'the next good snapshot diffs against the last good one');
});

test('a 10 MB body is read and refused naming the line; above 10 MB: 413 IPO_ERR_PAYLOAD_TOO_LARGE', async (t) => {
  const { post, h } = await setup(t);
  const tenMegabytes = Buffer.alloc(10 * 1024 * 1024, 0x41);
  const big = await post(tenMegabytes);
  assert.equal(big.statusCode, 422);
  assert.deepEqual([big.json().error.reason, big.json().error.line], ['line-too-long', 1]);
  const manyLines = Buffer.from(`Service Alarms\nLast Date Of Error\tOccurrences\tError Description\n${'21/01/2026 10:00:00\t1\tA\n'.repeat(400_000)}`.slice(0, 10 * 1024 * 1024));
  const tooMany = await post(manyLines);
  assert.equal(tooMany.statusCode, 422);
  assert.deepEqual([tooMany.json().error.reason, tooMany.json().error.line], ['too-many-entries', 1003]);
  const over = await post(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41));
  assert.equal(over.statusCode, 413);
  assert.equal(over.json().error.code, 'IPO_ERR_PAYLOAD_TOO_LARGE');
  assert.equal(h.refused['too-large'], 1);
});

test('a full event queue: 503 IPO_ERR_OVERLOADED with the counts; sending again delivers the rest', async (t) => {
  const { post, h } = await setup(t);
  h.queueRoom(5);
  const partial = await post(seedTable(1, 'tsv'));
  assert.equal(partial.statusCode, 503);
  assert.equal(partial.headers['retry-after'], '5');
  assert.equal(partial.json().error.code, 'IPO_ERR_OVERLOADED');
  assert.deepEqual(partial.json().events, { accepted: 5, dropped: 3 });
  h.queueRoom(null);
  const again = await post(seedTable(1, 'tsv'));
  assert.deepEqual([again.statusCode, again.json().events], [200, { accepted: 3, dropped: 0 }]);
});
