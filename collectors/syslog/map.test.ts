import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FleetEventSchema } from '../../src/events/fleet-event.js';
import { mapSyslogToEvent } from './map.js';
import { parseSyslog } from './parse-syslog.js';

const RECEIVED = Date.UTC(2026, 10, 21, 4, 20, 0);

/** Parses then maps, the way the collector does, and checks the result against the event schema. */
function eventOf(line: string | Uint8Array) {
  const raw = typeof line === 'string' ? new TextEncoder().encode(line) : line;
  const parsed = parseSyslog(raw, RECEIVED);
  assert.ok(parsed.ok, `fixture should parse: ${JSON.stringify(parsed)}`);
  return FleetEventSchema.parse(mapSyslogToEvent(parsed, { sourceAddress: '192.0.2.10', receivedAt: RECEIVED, raw }));
}

test('mapSyslogToEvent turns an IP Office alarm line into a full event', () => {
  const line = '<132>Nov 21 04:19:13 vm IPOffice: Alarm: Service: Jitter threshold exceeded ext 201';
  assert.deepEqual(eventOf(line), {
    receivedAt: RECEIVED,
    occurredAt: Date.UTC(2026, 10, 21, 4, 19, 13),
    source: 'syslog',
    collector: 'syslog',
    sourceAddress: '192.0.2.10',
    hostname: 'vm',
    nodeId: null,
    entity: { kind: 'extension', id: '201', name: 'ext 201' },
    category: 'Generic',
    severity: 'warning',
    raisesAlarm: true,
    code: 'syslog.alarm.service',
    alarmKey: 'jitter threshold exceeded ext 201',
    text: 'Jitter threshold exceeded ext 201',
    attributes: { facility: 16, syslogSeverity: 4, appName: 'IPOffice', procId: null, hostname: 'vm', format: 'rfc3164', flags: '', listener: 'udp', alarmGroup: 'service' },
    raw: { encoding: 'utf8', data: line },
  });
});

const categories: Array<[group: string, category: string, code: string]> = [
  ['Configuration', 'Generic', 'syslog.alarm.configuration'],
  ['Service', 'Generic', 'syslog.alarm.service'],
  ['Link', 'Generic', 'syslog.alarm.link'],
  ['Trunk', 'Trunk lines', 'syslog.alarm.trunk'],
  ['License', 'License', 'syslog.alarm.license'],
  ['Licence', 'License', 'syslog.alarm.license'],
  ['Application', 'Applications', 'syslog.alarm.application'],
  ['Applications', 'Applications', 'syslog.alarm.application'],
  ['QoS', 'QoS', 'syslog.alarm.qos'],
  ['Security', 'Security', 'syslog.alarm.security'],
  ['Expansion', 'Expansion modules', 'syslog.alarm.expansion'],
  ['VCM', 'VCM', 'syslog.alarm.vcm'],
  ['Voicemail', 'Embedded Voicemail Card', 'syslog.alarm.voicemail'],
  ['Resiliency', 'Resiliency', 'syslog.alarm.resiliency'],
  ['Power Supply', 'Generic', 'syslog.alarm.power-supply'],
  ['constructor', 'Generic', 'syslog.alarm.constructor'],
];

for (const [group, category, code] of categories) {
  test(`mapSyslogToEvent maps alarm group '${group}' to category '${category}'`, () => {
    const event = eventOf(`<131>Nov 21 04:19:13 vm IPOffice: Alarm: ${group}: something failed`);
    assert.equal(event.category, category);
    assert.equal(event.code, code);
  });
}

test('mapSyslogToEvent: an alarm line without a group is a generic alarm', () => {
  const event = eventOf('<131>Nov 21 04:19:13 vm IPOffice: Alarm: Trunk Slot B, T1 PRI 2 red alarm');
  assert.equal(event.code, 'syslog.alarm.generic');
  assert.equal(event.category, 'Generic');
  assert.equal(event.alarmKey, 'trunk slot b, t1 pri 2 red alarm');
});

