import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { test } from 'node:test';
import { influxdbSinkConfigSchema } from './config.js';
import { createInfluxWriter, isPermanentWriteError } from './writer.js';

interface Seen {
  url: string;
  authorization: string | undefined;
  body: string;
}

/** Records requests and answers with the next status of `statuses` (then 204). */
async function fakeInflux(statuses: number[] = []): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization, body });
    const status = statuses.shift() ?? 204;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(status === 204 ? undefined : JSON.stringify({ error: status === 400 ? 'unable to parse' : 'unavailable' }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, seen };
}

test('v2: /api/v2/write with org, bucket, ns precision and the token header', async (t) => {
  const influx = await fakeInflux();
  t.after(() => influx.server.close());
  const writer = createInfluxWriter(influxdbSinkConfigSchema.parse({ url: influx.url, org: 'noc', bucket: 'ipo/autogen' }), { token: 's3cret', username: null, password: null });
  await writer.write(['m v=1i 1', 'm v=2i 2']);
  assert.deepEqual(influx.seen, [{ url: '/api/v2/write?org=noc&bucket=ipo%2Fautogen&precision=ns', authorization: 'Token s3cret', body: 'm v=1i 1\nm v=2i 2' }]);
});

test('v1: /write with db, rp, precision n and basic authentication', async (t) => {
  const influx = await fakeInflux();
  t.after(() => influx.server.close());
  const config = influxdbSinkConfigSchema.parse({ url: influx.url, apiVersion: 'v1', database: 'ipo', retentionPolicy: 'one_year' });
  await createInfluxWriter(config, { token: null, username: 'writer', password: 'pw' }).write(['m v=1i 1']);
  assert.equal(influx.seen[0]?.url, '/write?db=ipo&rp=one_year&precision=n');
  assert.equal(influx.seen[0]?.authorization, `Basic ${Buffer.from('writer:pw').toString('base64')}`);
});

test('a write resolves only when the server answered; 400 is permanent, 503 and no server are not; no retries of its own', async (t) => {
  const influx = await fakeInflux([400, 503]);
  t.after(() => influx.server.close());
  const writer = createInfluxWriter(influxdbSinkConfigSchema.parse({ url: influx.url, apiVersion: 'v1' }), { token: null, username: null, password: null });
  await assert.rejects(writer.write(['bad']), (error) => isPermanentWriteError(error));
  await assert.rejects(writer.write(['m v=1i 1']), (error) => !isPermanentWriteError(error));
  assert.equal(influx.seen.length, 2, 'the client did not retry by itself');
  const down = createInfluxWriter(influxdbSinkConfigSchema.parse({ url: 'http://127.0.0.1:1', apiVersion: 'v1' }), { token: null, username: null, password: null });
  await assert.rejects(down.write(['m v=1i 1']), (error) => !isPermanentWriteError(error));
});
