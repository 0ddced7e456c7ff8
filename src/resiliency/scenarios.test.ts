import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdAtFlush } from '../../notifiers/flush-holds.js';
import { resiliencyHarness } from '../../test/fakes/resiliency-harness.js';

const MIN = 60_000;
const down = { source: 'snmp', collector: 'snmp', code: 'poll.node-unreachable', category: 'Generic', severity: 'major', raisesAlarm: true, alarmKey: '', text: 'HQ Primary does not answer SNMP polls', nodeId: 'hq-primary', sourceAddress: '10.0.0.10' } as const;
const up = { ...down, severity: 'cleared', raisesAlarm: false, text: 'HQ Primary answers again' } as const;
const place = { customerId: 'acme', siteId: 'hq', timeZone: 'Europe/London' } as never;

function primaryDown() {
  const h = resiliencyHarness();
  h.feed(down);
  // The storm: 200 phones re-registering on the Secondary, the Expansion's line and the licence link.
  for (let ext = 200; ext < 400; ext++) {
    h.feed({ nodeId: 'hq-secondary', sourceAddress: '10.0.0.11', source: 'snmp', collector: 'snmp', code: 'snmp.ipo.phone-change.change', category: 'Phone change', severity: 'minor', alarmKey: String(ext), text: `Extension ${ext} registered as guest` });
  }
  h.feed({ nodeId: 'branch-exp', sourceAddress: '10.0.1.10', source: 'snmp', collector: 'snmp', code: 'snmp.ipo.link', entity: { kind: 'link', id: 'HQ Primary' }, category: 'Generic', severity: 'major', alarmKey: '', text: 'Link failure HQ Primary' });
  h.feed({ nodeId: 'hq-secondary', sourceAddress: '10.0.0.11', source: 'snmp', collector: 'snmp', code: 'snmp.ipo.lks', category: 'License', severity: 'major', alarmKey: '', text: 'LKS comms failure' });
  return h;
}

test('a Primary with 200 phones goes down: one incident, no symptom notifications, the right backups named', () => {
  const h = primaryDown();
  const incidents = h.resiliency.list();
  assert.equal(incidents.length, 1);
  const [incident] = incidents;
  assert.equal(incident!.nodeId, 'hq-primary');
  assert.deepEqual(incident!.takeovers.map((t) => `${t.service}>${t.by}`), ['phones>hq-secondary', 'huntGroups>hq-secondary', 'voicemail>hq-secondary', 'oneXPortal>hq-secondary', 'accs>hq-secondary']);
  assert.deepEqual(incident!.dependents.sort(), ['branch-exp', 'hq-secondary']);

  const pending = h.store.listNotifications({ status: 'pending', limit: 1000 });
  const alarms = h.store.listAlarms({ limit: 1000 } as never);
  const incidentAlarm = alarms.find((a) => a.code === 'resiliency.incident')!;
  assert.match(incidentAlarm.text, /HQ Primary is down\. Taken over: phones, hunt groups, Voicemail Pro, one-X Portal, ACCS -> HQ Secondary\. Degraded: calls anchored on HQ Primary/);
  assert.equal(incidentAlarm.severity, 'critical');
  assert.equal(incidentAlarm.category, 'Resiliency');
  // Only the root cause is pending: the unreachable alarm, recorded before the incident opened, is folded into it at once.
  assert.deepEqual(pending.map((n) => alarms.find((a) => a.id === n.alarmId)!.code), ['resiliency.incident']);
  const unreachable = alarms.find((a) => a.code === 'poll.node-unreachable')!;
  assert.match(h.store.listNotifications({ alarmId: unreachable.id, limit: 10 })[0]!.reason, /folded into the resiliency incident it opens or joins: HQ Primary is down/);
  const sources = { alarms: h.store, inhibitRules: h.ctx.inhibitRules, silences: () => [], maintenanceWindows: () => [], resiliency: h.resiliency.holds() };
  assert.match(holdAtFlush(unreachable, place, h.clock.now(), sources)!.reason, /symptom of resiliency incident/);
  assert.equal(holdAtFlush(incidentAlarm, place, h.clock.now(), sources), null);
  const held = h.store.listNotifications({ status: 'held', limit: 1000 });
  // 1 unreachable + 200 phones + the Expansion's line + the licence link: 203 alarms raised, 203 held, 1 to send.
  assert.equal(alarms.length, 204);
  assert.equal(held.length, 203);

  h.advance(2 * MIN + 59_000);
  assert.equal(h.resiliency.list()[0]!.failedOverAt, null, 'no failover before 3 minutes');
  h.advance(1000);
  assert.equal(h.resiliency.list()[0]!.failedOverAt, incident!.openedAt + 3 * MIN);
  assert.ok(h.emitted.some((e) => e.code === 'resiliency.failover' && /phones, hunt groups.*-> HQ Secondary/.test(e.text)));
});

