import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { authServerSection, signInCookie } from '../helpers/auth-stack.js';
import { eventually } from '../helpers/eventually.js';
import { sendWithLogger } from '../helpers/send-logger.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { writeStackConfig } from '../helpers/stack-config.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const BIN = fileURLToPath(new URL('../../bin/ipo-observer.js', import.meta.url));
const TRUNK_ALARM = 'Alarm: Trunk: Trunk Slot B, T1 PRI 2 red alarm';

test('with users configured: a viewer cannot acknowledge, an operator can, and the admin sees it in the audit log', async (t) => {
  const dir = makeTempDir();
  let stack: StackProcess | null = null;
  t.after(async () => {
    await stack?.stop();
    dir.remove();
  });
  const configPath = writeStackConfig(dir.path, { sections: { server: await authServerSection() } });
  stack = await startStackProcess(configPath, ['syslog/udp']);
  const url = stack.httpUrl;

  // Nothing without signing in, except the health probe.
  const anonymous = await fetch(`${url}/api/v1/alarms`);
  assert.equal(anonymous.status, 401);
  assert.equal(((await anonymous.json()) as { error: { code: string } }).error.code, 'IPO_ERR_UNAUTHORIZED');
  assert.equal((await fetch(`${url}/api/v1/health`)).status, 200);

  await sendWithLogger(stack.collectorPorts.get('syslog/udp')!, TRUNK_ALARM);
  const viewer = await signInCookie(url, 'vera');
  const alarm = await eventually(async () => {
    const response = await fetch(`${url}/api/v1/alarms?state=open`, { headers: { cookie: viewer } });
    const { alarms } = (await response.json()) as { alarms: Array<{ id: number }> };
    assert.equal(alarms.length, 1);
    return alarms[0]!;
  }, { message: 'the logger line should raise an alarm the viewer can read' });

  const acknowledge = (cookie: string, note: string) =>
    fetch(`${url}/api/v1/alarms/${alarm.id}/acknowledge`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ note }) });
  const refused = await acknowledge(viewer, 'viewer tries');
  assert.equal(refused.status, 403);
  assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'IPO_ERR_FORBIDDEN');

  const operator = await signInCookie(url, 'otto');
  const accepted = await acknowledge(operator, 'dispatching a field engineer');
  assert.equal(accepted.status, 200);
  assert.equal(((await accepted.json()) as { alarm: { acknowledgedBy: string } }).alarm.acknowledgedBy, 'otto');

  assert.equal((await fetch(`${url}/api/v1/audit`, { headers: { cookie: operator } })).status, 403, 'the audit log is for admins');
  const admin = await signInCookie(url, 'ada');
  const audit = (await (await fetch(`${url}/api/v1/audit?action=alarm.acknowledge`, { headers: { cookie: admin } })).json()) as { entries: Array<Record<string, unknown>> };
  assert.equal(audit.entries.length, 1, 'the refused attempt left no acknowledgement');
  assert.deepEqual(
    { actor: audit.entries[0]!['actor'], role: audit.entries[0]!['role'], target: audit.entries[0]!['target'], detail: audit.entries[0]!['detail'] },
    { actor: 'otto', role: 'operator', target: `alarm:${alarm.id}`, detail: { note: 'dispatching a field engineer' } },
  );
  assert.equal(audit.entries[0]!['remoteAddress'], '127.0.0.1');

  // A rule reload (SIGHUP) is audited as the system.
  stack.child.kill('SIGHUP');
  await eventually(async () => {
    const reloads = (await (await fetch(`${url}/api/v1/audit?actor=system`, { headers: { cookie: admin } })).json()) as { entries: Array<{ action: string; detail: { trigger: string; result: string } }> };
    assert.equal(reloads.entries[0]?.action, 'rules.reload');
    assert.deepEqual([reloads.entries[0]?.detail.trigger, reloads.entries[0]?.detail.result], ['SIGHUP', 'ok']);
  }, { message: 'SIGHUP should reload the rules and audit it' });

  // No secret in the log: neither the passwords nor the hashes.
  assert.doesNotMatch(JSON.stringify(stack.logLines), /correct-horse|scrypt\$/);
});

test('check-config refuses a listener beyond loopback with nobody configured, naming file, line and key', async (t) => {
  const dir = makeTempDir();
  t.after(() => dir.remove());
  const path = join(dir.path, 'exposed.yaml');
  writeFileSync(path, 'server:\n  http:\n    listenAddress: 0.0.0.0\n');
  const failure = await promisify(execFile)(process.execPath, [BIN, 'check-config', path]).then(
    () => assert.fail('check-config should fail'),
    (error: { code: number; stderr: string }) => error,
  );
  assert.equal(failure.code, 2);
  assert.match(failure.stderr, /IPO_ERR_CONFIG_INVALID/);
  assert.match(failure.stderr, /exposed\.yaml:3:\d+ server\.http\.listenAddress: listening on 0\.0\.0\.0 \(not loopback\) needs authentication: add server\.auth\.users/);
});
