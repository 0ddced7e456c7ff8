import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resiliencyHarness } from '../../test/fakes/resiliency-harness.js';

const MIN = 60_000;
const secondary = { nodeId: 'hq-secondary', sourceAddress: '10.0.0.11' } as const;
const voicemail = { nodeId: 'hq-primary', sourceAddress: '10.0.0.10', source: 'snmp', collector: 'snmp', code: 'snmp.ipo.app', entity: { kind: 'application', id: 'voice-mail', name: 'voiceMail' }, category: 'Applications', alarmKey: '', text: 'Application failure: voiceMail' } as const;

test('Voicemail Pro failing on a Primary that is up: one service incident naming the backup, closed by its failback', () => {
  const h = resiliencyHarness();
  h.feed({ ...voicemail, severity: 'major' });
  const [incident] = h.resiliency.open();
  assert.equal(incident!.kind, 'service');
  assert.equal(incident!.service, 'voicemail');
  assert.deepEqual(incident!.takeovers, [{ service: 'voicemail', by: 'hq-secondary' }]);
  assert.match(incident!.degraded[0]!, /voicemail served by the Voicemail Pro on HQ Secondary/);
  const alarms = h.store.listAlarms({ limit: 100 } as never);
  const pending = h.store.listNotifications({ status: 'pending', limit: 100 }).map((n) => alarms.find((a) => a.id === n.alarmId)!.code);
  assert.deepEqual(pending, ['resiliency.incident'], 'the application alarm is folded into the incident');
  assert.match(alarms.find((a) => a.code === 'resiliency.incident')!.text, /Voicemail Pro on HQ Primary is down\. Taken over: Voicemail Pro -> HQ Secondary/);

  h.advance(7 * MIN);
  h.feed({ ...voicemail, severity: 'cleared', raisesAlarm: false, text: 'Application operational: voiceMail' });
  const [closed] = h.resiliency.list();
  assert.notEqual(closed!.closedAt, null);
  assert.deepEqual(closed!.timeline.map((e) => e.kind), ['service-failover', 'service-failback', 'closed']);
  assert.equal(closed!.downMs, 7 * MIN);
  assert.ok(h.emitted.some((e) => e.code === 'resiliency.failback' && /Voicemail Pro of HQ Primary: failback/.test(e.text)));
});

test('a peer reports the Primary unreachable over syslog: the node incident opens, the report itself is folded in', () => {
  const h = resiliencyHarness();
  h.feed({ ...secondary, source: 'syslog', collector: 'syslog', code: 'syslog.alarm.resiliency', category: 'Resiliency', severity: 'major', alarmKey: 'hq primary unreachable', text: 'HQ Primary unreachable' });
  const [incident] = h.resiliency.open();
  assert.equal(incident!.kind, 'node');
  assert.equal(incident!.nodeId, 'hq-primary');
  const alarms = h.store.listAlarms({ limit: 100 } as never);
  const pending = h.store.listNotifications({ status: 'pending', limit: 100 }).map((n) => alarms.find((a) => a.id === n.alarmId)!.code);
  assert.deepEqual(pending, ['resiliency.incident']);
});

test('during a node incident: one-X Portal failover and failback rows, Entity failures and Voicemail Pro go on its timeline', () => {
  const h = resiliencyHarness();
  h.feed({ nodeId: 'hq-primary', sourceAddress: '10.0.0.10', code: 'poll.node-unreachable', severity: 'major', raisesAlarm: true, alarmKey: '', text: 'no answer' });
  h.feed({ ...secondary, code: 'syslog.message', severity: 'info', text: 'Primary one-X Portal pri.example.com Stopped Secondary one-X Portal 10.0.0.11 Started Secondary DB State - Started Active' });
  h.feed({ ...secondary, source: 'snmp', collector: 'snmp', code: 'snmp.ipo.entity', category: 'VCM', severity: 'critical', alarmKey: '', entity: { kind: 'card', id: '4', name: 'Controller, Slot 2, VCM64' }, text: 'Entity failure' });
  h.advance(3 * MIN);
  h.feed({ nodeId: 'hq-primary', sourceAddress: '10.0.0.10', code: 'poll.node-unreachable', severity: 'cleared', raisesAlarm: false, alarmKey: '', text: 'answers' });
  h.feed({ nodeId: 'hq-primary', sourceAddress: '10.0.0.10', code: 'syslog.message', severity: 'info', text: 'Primary one-X Portal pri.example.com Started Primary DB State - Started Active' });
  h.advance(10 * MIN);
  const [incident] = h.resiliency.list();
  assert.equal(h.resiliency.list().length, 1, 'no service incident beside the node incident');
  assert.deepEqual(incident!.timeline.map((e) => e.kind), ['node-down', 'service-failover', 'entity-failure', 'failover', 'node-up', 'service-failback', 'failback', 'accs-stays', 'closed']);
  assert.match(incident!.timeline[1]!.text, /one-X Portal of HQ Primary: failover; one-X Portal Health › Resiliency: Primary one-X Portal Stopped/);
  assert.match(incident!.timeline[2]!.text, /Entity failure on HQ Secondary: Controller, Slot 2, VCM64/);
});

test('timings come from the configuration: failover after 30 s, failback after 60 s', () => {
  const h = resiliencyHarness({ timing: { failoverMs: 30_000, failbackMs: 60_000, flapWindowMs: 120_000, flapLosses: 2, stableMs: 10_000 } });
  h.feed({ nodeId: 'hq-primary', sourceAddress: '10.0.0.10', code: 'poll.node-unreachable', severity: 'major', raisesAlarm: true, alarmKey: '', text: 'no answer' });
  h.advance(29_000);
  assert.equal(h.resiliency.open()[0]!.failedOverAt, null);
  h.advance(1000);
  const openedAt = h.resiliency.open()[0]!.openedAt;
  assert.equal(h.resiliency.open()[0]!.failedOverAt, openedAt + 30_000);
  h.feed({ nodeId: 'hq-primary', sourceAddress: '10.0.0.10', code: 'poll.node-unreachable', severity: 'cleared', raisesAlarm: false, alarmKey: '', text: 'answers' });
  h.advance(59_000);
  assert.equal(h.resiliency.open().length, 1);
  h.advance(1000);
  assert.equal(h.resiliency.open().length, 0);
  assert.equal(h.resiliency.list()[0]!.failedBackAt, openedAt + 30_000 + 60_000);
});