test('failback once the Primary has been up 10 minutes closes the incident with its durations and timeline; ACCS stays on the Secondary', () => {
  const h = primaryDown();
  h.advance(20 * MIN);
  h.feed(up);
  h.advance(9 * MIN);
  assert.equal(h.resiliency.open().length, 1, 'still open before 10 minutes up');
  h.advance(1 * MIN);
  const [incident] = h.resiliency.list();
  assert.equal(h.resiliency.open().length, 0);
  assert.deepEqual(incident!.timeline.map((e) => e.kind), ['node-down', 'link-down', 'failover', 'node-up', 'failback', 'accs-stays', 'closed']);
  assert.equal(incident!.downMs, 20 * MIN);
  const alarms = h.store.listAlarms({ limit: 1000 } as never);
  const incidentAlarm = alarms.find((a) => a.code === 'resiliency.incident')!;
  assert.equal(incidentAlarm.state, 'cleared');
  const closing = h.emitted.find((e) => e.code === 'resiliency.incident' && e.severity === 'cleared')!;
  assert.equal(closing.attributes['downSeconds'], 1200);
  assert.equal(closing.attributes['openSeconds'], 1800);
  assert.match(String(closing.attributes['timeline']), /failover: .*\n.*node-up/);
  const accs = alarms.find((a) => a.code === 'resiliency.accs-on-secondary')!;
  assert.equal(accs.nodeId, 'hq-secondary');
  assert.equal(accs.state, 'active');
  assert.match(accs.text, /IPOFFICE-81237/);
  // After the incident, the Secondary's alarms are notified again.
  h.feed({ nodeId: 'hq-secondary', sourceAddress: '10.0.0.11', code: 'snmp.ipo.lks', category: 'License', severity: 'major', alarmKey: 'later', text: 'LKS comms failure' });
  assert.equal(h.resiliency.holds().holdOf({ id: 1, nodeId: 'hq-secondary', code: 'snmp.ipo.lks', category: 'License' }), null);
});

test('a short reboot (back within 3 minutes) has no failover and closes after 5 stable minutes', () => {
  const h = resiliencyHarness();
  h.feed(down);
  h.advance(2 * MIN);
  h.feed({ ...down, code: 'snmp.ipo.restart', severity: 'major', text: 'cold start' });
  h.advance(5 * MIN);
  const [incident] = h.resiliency.list();
  assert.equal(incident!.failedOverAt, null);
  assert.notEqual(incident!.closedAt, null);
  assert.deepEqual(incident!.timeline.map((e) => e.kind), ['node-down', 'restart', 'node-up', 'closed']);
});

test('a line flapping within 5 minutes raises one flap alarm, not a stream of incidents', () => {
  const h = resiliencyHarness();
  const link = { nodeId: 'branch-exp', sourceAddress: '10.0.1.10', source: 'snmp', collector: 'snmp', code: 'snmp.ipo.link', entity: { kind: 'link', id: 'HQ Primary' }, category: 'Generic', alarmKey: '', text: 'Link HQ Primary' } as const;
  for (let i = 0; i < 4; i++) {
    h.feed({ ...link, severity: 'major' });
    h.advance(30_000);
    h.feed({ ...link, severity: 'cleared', raisesAlarm: false });
    h.advance(30_000);
  }
  assert.equal(h.resiliency.list().length, 1);
  const alarms = h.store.listAlarms({ limit: 1000 } as never);
  assert.equal(alarms.filter((a) => a.code === 'resiliency.incident').length, 1);
  assert.equal(alarms.filter((a) => a.code === 'resiliency.flapping').length, 1);
  assert.equal(h.emitted.filter((e) => e.code === 'resiliency.flapping' && e.severity !== 'cleared').length, 1);
  // The first link alarm came before the incident: folded into it, so only the incident and the flap alarm are pending.
  const pending = h.store.listNotifications({ status: 'pending', limit: 1000 }).map((n) => alarms.find((a) => a.id === n.alarmId)!);
  assert.deepEqual(pending.map((a) => a.code).sort(), ['resiliency.flapping', 'resiliency.incident']);
  const linkAlarm = alarms.find((a) => a.code === 'snmp.ipo.link')!;
  assert.match(h.resiliency.holds().holdOf(linkAlarm)!.reason, /Branch Expansion <-> HQ Primary/);
  h.advance(5 * MIN);
  assert.equal(h.resiliency.open().length, 0);
  assert.ok(h.store.listAlarms({ limit: 1000 } as never).filter((a) => a.code.startsWith('resiliency.')).every((a) => a.state === 'cleared'));
});

