import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { test, type TestContext } from 'node:test';
import { eventually } from '../../test/helpers/eventually.js';
import { createStreamListener, type ConnectionFlow, type ConnectionSink } from './stream-listener.js';

async function open(t: TestContext, port: number) {
  const socket = connect({ host: '127.0.0.1', port });
  t.after(() => socket.destroy());
  await once(socket, 'connect');
  return socket;
}

test('a connection we paused is not closed as idle, and keeps what its peer sends; resumed, it reads again and the idle timeout applies again', async (t) => {
  const seen = { data: [] as string[], closed: [] as string[] };
  let pausedFlow: ConnectionFlow | null = null;
  const options = { transport: 'tcp' as const, listenAddress: '127.0.0.1', port: 0, maxConnections: 10, maxConnectionsPerSource: 10, idleTimeoutSeconds: 1 };
  const listener = createStreamListener(options, {
    connect: (_peer, flow): ConnectionSink => ({
      data: (chunk) => {
        seen.data.push(chunk.toString());
        if (pausedFlow) return;
        pausedFlow = flow; // back-pressure after the first chunk
        flow.pause();
      },
      end: () => undefined,
    }),
    rejected: (reason) => assert.fail(`rejected: ${reason}`),
    closed: (reason) => void seen.closed.push(reason),
    error: (error) => assert.fail(error),
  });
  t.after(() => listener.close());
  const { port } = await listener.start();
  const paused = await open(t, port);
  paused.write('<134>first\n');
  await eventually(() => assert.ok(pausedFlow));
  paused.write('<134>second\n');
  // A connection opened after the pause, and silent: when it is closed as idle, the paused one has been silent longer.
  const quiet = await open(t, port);
  await once(quiet, 'close');
  await eventually(() => assert.deepEqual(seen.closed, ['idle-timeout']));
  assert.equal(listener.connections(), 1, 'the paused connection is still open');
  assert.equal(seen.data.join(''), '<134>first\n', 'nothing read while paused');

  // Listen before resuming: the idle close comes 1 s after the resume, and a wait on a busy machine can outlast that
  // (once() attached after 'close' waits forever).
  const pausedClosed = once(paused, 'close');
  pausedFlow!.resume();
  await eventually(() => assert.equal(seen.data.join(''), '<134>first\n<134>second\n'));
  await pausedClosed;
  await eventually(() => assert.deepEqual(seen.closed, ['idle-timeout', 'idle-timeout']));
});