const severities: Array<[pri: number, raised: string, plain: string]> = [
  [128, 'critical', 'critical'], // local0.emerg
  [129, 'critical', 'critical'], // alert
  [130, 'critical', 'critical'], // crit
  [131, 'major', 'major'], // err
  [132, 'warning', 'warning'], // warning
  [133, 'warning', 'info'], // notice: an "Alarm:" line is at least a warning
  [134, 'warning', 'info'], // info
  [135, 'warning', 'info'], // debug
];

for (const [pri, raised, plain] of severities) {
  test(`mapSyslogToEvent: PRI severity ${pri & 7} gives '${raised}' for an alarm and '${plain}' for a message`, () => {
    const alarm = eventOf(`<${pri}>Nov 21 04:19:13 vm IPOffice: Alarm: Trunk: red alarm`);
    assert.equal(alarm.severity, raised);
    assert.equal(alarm.raisesAlarm, true);
    const message = eventOf(`<${pri}>Nov 21 04:19:13 vm IPOffice: call 1234 ended`);
    assert.equal(message.severity, plain);
    assert.equal(message.code, 'syslog.message');
    assert.equal(message.category, 'Generic');
    assert.equal(message.alarmKey, undefined);
    assert.equal(message.raisesAlarm, false, 'a plain line is stored and searchable but raises no alarm');
  });
}

test('mapSyslogToEvent: both clear forms are cleared and share code and alarmKey with the raise', () => {
  const raise = eventOf('<131>Nov 21 04:19:13 vm IPOffice: Alarm: Trunk: Trunk Slot B,  T1 PRI 2 red alarm');
  const clears = [
    eventOf('<133>Nov 21 04:29:13 vm IPOffice: Alarm Cleared: Trunk: Trunk Slot B, T1 PRI 2 red alarm'),
    eventOf('<131>Nov 21 04:29:13 vm IPOffice: Alarm: Trunk: Cleared: trunk slot b, t1 pri 2 red alarm '),
    eventOf('<133>Nov 21 04:29:13 vm IPOffice: ALARM CLEARED:  trunk :  Trunk Slot B, T1 PRI 2 red alarm'),
  ];
  assert.equal(raise.severity, 'major');
  assert.equal(raise.alarmKey, 'trunk slot b, t1 pri 2 red alarm');
  for (const clear of clears) {
    assert.equal(clear.severity, 'cleared');
    assert.equal(clear.code, raise.code);
    assert.equal(clear.category, raise.category);
    assert.equal(clear.alarmKey, raise.alarmKey);
  }
});

test('mapSyslogToEvent: "Alarm:" straight after the timestamp (no hostname, no tag) is still an alarm', () => {
  const event = eventOf('<131>Nov 21 04:19:13 Alarm: Trunk: red alarm');
  assert.equal(event.code, 'syslog.alarm.trunk');
  assert.equal(event.alarmKey, 'red alarm');
  assert.equal(event.text, 'red alarm');
});

test('mapSyslogToEvent: auth and authpriv messages are Security', () => {
  assert.equal(eventOf('<35>Nov 21 04:19:13 vm sshd[1]: Failed password for root').category, 'Security'); // auth.err
  assert.equal(eventOf('<86>Nov 21 04:19:13 vm sshd[1]: session opened').category, 'Security'); // authpriv.info
  assert.equal(eventOf('<14>Nov 21 04:19:13 vm app: hello').category, 'Generic'); // user.info
});

test('mapSyslogToEvent keeps non-UTF-8 input as base64 raw', () => {
  const raw = Uint8Array.from([...new TextEncoder().encode('<131>Nov 21 04:19:13 vm IPOffice: Alarm: Service: Caf'), 0xe9]);
  const event = eventOf(raw);
  assert.deepEqual(event.raw, { encoding: 'base64', data: Buffer.from(raw).toString('base64') });
  assert.equal(event.text, 'Café');
  assert.equal(event.attributes['flags'], 'invalid-utf8');
});

test('mapSyslogToEvent leaves occurredAt out when the sender gave no usable timestamp', () => {
  const event = eventOf('<131>IPOffice: Alarm: Link: LDAP server unreachable');
  assert.equal(event.occurredAt, undefined);
  assert.equal(event.hostname, undefined);
  assert.equal(event.attributes['hostname'], null);
  assert.equal(event.attributes['flags'], 'no-timestamp');
  assert.equal(event.code, 'syslog.alarm.link');
});