test('a line that failed before its node did is folded into the node incident: one incident carries on, the line alarm clears naming it', () => {
  const h = resiliencyHarness();
  const link = { nodeId: 'branch-exp', sourceAddress: '10.0.1.10', source: 'snmp', collector: 'snmp', code: 'snmp.ipo.link', entity: { kind: 'link', id: 'HQ Primary' }, category: 'Generic', alarmKey: '', text: 'Link HQ Primary' } as const;
  h.feed({ ...link, severity: 'major' });
  h.advance(10_000);
  h.feed(down);
  const open = h.resiliency.open();
  assert.equal(open.length, 1, 'one root cause, one open incident');
  const nodeIncident = open[0]!;
  assert.equal(nodeIncident.kind, 'node');
  assert.deepEqual(nodeIncident.timeline.map((e) => e.kind), ['folded', 'node-down']);
  assert.match(nodeIncident.timeline[0]!.text, /IP Office Line Branch Expansion <-> HQ Primary is down since .* \(incident res-.*, folded in\)/);
  const lineIncident = h.resiliency.list().find((i) => i.kind === 'link')!;
  assert.equal(lineIncident.foldedInto, nodeIncident.id);
  assert.deepEqual(lineIncident.timeline.map((e) => e.kind), ['link-down', 'closed']);
  assert.equal(lineIncident.downMs, 10_000, 'down from its loss until the fold');
  const incidentAlarms = h.store.listAlarms({ limit: 1000 } as never).filter((a) => a.code === 'resiliency.incident');
  const lineAlarm = incidentAlarms.find((a) => a.reductionKey.endsWith(lineIncident.id))!;
  assert.equal(lineAlarm.state, 'cleared');
  const clearing = h.store.listEvents({ limit: 20 }).find((e) => e.code === 'resiliency.incident' && e.severity === 'cleared')!;
  assert.equal(clearing.text, `Resiliency incident folded: IP Office Line Branch Expansion <-> HQ Primary is a symptom: HQ Primary is down; followed in incident ${nodeIncident.id}`);
  assert.equal(clearing.attributes['phase'], 'folded');
  assert.equal(clearing.attributes['foldedInto'], nodeIncident.id);
  assert.equal(incidentAlarms.filter((a) => a.state !== 'cleared').length, 1, 'only the node incident alarm is open');
  const linkAlarm = h.store.listAlarms({ limit: 1000 } as never).find((a) => a.code === 'snmp.ipo.link')!;
  assert.ok(h.resiliency.holds().holdOf(linkAlarm), 'the line alarm is held by the node incident');

  h.advance(MIN);
  h.feed(up);
  h.feed({ ...link, severity: 'cleared', raisesAlarm: false });
  assert.ok(h.resiliency.list().find((i) => i.id === nodeIncident.id)!.timeline.some((e) => e.kind === 'link-up'), 'the line coming back is on the node incident');
  h.advance(5 * MIN);
  assert.equal(h.resiliency.open().length, 0);
  assert.equal(h.resiliency.list().length, 2, 'the folded line incident was not opened again');
});

test('a line that is up again and settling when its node fails is not folded: it closes on its own', () => {
  const h = resiliencyHarness();
  const link = { nodeId: 'branch-exp', sourceAddress: '10.0.1.10', source: 'snmp', collector: 'snmp', code: 'snmp.ipo.link', entity: { kind: 'link', id: 'HQ Primary' }, category: 'Generic', alarmKey: '', text: 'Link HQ Primary' } as const;
  h.feed({ ...link, severity: 'major' });
  h.advance(10_000);
  h.feed({ ...link, severity: 'cleared', raisesAlarm: false });
  h.feed(down);
  const lineIncident = h.resiliency.list().find((i) => i.kind === 'link')!;
  assert.equal(lineIncident.foldedInto, undefined);
  assert.equal(h.resiliency.open().length, 2);
  h.advance(5 * MIN);
  assert.deepEqual(h.resiliency.list().find((i) => i.kind === 'link')!.timeline.map((e) => e.kind), ['link-down', 'link-up', 'closed']);
});
