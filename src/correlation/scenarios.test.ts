import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineHarness } from '../../test/fakes/engine-harness.js';
import { fleetIndexOf } from '../../test/fakes/fleet-fixture.js';
import { loadKnownIssueRules, SHIPPED_RULES_DIR } from './known-issue-rules.js';

// Scenario replays through every stage with the shipped catalogue and a fake clock.

const fleet = fleetIndexOf({
  customers: [
    {
      id: 'acme',
      name: 'Acme Dental',
      sites: [
        {
          id: 'hq',
          name: 'HQ',
          timeZone: 'Europe/London',
          nodes: [
            { id: 'hq-primary', name: 'HQ Primary', role: 'primary', platform: 'linux-server', version: '10.0.0.0 build 550', licenceSource: 'weblm', addresses: ['10.0.0.10'] },
            { id: 'hq-apps', name: 'HQ Application Server', role: 'application-server', version: '10.0.0.1', addresses: ['10.0.0.13'], hostnames: ['appsrv-hq'] },
          ],
        },
      ],
    },
    {
      id: 'borealis',
      name: 'Borealis Logistics',
      sites: [{ id: 'depot', name: 'Depot', timeZone: 'Europe/Oslo', nodes: [{ id: 'depot-ipo', name: 'Depot IP500 V2', role: 'ip500v2', version: '9.1.4', addresses: ['192.0.2.20'] }] }],
    },
  ],
});

const rules = loadKnownIssueRules(SHIPPED_RULES_DIR);
const MINUTE = 60_000;

function harness() {
  return engineHarness({ fleet, rules: () => rules.matcher });
}

const licenceAlarm = (text: string, sourceAddress: string) => ({
  sourceAddress,
  text,
  alarmKey: text.toLowerCase(),
  code: 'syslog.alarm.license',
  category: 'License' as const,
  severity: 'major' as const,
});

test('IPOFFICE-111618: "System ID has changed" is benign on a WebLM node, a real alarm on a nodal one', () => {
  const { feed, store } = harness();
  const weblm = feed(licenceAlarm('System ID has changed', '10.0.0.10'));
  const nodal = feed(licenceAlarm('System ID has changed', '192.0.2.20'));

  assert.equal(weblm.alarm?.nodeId, 'hq-primary');
  assert.deepEqual(weblm.alarm?.annotations.map((a) => [a.vendorId, a.effect]), [['IPOFFICE-111618', 'benign']]);
  assert.deepEqual(store.listNotifications({ alarmId: weblm.alarm!.id, limit: 5 }).map((n) => [n.kind, n.status]), [['raised', 'held']]);
  assert.match(store.listNotifications({ alarmId: weblm.alarm!.id, limit: 1 })[0]!.reason, /^benign known issue IPOFFICE-111618: /);

  assert.equal(nodal.alarm?.nodeId, 'depot-ipo');
  assert.deepEqual(nodal.alarm?.annotations, []);
  assert.deepEqual(store.listNotifications({ alarmId: nodal.alarm!.id, limit: 5 }).map((n) => n.status), ['pending']);
});

test('IPOFFICE-111042: the DevLink3 External Recorder licence alarm is benign; another licence type is not', () => {
  const { feed } = harness();
  const devlink = feed(licenceAlarm('Attempt to use a feature for which no license is installed. License Type: DevLink3 External Recorder', '192.0.2.20'));
  const other = feed(licenceAlarm('Attempt to use a feature for which no license is installed. License Type: Receptionist', '192.0.2.20'));
  assert.deepEqual(devlink.decision.notifications.map((n) => n.status), ['held']);
  assert.equal(devlink.alarm?.annotations[0]?.vendorId, 'IPOFFICE-111042');
  assert.deepEqual(other.decision.notifications.map((n) => n.status), ['pending']);
  assert.deepEqual(other.alarm?.annotations, []);
});

