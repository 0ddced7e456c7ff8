import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resilientFleet } from '../../test/fakes/resiliency-harness.js';
import type { SignalInput } from './signals.js';
import { signalOf } from './signals.js';

const fleet = resilientFleet();
const input = (overrides: Partial<SignalInput>): SignalInput => ({ nodeId: 'hq-secondary', code: 'syslog.message', severity: 'info', entity: null, text: '', ...overrides });

test('polls and SNMP Link/Trunk Failure/Operational: node and line losses and recoveries', () => {
  assert.deepEqual(signalOf(fleet, input({ nodeId: 'hq-primary', code: 'poll.node-unreachable', severity: 'major' })), { kind: 'down', nodeId: 'hq-primary', peerId: null });
  assert.deepEqual(signalOf(fleet, input({ nodeId: 'hq-primary', code: 'poll.node-unreachable', severity: 'cleared' })), { kind: 'up', nodeId: 'hq-primary', peerId: null });
  const link = input({ nodeId: 'branch-exp', code: 'snmp.ipo.link', severity: 'major', entity: { kind: 'link', id: 'hq-primary', name: 'HQ Primary' } });
  assert.deepEqual(signalOf(fleet, link), { kind: 'down', nodeId: 'branch-exp', peerId: 'hq-primary' });
  assert.deepEqual(signalOf(fleet, { ...link, severity: 'cleared' }), { kind: 'up', nodeId: 'branch-exp', peerId: 'hq-primary' });
  assert.equal(signalOf(fleet, { ...link, entity: { kind: 'link', id: 'carrier-sip' } }), null, 'a line to no fleet node is not a resiliency signal');
  assert.equal(signalOf(fleet, { ...link, code: 'snmp.ipo.link.change', severity: 'info' }), null);
});

test('syslog and SSA: a related node reported unreachable is a node loss; a Link/Trunk alarm naming a line peer is a line loss', () => {
  const lost = input({ code: 'syslog.alarm.resiliency', severity: 'major', text: 'HQ Primary unreachable' });
  assert.deepEqual(signalOf(fleet, lost), { kind: 'down', nodeId: 'hq-primary', peerId: null });
  assert.deepEqual(signalOf(fleet, { ...lost, severity: 'cleared' }), { kind: 'up', nodeId: 'hq-primary', peerId: null });
  assert.deepEqual(signalOf(fleet, input({ code: 'ssa.link.unclassified', severity: 'indeterminate', text: 'IP Office Line to 10.0.0.10 not responding' })), { kind: 'down', nodeId: 'hq-primary', peerId: null });
  assert.deepEqual(signalOf(fleet, input({ nodeId: 'branch-exp', code: 'syslog.alarm.link', severity: 'warning', text: 'IP Office Line to HQ Primary down' })), { kind: 'down', nodeId: 'branch-exp', peerId: 'hq-primary' });
  assert.deepEqual(signalOf(fleet, input({ nodeId: 'branch-exp', code: 'ssa.trunk.unclassified', severity: 'cleared', text: 'Line 17 to hq-primary failed' })), { kind: 'up', nodeId: 'branch-exp', peerId: 'hq-primary' });
  // Whole words only: 10.0.0.1 is not 10.0.0.10, and an SSA scroll-off (info) says nothing.
  assert.equal(signalOf(fleet, input({ code: 'syslog.alarm.resiliency', severity: 'major', text: '10.0.0.1 unreachable' })), null);
  assert.equal(signalOf(fleet, input({ code: 'ssa.link.unclassified', severity: 'info', text: 'HQ Primary unreachable' })), null);
  // A classified text (a licence alarm) naming the Primary's address is not the Primary lost.
  assert.equal(signalOf(fleet, input({ code: 'syslog.licence.weblm-server-error', severity: 'major', text: 'WebLM Server Error: server 10.0.0.10 unreachable' })), null);
  // A node speaking of itself is not a peer lost.
  assert.equal(signalOf(fleet, input({ code: 'syslog.alarm.resiliency', severity: 'major', text: 'HQ Secondary unreachable' })), null);
});

test('cold and warm starts from SNMP and syslog are restarts', () => {
  for (const code of ['snmp.restart', 'snmp.ipo.restart', 'syslog.audit.cold-start', 'syslog.audit.warm-start']) assert.deepEqual(signalOf(fleet, input({ nodeId: 'hq-primary', code })), { kind: 'restart', nodeId: 'hq-primary' });
});

test('Entity Failure/Operational and application failures of a backed-up Voicemail Pro or one-X Portal', () => {
  const card = input({ nodeId: 'hq-secondary', code: 'snmp.ipo.entity', severity: 'critical', entity: { kind: 'card', id: '4', name: 'Controller, Slot 2, VCM64' }, text: 'Entity failure' });
  assert.deepEqual(signalOf(fleet, card), { kind: 'entity', nodeId: 'hq-secondary', failed: true, text: 'Controller, Slot 2, VCM64' });
  assert.deepEqual(signalOf(fleet, { ...card, severity: 'cleared' }), { kind: 'entity', nodeId: 'hq-secondary', failed: false, text: 'Controller, Slot 2, VCM64' });
  const vm = input({ nodeId: 'hq-primary', code: 'snmp.ipo.app', severity: 'major', entity: { kind: 'application', id: 'voice-mail', name: 'voiceMail' }, text: 'Application failure voiceMail' });
  assert.deepEqual(signalOf(fleet, vm), { kind: 'service', nodeId: 'hq-primary', service: 'voicemail', phase: 'failover', text: 'Application failure voiceMail' });
  assert.equal(signalOf(fleet, { ...vm, severity: 'cleared' })?.kind, 'service');
  assert.equal(signalOf(fleet, { ...vm, nodeId: 'branch-exp' }), null, 'the Expansion has no voicemail backup');
});

test('one-X Portal Health › Resiliency rows (001:1907-1931): Primary stopped is a failover, Primary started and active a failback', () => {
  const failover = input({ code: 'syslog.message', text: 'Primary one-X Portal brad-se-r10-pri.avayatrial.com Stopped; Secondary one-X Portal 10.129.116.117 Started; Primary DB State - Stopped; Secondary DB State - Started Active' });
  const signal = signalOf(fleet, failover);
  assert.deepEqual(signal, {
    kind: 'service',
    nodeId: 'hq-primary',
    service: 'oneXPortal',
    phase: 'failover',
    text: 'one-X Portal Health › Resiliency: Primary one-X Portal Stopped, Secondary one-X Portal Started, Primary DB State Stopped, Secondary DB State Started Active',
  });
  const back = input({ nodeId: 'hq-primary', code: 'syslog.message', text: 'Primary one-X Portal brad-se-r10-pri.avayatrial.com\tStarted\nPrimary IP Office Connection 10.129.116.116\tFailed Passive\nPrimary DB State\t-\tStarted Active' });
  assert.equal(signalOf(fleet, back)?.kind === 'service' && (signalOf(fleet, back) as { phase: string }).phase, 'failback');
});
