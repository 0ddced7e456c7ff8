import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineHarness, fakeRules } from '../../../test/fakes/engine-harness.js';
import type { RuleMatch } from '../rule-matcher.js';

const systemIdChanged: RuleMatch = {
  ruleId: 'ipoffice-111618-system-id-changed-weblm',
  vendorId: 'IPOFFICE-111618',
  title: 'System ID has changed (WebLM mode)',
  effect: 'benign',
  workaround: 'Expected in WebLM mode; no action.',
  references: ['001:294'],
};

test('a benign known issue is annotated and its notification held, with the reason', () => {
  const { feed, store } = engineHarness({ rules: fakeRules((e) => (e.text.includes('System ID') ? [systemIdChanged] : [])) });
  const result = feed({ text: 'System ID has changed', alarmKey: 'system id has changed', category: 'License', code: 'syslog.alarm.license' });
  const alarm = store.getAlarm(result.alarm!.id)!;
  assert.deepEqual(
    alarm.annotations.map((a) => [a.kind, a.key, a.vendorId, a.effect, a.references]),
    [['known-issue', 'ipoffice-111618-system-id-changed-weblm', 'IPOFFICE-111618', 'benign', ['001:294']]],
  );
  assert.equal(result.decision.notifications[0]?.status, 'held');
  assert.equal(result.decision.notifications[0]?.reason, 'benign known issue IPOFFICE-111618: System ID has changed (WebLM mode)');
  assert.equal(store.listUnmatched(10).length, 0, 'a matched event is not an unmatched cluster');
});

const backupInventoryStage: RuleMatch = {
  ruleId: 'ipoffice-110586-backup-inventory-stage',
  vendorId: 'IPOFFICE-110586',
  title: 'Backup fails at the inventory stage',
  effect: 'raise',
  workaround: 'Accept the SFTP server host key.',
  references: ['001:307'],
  raise: { code: 'rule.backup-failed', severity: 'major', category: 'Applications' },
};

test('a "raise" rule turns a plain message into an alarm with the rule code, keeping the original code', () => {
  const { feed } = engineHarness({ rules: fakeRules(() => [backupInventoryStage]) });
  const result = feed({ raisesAlarm: false, severity: 'major', code: 'syslog.message', alarmKey: undefined, text: 'Backup failed: Wait inventory pushed stage failed' });
  assert.equal(result.alarm?.code, 'rule.backup-failed');
  assert.equal(result.alarm?.severity, 'major');
  assert.equal(result.event.attributes['derivedFrom'], 'syslog.message');
  assert.equal(result.alarm?.annotations[0]?.text, 'Accept the SFTP server host key.');
});

test('a "raise" rule leaves alone events that already raise, and info notices', () => {
  const { feed } = engineHarness({ rules: fakeRules(() => [backupInventoryStage]) });
  const text = 'Backup failed: Wait inventory pushed stage failed';
  const raisedBySsa = feed({ source: 'ssa', code: 'ssa.service.new', alarmKey: 'backup failed', severity: 'major', text });
  assert.equal(raisedBySsa.alarm?.code, 'ssa.service.new', 'the collector code stays, so its clear finds the alarm');
  assert.equal(raisedBySsa.alarm?.annotations[0]?.vendorId, 'IPOFFICE-110586', 'still annotated');
  const notice = feed({ source: 'ssa', code: 'ssa.service.scrolled-off', alarmKey: undefined, raisesAlarm: false, severity: 'info', text });
  assert.equal(notice.alarm, null, 'an info notice does not re-raise');
  const cleared = feed({ source: 'ssa', code: 'ssa.service.new', alarmKey: 'backup failed', severity: 'cleared', text });
  assert.equal(cleared.alarm?.state, 'cleared');
});

test('events no rule matched are counted by template', () => {
  const { feed, store } = engineHarness();
  feed({ raisesAlarm: false, severity: 'info', code: 'syslog.message', text: 'User 201 logged in from 10.1.2.3' });
  feed({ raisesAlarm: false, severity: 'info', code: 'syslog.message', text: 'User 305 logged in from 10.9.8.7' });
  feed({ raisesAlarm: false, severity: 'info', code: 'syslog.message', text: 'Configuration merged' });
  const clusters = store.listUnmatched(10);
  assert.deepEqual(clusters.map((c) => [c.template, c.count]), [
    ['User <n> logged in from <ip>', 2],
    ['Configuration merged', 1],
  ]);
});
