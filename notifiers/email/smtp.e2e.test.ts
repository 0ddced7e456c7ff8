import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeTestCertificates } from '../../test/helpers/test-certs.js';
import { openSqliteStore } from '../../src/storage/sqlite-store.js';
import type { StageContext } from '../../src/correlation/decision.js';
import { FakeClock } from '../../test/fakes/fake-clock.js';
import { fakeRules } from '../../test/fakes/engine-harness.js';
import { notifierHarness } from '../../test/fakes/notifier-harness.js';
import { eventually } from '../../test/helpers/eventually.js';
import { SmtpSink } from '../../test/helpers/smtp-sink.js';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { messageIdOf } from './send.js';

const S = 1000;
const MIN = 60_000;
const PASSWORD = 'test-only-secret';

async function setup(t: { after(fn: () => unknown): void }) {
  const dir = makeTempDir();
  const sink = { current: null as SmtpSink | null };
  t.after(async () => {
    await sink.current?.stop();
    dir.remove();
  });
  const certs = await makeTestCertificates(dir.path);
  sink.current = new SmtpSink({ certFile: certs.serverCert, keyFile: certs.serverKey, user: 'ipo-observer', password: PASSWORD });
  const port = await sink.current.start();
  const email = (profiles?: unknown[]) => ({
    transport: { kind: 'smtp', host: '127.0.0.1', port, requireTls: true, auth: { user: 'ipo-observer', passwordEnv: 'IPO_TEST_SMTP_PASSWORD' }, caFile: certs.ca, timeoutSeconds: 5 },
    from: 'ipo-observer@noc.example.com',
    ...(profiles && { profiles }),
  });
  return { dir, sink: sink.current, email, env: { IPO_TEST_SMTP_PASSWORD: PASSWORD } };
}

const knownIssue: StageContext['rules'] = fakeRules((event) =>
  event.category === 'License'
    ? [{ ruleId: 'ipoffice-111618', vendorId: 'IPOFFICE-111618', title: 'System id changes after a WebLM host move', effect: 'annotate', workaround: 'Re-host the licence file against the new system id.', references: ['001:294'] }]
    : [],
);

test('mail reaches a real SMTP server over STARTTLS with login: one per profile, both parts, the workaround', async (t) => {
  const { sink, email, env } = await setup(t);
  const h = notifierHarness({
    configuredTransport: true,
    env,
    rules: knownIssue,
    email: email([
      { id: 'noc', name: 'NOC', to: ['noc@example.com'], minSeverity: 'major' },
      { id: 'partner', name: 'Partner', to: ['partner@example.com', 'partner-2@example.com'], categories: ['License', 'Generic', 'Applications'], groupBy: ['customer'] },
      { id: 'support', name: 'Support', to: ['support@example.com'], categories: ['Trunk lines', 'Phone change', 'VCM', 'QoS'] },
    ]),
  });
  t.after(() => h.notifier.stop());
  h.feed(); // Trunk lines, major
  h.feed({ category: 'License', severity: 'critical', code: 'syslog.licence.weblm', alarmKey: 'weblm', text: 'WebLM server unreachable, licences in grace' });
  await h.advance(30 * S);
  await eventually(() => assert.equal(sink.received.length, 3));

  const noc = sink.to('noc@example.com')[0]!;
  assert.equal(noc.secure, true, 'STARTTLS');
  assert.equal(noc.user, 'ipo-observer');
  assert.match(noc.parsed.subject ?? '', /^\[ipo-observer\]\[noc\]\[CRITICAL\]\[License,Trunk lines\] Acme Dental \/ HQ \/ HQ-PRIMARY: WebLM server unreachable, licences in grace \(\+1 more\)$/);
  assert.match(noc.parsed.text ?? '', /Workaround: Re-host the licence file against the new system id\./);
  assert.match(String(noc.parsed.html), /Workaround: Re-host the licence file against the new system id\./);
  assert.match(String(noc.parsed.html), /href="http:\/\/127\.0\.0\.1:8080\/alarms\/1"/);
  assert.equal(noc.parsed.headers.get('x-ipo-observer-profile'), 'noc');
  const stored = h.store.listMessages({ profile: 'noc', limit: 1 })[0]!;
  assert.equal(noc.parsed.messageId, messageIdOf(stored, 'ipo-observer@noc.example.com'), 'the same Message-ID on every attempt');

  const partner = sink.to('partner@example.com')[0]!;
  assert.deepEqual(partner.envelopeTo, ['partner@example.com', 'partner-2@example.com']);
  assert.match(partner.parsed.subject ?? '', /^\[ipo-observer\]\[partner\]\[CRITICAL\]\[License\] Acme Dental: WebLM server unreachable/);
  const support = sink.to('support@example.com')[0]!;
  assert.match(support.parsed.subject ?? '', /^\[ipo-observer\]\[support\]\[MAJOR\]\[Trunk lines\] Acme Dental \/ HQ \/ HQ-PRIMARY: Trunk Slot B, T1 PRI 2 red alarm$/);
  assert.ok(!(support.parsed.text ?? '').includes('WebLM'), 'License is not in the support profile');
});

