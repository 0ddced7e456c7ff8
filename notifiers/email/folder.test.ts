import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { simpleParser } from 'mailparser';
import { notifierHarness } from '../../test/fakes/notifier-harness.js';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { folderTransport } from './send.js';

/** A notifier with no SMTP configured, data in a temp folder, 30 s after its first alarms: the emails are written. */
async function afterFirstEmails(t: TestContext) {
  const dir = makeTempDir();
  t.after(() => dir.remove());
  const h = notifierHarness({ configuredTransport: true, dataDir: dir.path });
  t.after(() => h.notifier.stop());
  h.feed();
  await h.advance(30_000);
  return { dir, h };
}

test('with no SMTP configured, each email is an .eml file in <dataDir>/outbox', async (t) => {
  const { dir, h } = await afterFirstEmails(t);
  const folder = join(dir.path, 'outbox');
  const files = readdirSync(folder).sort();
  assert.deepEqual(files, ['20261121T090030Z-noc-alarms-1.eml', '20261121T090030Z-support-alarms-2.eml']);
  const mail = await simpleParser(readFileSync(join(folder, files[0]!)));
  assert.equal(mail.from?.text, 'ipo-observer@example.invalid');
  assert.equal((mail.to as { text: string }).text, 'noc@example.invalid');
  assert.match(mail.subject ?? '', /^\[ipo-observer\]\[noc\]\[MAJOR\]\[Trunk lines\]/);
  assert.match(mail.text ?? '', /T1 PRI 2 red alarm/);
  assert.match(String(mail.html), /<html>/);

  // Writing a message again (a retry after a crash) replaces its file.
  const message = h.store.listMessages({ profile: 'noc', limit: 1 })[0]!;
  const again = await folderTransport(folder, 'ipo-observer@example.invalid').send(message);
  assert.deepEqual(again, { ok: true, rejected: [] });
  assert.equal(readdirSync(folder).length, 2);
});

test('an unwritable outbox folder is a retryable transport failure', async (t) => {
  const { dir, h } = await afterFirstEmails(t);
  const message = h.store.listMessages({ limit: 1 })[0]!;
  const blocker = join(dir.path, 'not-a-folder');
  writeFileSync(blocker, ''); // a file where the folder should be: fails even as root
  const result = await folderTransport(join(blocker, 'outbox'), 'a@example.invalid').send(message);
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.retryable && result.transport);
});