test('IPOFFICE-110586: a plain "Backup failed" line raises an alarm carrying the SFTP host-key workaround', () => {
  const { feed, store, clock } = harness();
  const line = { sourceAddress: '10.0.0.10', raisesAlarm: false, severity: 'major' as const, code: 'syslog.message', alarmKey: undefined, category: 'Generic' as const, text: 'Backup failed: Wait inventory pushed stage failed' };
  const first = feed(line);
  clock.advance(MINUTE);
  const second = feed(line);
  assert.equal(second.alarm?.id, first.alarm?.id);
  const alarm = store.getAlarm(first.alarm!.id)!;
  assert.equal(alarm.code, 'known-issue.backup-failed-sftp');
  assert.equal(alarm.severity, 'major');
  assert.equal(alarm.occurrences, 2);
  assert.match(alarm.annotations[0]!.text, /host key/i);
  assert.deepEqual(store.alarmTransitions(alarm.id).map((t) => t.kind), ['raised']);
  assert.equal(first.event.attributes['derivedFrom'], 'syslog.message');
});

test('IPOFFICE-111894: the remote-worker licence logout raises on 10.0 GA (before SP1), and not on 9.1', () => {
  const { feed } = harness();
  const line = { raisesAlarm: false, severity: 'warning' as const, code: 'syslog.message', alarmKey: undefined, category: 'Generic' as const, text: 'CMEExtEvt: Extn457: User is not licensed for a Remote Extension: Logging Out.' };
  const affected = feed({ ...line, sourceAddress: '10.0.0.10' });
  assert.equal(affected.alarm?.code, 'known-issue.remote-worker-licence-logout');
  assert.equal(affected.alarm?.category, 'License');
  assert.equal(affected.alarm?.annotations[0]?.vendorId, 'IPOFFICE-111894');
  const older = feed({ ...line, sourceAddress: '192.0.2.20' });
  assert.equal(older.alarm, null, 'a 9.1 node is not in the affected releases');
});

test('IPOFFICE-110375: syslog looping over 127.0.0.1 on an Application Server is annotated; the same from elsewhere is not', () => {
  const { feed } = harness();
  const looped = feed({ sourceAddress: '127.0.0.1', hostname: 'appsrv-hq', text: 'Alarm: Service: one-X Portal restarted', code: 'syslog.alarm.service', alarmKey: 'one-x portal restarted', category: 'Generic' });
  assert.equal(looped.alarm?.nodeId, 'hq-apps', 'resolved by host name');
  assert.equal(looped.alarm?.annotations[0]?.vendorId, 'IPOFFICE-110375');
  const direct = feed({ sourceAddress: '10.0.0.13', text: 'Alarm: Service: one-X Portal restarted', code: 'syslog.alarm.service', alarmKey: 'one-x portal restarted', category: 'Generic' });
  assert.equal(direct.alarm?.id, looped.alarm?.id, 'same node, same problem: one alarm');
  assert.ok(!direct.decision.matches.some((m) => m.vendorId === 'IPOFFICE-110375'), 'not looped over loopback');
});

test('a trunk failure storm on one node: one alarm, counted, cleared once, reopened as a new incident later', () => {
  const { feed, store, clock } = harness();
  const trunk = { sourceAddress: '192.0.2.20', code: 'syslog.alarm.trunk', category: 'Trunk lines' as const, alarmKey: 'slot b pri 2 red alarm', text: 'Slot B PRI 2 red alarm' };
  for (let i = 0; i < 50; i += 1) {
    feed({ ...trunk, severity: i % 10 === 9 ? 'critical' : 'major' });
    clock.advance(1000);
  }
  const [alarm] = store.listAlarms({ open: true, limit: 10 });
  assert.equal(alarm?.occurrences, 50);
  assert.equal(alarm?.highestSeverity, 'critical');
  feed({ ...trunk, severity: 'cleared' });
  clock.advance(2 * 60 * MINUTE);
  feed({ ...trunk, severity: 'major' });
  const kinds = store.alarmTransitions(alarm!.id).map((t) => t.kind);
  assert.equal(kinds[0], 'raised');
  assert.deepEqual(kinds.slice(-2), ['cleared', 'reopened']);
  assert.equal(kinds.filter((k) => k === 'severity-changed').length, 9, 'major -> critical -> major on every tenth event');
  assert.equal(store.listNotifications({ alarmId: alarm!.id, status: 'held', limit: 100 }).length, 0);
});