test('a refused address fails for good; the other recipients still get it', async (t) => {
  const { sink, email, env } = await setup(t);
  sink.refuse.add('gone@example.com');
  const h = notifierHarness({
    configuredTransport: true,
    env,
    email: email([
      { id: 'noc', name: 'NOC', to: ['noc@example.com', 'gone@example.com'], minSeverity: 'major' },
      { id: 'lost', name: 'Lost', to: ['gone@example.com'] },
    ]),
  });
  t.after(() => h.notifier.stop());
  h.feed();
  await h.advance(30 * S);
  await eventually(() => assert.equal(h.store.listMessages({ status: 'queued', limit: 10 }).length, 0));
  const [lost, noc] = ['lost', 'noc'].map((profile) => h.store.listMessages({ profile, limit: 1 })[0]!);
  assert.equal(lost!.status, 'failed-permanent');
  assert.match(lost!.lastError ?? '', /550/);
  assert.equal(noc!.status, 'sent');
  assert.deepEqual(noc!.rejected, ['gone@example.com']);
  assert.deepEqual(sink.received.map((m) => m.envelopeTo), [['noc@example.com']]);
  assert.equal(h.store.listNotifications({ limit: 1 })[0]?.status, 'failed');
});

test('SMTP down for 10 minutes with a restart in between: every mail delivered afterwards, none twice', async (t) => {
  const { dir, sink, email, env } = await setup(t);
  const dataDir = join(dir.path, 'data');
  const clock = new FakeClock();
  const profiles = [
    { id: 'noc', name: 'NOC', to: ['noc@example.com'], minSeverity: 'major' },
    { id: 'support', name: 'Support', to: ['support@example.com'], categories: ['Trunk lines'] },
  ];
  let store = openSqliteStore(dataDir);
  let h = notifierHarness({ configuredTransport: true, env, store, clock, email: email(profiles) });
  t.after(async () => {
    await h.notifier.stop();
    store.close();
  });
  await sink.stop();

  for (const address of ['10.0.0.10', '10.0.0.11', '10.0.1.10', '10.1.0.10']) h.feed({ sourceAddress: address });
  for (let elapsed = 0; elapsed < 5 * MIN; elapsed += 10 * S) await h.advance(10 * S);
  h.feed({ severity: 'cleared' }); // hq-primary's trunk clears while the server is down
  const failing = h.store.listMessages({ status: 'retrying', limit: 100 });
  assert.ok(failing.length > 0, 'messages are waiting to be retried');
  assert.match(failing[0]!.lastError ?? '', /ECONNREFUSED|ESOCKET|ECONNECTION/);

  // The program restarts while the server is still down.
  await h.notifier.stop();
  store.close();
  store = openSqliteStore(dataDir);
  h = notifierHarness({ configuredTransport: true, env, store, clock, email: email(profiles) });
  for (let elapsed = 0; elapsed < 5 * MIN; elapsed += 10 * S) await h.advance(10 * S);
  assert.equal(sink.received.length, 0);

  await sink.start(sink.port);
  for (let elapsed = 0; elapsed < 40 * MIN && store.listMessages({ status: 'retrying', limit: 1 }).length + store.listMessages({ status: 'queued', limit: 1 }).length > 0; elapsed += 30 * S) {
    await h.advance(30 * S);
  }
  const messages = store.listMessages({ limit: 100 });
  assert.ok(messages.every((m) => m.status === 'sent'), JSON.stringify(messages.map((m) => [m.id, m.status, m.lastError])));
  const ids = sink.received.map((m) => m.parsed.messageId);
  assert.equal(new Set(ids).size, ids.length, 'no message twice');
  assert.equal(sink.received.length, messages.length);
  // 4 nodes x (noc + support) firing, plus the resolved notice for hq-primary to both profiles.
  assert.equal(sink.received.length, 10);
  assert.equal(store.listNotifications({ status: 'sent', limit: 100 }).length, 5, 'every outbox row ends sent');
  assert.equal(sink.received.filter((m) => /\[RESOLVED\]/.test(m.parsed.subject ?? '')).length, 2);
});

test('implicit TLS (secure: true) works too', async (t) => {
  const dir = makeTempDir();
  const certs = await makeTestCertificates(dir.path);
  const sink = new SmtpSink({ certFile: certs.serverCert, keyFile: certs.serverKey, user: 'ipo-observer', password: PASSWORD, secure: true });
  t.after(async () => {
    await sink.stop();
    dir.remove();
  });
  const port = await sink.start();
  const h = notifierHarness({
    configuredTransport: true,
    env: { IPO_TEST_SMTP_PASSWORD: PASSWORD },
    email: {
      transport: { kind: 'smtp', host: '127.0.0.1', port, secure: true, requireTls: false, auth: { user: 'ipo-observer', passwordEnv: 'IPO_TEST_SMTP_PASSWORD' }, caFile: certs.ca, timeoutSeconds: 5 },
      profiles: [{ id: 'noc', name: 'NOC', to: ['noc@example.com'], minSeverity: 'major' }],
    },
  });
  t.after(() => h.notifier.stop());
  h.feed();
  await h.advance(30 * S);
  await eventually(() => assert.equal(sink.received.length, 1));
  assert.equal(sink.received[0]!.secure, true);
});
