import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect as connectTcp, type Socket } from 'node:net';
import { test, type TestContext } from 'node:test';
import { connect as connectTls } from 'node:tls';
import { eventually } from '../../test/helpers/eventually.js';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { createStreamListener, type StreamListenerEvents, type StreamListenerOptions } from './stream-listener.js';
import { makeTestCertificates } from '../../test/helpers/test-certs.js';

/** Events recorded: what each connection sent, how it ended, who was turned away. */
function recorder() {
  const seen = { connected: [] as Array<{ address: string; tlsPeer?: string }>, data: [] as string[], ended: 0, closed: [] as string[], rejected: [] as string[] };
  const events: StreamListenerEvents = {
    connect(peer) {
      seen.connected.push(peer);
      return { data: (chunk) => void seen.data.push(chunk.toString()), end: () => void seen.ended++ };
    },
    rejected: (reason) => void seen.rejected.push(reason),
    closed: (reason) => void seen.closed.push(reason),
    error: (error) => assert.fail(error),
  };
  return { seen, events };
}

const tcp = (overrides: Partial<StreamListenerOptions> = {}): StreamListenerOptions => ({ transport: 'tcp', listenAddress: '127.0.0.1', port: 0, maxConnections: 10, maxConnectionsPerSource: 10, idleTimeoutSeconds: 0, ...overrides });

async function open(t: TestContext, port: number, host = '127.0.0.1'): Promise<Socket> {
  const socket = connectTcp({ host, port });
  t.after(() => socket.destroy());
  await once(socket, 'connect');
  return socket;
}

test('TCP listener binds port 0, hands over bytes per connection, and reports how each ended', async (t) => {
  const { seen, events } = recorder();
  const listener = createStreamListener(tcp(), events);
  t.after(() => listener.close());
  const { port } = await listener.start();
  assert.ok(port > 0);

  const socket = await open(t, port);
  socket.end('<134>hello\n');
  await eventually(() => assert.deepEqual(seen.closed, ['peer']));
  assert.deepEqual(seen.connected, [{ address: '127.0.0.1' }]);
  assert.equal(seen.data.join(''), '<134>hello\n');
  assert.equal(seen.ended, 1);
  assert.equal(listener.connections(), 0);
});

test('TCP listener listens on IPv6', async (t) => {
  const { seen, events } = recorder();
  const listener = createStreamListener(tcp({ listenAddress: '::1' }), events);
  t.after(() => listener.close());
  const { address, port } = await listener.start();
  assert.equal(address, '::1');
  (await open(t, port, '::1')).end('x\n');
  await eventually(() => assert.deepEqual(seen.connected, [{ address: '::1' }]));
});

test('TCP listener turns away connections beyond maxConnections and counts them', async (t) => {
  const { seen, events } = recorder();
  const listener = createStreamListener(tcp({ maxConnections: 1 }), events);
  t.after(() => listener.close());
  const { port } = await listener.start();
  await open(t, port);
  await eventually(() => assert.equal(listener.connections(), 1));
  const second = await open(t, port);
  await once(second, 'close');
  await eventually(() => assert.deepEqual(seen.rejected, ['max-connections']));
  assert.equal(seen.connected.length, 1);
});

test('TCP listener closes a connection idle for idleTimeoutSeconds', async (t) => {
  const { seen, events } = recorder();
  const listener = createStreamListener(tcp({ idleTimeoutSeconds: 1 }), events);
  t.after(() => listener.close());
  const { port } = await listener.start();
  const socket = await open(t, port);
  await once(socket, 'close');
  await eventually(() => assert.deepEqual(seen.closed, ['idle-timeout']));
});

test('close() ends open connections as shutdown and is idempotent', async (t) => {
  const { seen, events } = recorder();
  const listener = createStreamListener(tcp(), events);
  t.after(() => listener.close());
  const { port } = await listener.start();
  const socket = await open(t, port);
  await eventually(() => assert.equal(listener.connections(), 1));
  await Promise.all([listener.close(), once(socket, 'close')]);
  await listener.close();
  assert.deepEqual(seen.closed, ['shutdown']);
  assert.equal(listener.bound(), null);
});

test('TCP listener rejects with IPO_ERR_COLLECTOR_BIND_FAILED when the port is taken', async (t) => {
  const first = createStreamListener(tcp(), recorder().events);
  t.after(() => first.close());
  const { port } = await first.start();
  const second = createStreamListener(tcp({ port }), recorder().events);
  t.after(() => second.close());
  await assert.rejects(second.start(), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'IPO_ERR_COLLECTOR_BIND_FAILED');
    assert.match(error.message, new RegExp(`TCP 127\\.0\\.0\\.1:${port}.*EADDRINUSE`));
    return true;
  });
});

test('TLS listener with requireClientCert: a client without a certificate fails the handshake, one with a CA-signed certificate is named', async (t) => {
  const dir = makeTempDir();
  t.after(() => dir.remove());
  const certs = await makeTestCertificates(dir.path);
  const { seen, events } = recorder();
  const tls = { cert: readFileSync(certs.serverCert), key: readFileSync(certs.serverKey), ca: readFileSync(certs.ca), requireClientCert: true };
  const listener = createStreamListener({ ...tcp(), transport: 'tls', tls }, events);
  t.after(() => listener.close());
  const { port } = await listener.start();

  const anonymous = connectTls({ host: '127.0.0.1', port, ca: tls.ca });
  t.after(() => anonymous.destroy());
  anonymous.on('error', () => {}); // the server refuses it; that is the point
  await eventually(() => assert.deepEqual(seen.rejected, ['tls-handshake']));

  const named = connectTls({ host: '127.0.0.1', port, ca: tls.ca, cert: readFileSync(certs.clientCert), key: readFileSync(certs.clientKey) });
  t.after(() => named.destroy());
  await once(named, 'secureConnect');
  named.end('<134>over tls\n');
  await eventually(() => assert.equal(seen.data.join(''), '<134>over tls\n'));
  assert.deepEqual(seen.connected, [{ address: '127.0.0.1', tlsPeer: 'rsyslog-relay' }]);
});
