import assert from 'node:assert/strict';
import { test } from 'node:test';
import { webDeps } from '../../test/fakes/web-harness.js';
import { acknowledgeAlarm } from '../correlation/acknowledge.js';
import { alarmDetailData } from './alarm-detail-data.js';
import { renderAlarmPageBody, type AlarmPageInput } from './alarm-page.js';

function detail(): AlarmPageInput {
  const { deps, feed, store, clock } = webDeps();
  const { alarm } = feed({ severity: 'major', text: 'Trunk <b>Slot</b> A red alarm' });
  clock.advance(60_000);
  acknowledgeAlarm(store, { alarmId: alarm!.id, user: 'noc-anna', note: 'called the carrier', at: clock.now() });
  const notification = store.insertNotification({ alarmId: alarm!.id, transitionId: null, at: clock.now(), kind: 'raised', severity: 'major', category: 'Trunk lines', nodeId: 'hq-primary', status: 'held', reason: 'known issue IPOFFICE-111618 is benign', attempts: 0, updatedAt: clock.now() });
  const data = alarmDetailData(deps, alarm!.id)!;
  data.alarm.annotations = [{ kind: 'known-issue', key: 'r', title: 'System id changes after a WebLM host move', text: 'Re-host the licence file against the new system id.', at: null, vendorId: 'IPOFFICE-111618', references: ['001:294'], effect: 'benign' }];
  assert.equal(data.notifications[0]!.id, notification.id);
  return { ...data, canAct: true, askName: true, notice: null };
}

test('shows the facts, the known-issue workaround, the history with who and why, and the held notification with its reason', () => {
  const html = renderAlarmPageBody(detail());
  assert.match(html, /Trunk &lt;b&gt;Slot&lt;\/b&gt; A red alarm/);
  assert.match(html, /<a href="\/nodes\/hq-primary">HQ Primary<\/a>/);
  assert.match(html, /Known issue IPOFFICE-111618: System id changes after a WebLM host move/);
  assert.match(html, /Re-host the licence file against the new system id\./);
  assert.match(html, /References: 001:294/);
  assert.match(html, /<tr data-kind="raised">/);
  assert.match(html, /<tr data-kind="acknowledged">.*noc-anna.*called the carrier/);
  assert.match(html, /<span class="tag warn">held<\/span><\/td><td>known issue IPOFFICE-111618 is benign/);
  assert.match(html, /1 event, newest first/);
});

test('the form: unacknowledge for an acknowledged alarm, a name field with authentication off, nothing for a viewer', () => {
  const input = detail();
  const operator = renderAlarmPageBody(input);
  assert.match(operator, /<form class="ack" method="post" action="\/alarms\/\d+\/unacknowledge">/);
  assert.match(operator, /name="user" required/);
  assert.match(operator, /name="note"/);
  const signedIn = renderAlarmPageBody({ ...input, askName: false });
  assert.doesNotMatch(signedIn, /name="user"/, 'signed in, the principal is the user');
  const viewer = renderAlarmPageBody({ ...input, canAct: false });
  assert.doesNotMatch(viewer, /<form/);
  assert.match(viewer, /may view alarms but not acknowledge them/);
  assert.match(renderAlarmPageBody({ ...input, notice: { kind: 'error', text: '<x> refused' } }), /<p class="error" role="status">&lt;x&gt; refused<\/p>/);
});

test('deep links: the call of a QoS alarm, the incident of a resiliency alarm, and the incident a held symptom belongs to', () => {
  const input = detail();
  assert.deepEqual(input.links, { callId: null, incidentId: null, symptomOf: [] }, 'a syslog alarm links nowhere');
  assert.doesNotMatch(renderAlarmPageBody(input), /data-link=/);
  const html = renderAlarmPageBody({ ...input, links: { callId: 17, incidentId: 'hq-primary-1', symptomOf: ['dc <1>'] } });
  assert.match(html, /<dt>Call<\/dt><dd><a href="\/calls\/17" data-link="call">call 17<\/a>/);
  assert.match(html, /<dt>Incident<\/dt><dd><span data-link="incident"><a href="\/resiliency\/hq-primary-1">incident hq-primary-1<\/a>/);
  assert.match(html, /<p class="notice" data-link="symptom-of">Symptom of resiliency <a href="\/resiliency\/dc%20%3C1%3E">incident dc &lt;1&gt;<\/a>: its notifications are held/);
});
