import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryStore } from '../storage/memory-store.js';
import { makeQosCall } from '../storage/store-contract-qos.js';
import { makeAlarm, makeEvent, MINUTE, T0 } from '../storage/store-fixtures.js';
import { alarmLinks, NO_LINKS } from './alarm-links.js';

test('an RTCP threshold alarm links to the call record its events name', () => {
  const store = new MemoryStore();
  const alarm = store.insertAlarm(makeAlarm({ source: 'rtcp', code: 'rtcp.threshold.loss', category: 'QoS' }));
  store.insertEvent(makeEvent({ source: 'rtcp', code: 'rtcp.threshold.loss', attributes: { callId: 17, threshold: 'loss' } }), alarm.id);
  store.insertEvent(makeEvent({ source: 'rtcp', code: 'rtcp.threshold.loss', severity: 'cleared', attributes: { callId: null, threshold: 'loss' } }), alarm.id);
  assert.deepEqual(alarmLinks(store, alarm), { callId: 17, incidentId: null, symptomOf: [] });
});

test('an IP Office QoS notification alarm links to the call record it was merged into (by its call id, else extension and time)', () => {
  const store = new MemoryStore();
  const call = store.insertQosCall(makeQosCall({ nodeId: 'node-a', extension: '201', startedAt: T0, endedAt: T0 + 2 * MINUTE, lastReportAt: T0 + 2 * MINUTE }));
  const alarm = store.insertAlarm(makeAlarm({ source: 'snmp', code: 'snmp.ipo.qos', category: 'QoS' }));
  store.insertEvent(makeEvent({ source: 'snmp', code: 'snmp.ipo.qos', nodeId: 'node-a', receivedAt: T0 + 2 * MINUTE + 5000, severity: 'warning', attributes: { extension: 201, jitterMs: 80 } }), alarm.id);
  assert.equal(alarmLinks(store, alarm).callId, call.id);

  const elsewhere = store.insertAlarm(makeAlarm({ source: 'snmp', code: 'snmp.ipo.qos', reductionKey: 'other' }));
  store.insertEvent(makeEvent({ source: 'snmp', code: 'snmp.ipo.qos', nodeId: 'node-a', receivedAt: T0 + 60 * MINUTE, severity: 'warning', attributes: { extension: 201 } }), elsewhere.id);
  assert.equal(alarmLinks(store, elsewhere).callId, null, 'no call around that time');
});

test('a resiliency alarm links to its incident; a held symptom names the incidents; others have no links', () => {
  const store = new MemoryStore();
  const incident = store.insertAlarm(makeAlarm({ source: 'internal', code: 'resiliency.incident', category: 'Resiliency' }));
  store.insertEvent(makeEvent({ source: 'internal', code: 'resiliency.incident', attributes: { incidentId: 'node-a-1768478400000', kind: 'node' } }), incident.id);
  assert.deepEqual(alarmLinks(store, incident), { callId: null, incidentId: 'node-a-1768478400000', symptomOf: [] });

  const annotation = { kind: 'resiliency' as const, key: 'node-a-1768478400000', title: 'Symptom of resiliency incident node-a-1768478400000', text: '', at: T0 };
  const symptom = store.insertAlarm(makeAlarm({ reductionKey: 'symptom', annotations: [annotation] }));
  assert.deepEqual(alarmLinks(store, symptom), { callId: null, incidentId: null, symptomOf: ['node-a-1768478400000'] });
  assert.equal(alarmLinks(store, store.insertAlarm(makeAlarm({ reductionKey: 'plain' }))), NO_LINKS);
});
