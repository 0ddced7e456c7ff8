import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { authApp } from '../../../test/fakes/auth-app.js';

/** The live stream of a signed-in page ends when its session does (sign-out here; expiry: broadcaster.test.ts). */
test('signing out ends the live stream opened with that session; another session’s stream stays open', async (t) => {
  const { app, signIn } = await authApp(t, { users: [{ name: 'olivia', role: 'operator' }, { name: 'vera', role: 'viewer' }] });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const open = (cookie: string) =>
    new Promise<IncomingMessage>((resolve, reject) => httpRequest({ host: '127.0.0.1', port, path: '/api/v1/stream', headers: { cookie } }, resolve).on('error', reject).end());
  const olivia = await signIn('olivia');
  const vera = await signIn('vera');
  const mine = await open(olivia);
  const theirs = await open(vera);
  assert.deepEqual([mine.statusCode, theirs.statusCode], [200, 200]);
  let theirsEnded = false;
  theirs.on('end', () => (theirsEnded = true)).resume();
  const ended = new Promise<void>((resolve) => mine.once('end', resolve));
  mine.resume();

  const out = await app.inject({ method: 'POST', url: '/logout', headers: { cookie: olivia } });
  assert.equal(out.statusCode, 303);
  await ended;
  assert.equal(theirsEnded, false);
  assert.equal((await app.inject({ url: '/api/v1/stream', headers: { cookie: olivia } })).statusCode, 401, 'and it cannot be reopened');
});
