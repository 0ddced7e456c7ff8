import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CodedError } from '../../src/errors.js';
import { eventually } from '../../test/helpers/eventually.js';
import { sendWithLogger } from '../../test/helpers/send-logger.js';
import { sendUdp } from '../../test/helpers/send-udp.js';
import { createUdpListener } from './udp-listener.js';

function collecting() {
  const received: Array<{ text: string; address: string }> = [];
  return { received, handler: (bytes: Buffer, from: { address: string }) => void received.push({ text: bytes.toString('utf8'), address: from.address }) };
}

const noError = (error: Error) => assert.fail(error);

test('UDP listener binds port 0, reports the real port, and hands over datagrams from logger and dgram', async (t) => {
  const { received, handler } = collecting();
  const listener = createUdpListener({ collector: 'syslog', listenAddress: '127.0.0.1', port: 0 }, handler, noError);
  t.after(() => listener.close());

  assert.equal(listener.bound(), null);
  const bound = await listener.start();
  assert.equal(bound.address, '127.0.0.1');
  assert.ok(bound.port > 0);
  assert.deepEqual(listener.bound(), bound);

  await sendWithLogger(bound.port, 'hello from logger', { priority: 'local0.info' });
  await sendUdp(bound.port, [Buffer.from('<13>hello from dgram')]);
  await eventually(() => assert.equal(received.length, 2), { message: 'both datagrams should arrive' });
  assert.match(received.find((r) => r.text.includes('logger'))!.text, /^<134>\w{3} [ \d]\d \d\d:\d\d:\d\d \S+ IPOffice: hello from logger$/);
  assert.ok(received.every((r) => r.address === '127.0.0.1'));
});

test('UDP listener listens on IPv6 when the address is IPv6', async (t) => {
  const listener = createUdpListener({ collector: 'syslog', listenAddress: '::1', port: 0 }, () => {}, noError);
  t.after(() => listener.close());
  const bound = await listener.start();
  assert.equal(bound.address, '::1');
});

test('UDP listener rejects with IPO_ERR_COLLECTOR_BIND_FAILED naming address:port when the port is taken', async (t) => {
  const first = createUdpListener({ collector: 'syslog', listenAddress: '127.0.0.1', port: 0 }, () => {}, noError);
  t.after(() => first.close());
  const { port } = await first.start();
  const second = createUdpListener({ collector: 'syslog', listenAddress: '127.0.0.1', port }, () => {}, noError);
  t.after(() => second.close());

  await assert.rejects(second.start(), (error: unknown) => {
    assert.ok(error instanceof CodedError);
    assert.equal(error.code, 'IPO_ERR_COLLECTOR_BIND_FAILED');
    assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port}.*EADDRINUSE`));
    return true;
  });
  assert.equal(second.bound(), null);
});

test('UDP listener close() is safe before start, twice, and while a bind is pending', async () => {
  const listener = createUdpListener({ collector: 'syslog', listenAddress: '127.0.0.1', port: 0 }, () => {}, noError);
  await listener.close();
  await listener.start();
  await listener.close();
  await listener.close();
  assert.equal(listener.bound(), null);

  const pending = listener.start();
  await listener.close();
  await assert.rejects(pending, { code: 'IPO_ERR_COLLECTOR_BIND_FAILED' });
});
