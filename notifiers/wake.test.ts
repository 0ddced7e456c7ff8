import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notifierHarness } from '../test/fakes/notifier-harness.js';
import { eventually } from '../test/helpers/eventually.js';

test('group wait 0: a wake-up sends the new alarm’s email without a tick and without the clock moving; more wake-ups send nothing twice', async (t) => {
  // The timer step is an hour, so only the wake-up can send within this test.
  const h = notifierHarness({ email: { groupWaitSeconds: 0 }, tickMs: 3_600_000 });
  t.after(() => h.notifier.stop());
  h.notifier.start();
  await h.notifier.tick(); // the step start() ran at once: nothing to do yet
  const { pendingNotifications } = h.feed();
  assert.equal(pendingNotifications, 1);
  assert.equal(h.transport.sent.length, 0);

  h.notifier.wake();
  await eventually(() => assert.deepEqual(h.transport.sent.map((m) => m.profile).sort(), ['noc', 'support']));
  assert.deepEqual(h.store.listNotifications({ limit: 10 }).map((n) => n.status), ['sent']);

  h.notifier.wake();
  h.notifier.wake();
  await h.notifier.tick();
  assert.equal(h.transport.sent.length, 2, 'the claim keeps a row from being sent twice');
});
