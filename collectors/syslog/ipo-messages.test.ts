import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FleetEventSchema, type EntityRef } from '../../src/events/fleet-event.js';
import { IPO_MESSAGE_RULES } from './ipo-messages.js';
import { mapSyslogToEvent } from './map.js';
import { parseSyslog } from './parse-syslog.js';

const RECEIVED = Date.UTC(2026, 10, 21, 5, 20, 0);

function eventOf(line: string) {
  const raw = Buffer.from(line);
  const parsed = parseSyslog(raw, RECEIVED);
  assert.ok(parsed.ok, `fixture should parse: ${JSON.stringify(parsed)}`);
  return FleetEventSchema.parse(mapSyslogToEvent(parsed, { sourceAddress: '192.0.2.10', receivedAt: RECEIVED, raw }));
}

interface Case {
  /** The MSG (after "<PRI>Nov 21 05:10:17 ipo-hq IPOffice: " unless `line` is given). */
  msg?: string;
  line?: string;
  pri?: number;
  code: string;
  category: string;
  severity: string;
  raisesAlarm: boolean;
  alarmKey?: string;
  entity?: EntityRef | null;
  attributes?: Record<string, unknown>;
}

// The seed texts, exactly as the seeds print them (file:line), and what each becomes.
const cases: Array<[seed: string, Case]> = [
  ['001:1145', { msg: 'WebLM Server Error: System not licensed for Select', code: 'syslog.licence.weblm-server-error', category: 'License', severity: 'major', raisesAlarm: true, attributes: { edition: 'Select' } }],
  ['001:1146', { msg: 'Attempt to use a feature for which no license is installed. License Type: Avaya Softphone', code: 'syslog.licence.feature-not-licensed', category: 'License', severity: 'minor', raisesAlarm: true, alarmKey: 'avaya softphone', attributes: { licenceType: 'Avaya Softphone' } }],
  ['001:1187', { msg: 'Attempt to use a feature for which no license is installed. License Types: CTI Link Pro', code: 'syslog.licence.feature-not-licensed', category: 'License', severity: 'minor', raisesAlarm: true, alarmKey: 'cti link pro' }],
  ['001:287', { msg: 'Attempt to use a feature for which no license is installed" License Type:DevLink3 External Recorder', code: 'syslog.licence.feature-not-licensed', category: 'License', severity: 'info', raisesAlarm: false, attributes: { knownIssue: 'IPOFFICE-111042' } }],
  ['001:1148', { msg: 'Failed to load HOLD Music source file Source Name: Primary', code: 'syslog.hold-music.load-failed', category: 'Generic', severity: 'minor', raisesAlarm: true, alarmKey: 'primary', attributes: { musicSource: 'Primary' } }],
  ['001:1169', { msg: 'Failed to load Hold Music source file Source Name: Primary', code: 'syslog.hold-music.load-failed', category: 'Generic', severity: 'minor', raisesAlarm: true, alarmKey: 'primary' }],
  ['001:1149', { msg: 'There are insufficient licenses for this configuration. License Type: Avaya Softphone', code: 'syslog.licence.insufficient', category: 'License', severity: 'major', raisesAlarm: true, alarmKey: 'avaya softphone' }],
  ['001:1150', { msg: 'SIP Channel License Exceeded: There are insufficient SIP Channel licenses License Type: Maximum SIP Trunk Sessions', code: 'syslog.licence.sip-channels-exceeded', category: 'License', severity: 'major', raisesAlarm: true }],
  ['001:1152', { msg: 'License Configuration Error: There are insufficient licenses for the current configuration', code: 'syslog.licence.configuration-error', category: 'License', severity: 'major', raisesAlarm: true }],
  ['001:294', { msg: 'System ID has changed', code: 'syslog.licence.system-id-changed', category: 'License', severity: 'warning', raisesAlarm: true, attributes: { knownIssue: 'IPOFFICE-111618' } }],
  ['001:295', { msg: 'WebLM Error Mode', code: 'syslog.licence.weblm-error-mode', category: 'License', severity: 'major', raisesAlarm: true }],
  ['001:339', { msg: 'CMEExtEvt: Extn457: User is not licensed for a Remote Extension: Logging Out.', code: 'syslog.licence.remote-extension-not-licensed', category: 'License', severity: 'warning', raisesAlarm: true, entity: { kind: 'extension', id: '457', name: 'Extn457' }, attributes: { extension: '457', knownIssue: 'IPOFFICE-111894' } }],
  ['001:339 as TAG', { line: '<132>Nov 21 05:10:17 ipo-hq CMEExtEvt: Extn457: User is not licensed for a Remote Extension: Logging Out.', code: 'syslog.licence.remote-extension-not-licensed', category: 'License', severity: 'warning', raisesAlarm: true, entity: { kind: 'extension', id: '457', name: 'Extn457' } }],
  ['001:307', { msg: 'Backup failed: Wait inventory pushed stage failed', code: 'syslog.backup.failed', category: 'Generic', severity: 'major', raisesAlarm: true, attributes: { failure: 'Wait inventory pushed stage failed' } }],
  ['001:482', { msg: 'Upgrade report: yum process died before completing its job', code: 'syslog.upgrade.failed', category: 'Generic', severity: 'major', raisesAlarm: true }],
  ['003:2082', { msg: 'Login failure: user=Administrator from 198.51.100.7', code: 'syslog.security.login-failed', category: 'Security', severity: 'warning', raisesAlarm: true, alarmKey: 'administrator', attributes: { account: 'Administrator' } }],
  ['003:1690', { msg: 'Failed login attempt for account jsmith', code: 'syslog.security.login-failed', category: 'Security', severity: 'warning', raisesAlarm: true, alarmKey: 'jsmith' }],
  ['sshd', { line: '<38>Nov 21 05:10:17 ipo-hq sshd[811]: Failed password for invalid user admin from 203.0.113.9 port 52144 ssh2', code: 'syslog.security.login-failed', category: 'Security', severity: 'warning', raisesAlarm: true, alarmKey: 'admin', attributes: { account: 'admin', fromAddress: '203.0.113.9' } }],
  ['sshd', { line: '<38>Nov 21 05:10:17 ipo-hq sshd[811]: Accepted publickey for root from 203.0.113.9 port 52144 ssh2', code: 'syslog.audit.login', category: 'Security', severity: 'info', raisesAlarm: false, attributes: { account: 'root' } }],
  ['003:2080', { msg: 'Warning: administrative passwords are set to default', code: 'syslog.security.default-password', category: 'Security', severity: 'warning', raisesAlarm: true }],
  ['003:2083', { msg: 'Audit: Login Administrator from 10.0.0.5 succeeded', code: 'syslog.audit.login', category: 'Security', severity: 'info', raisesAlarm: false }],
  ['003:1197', { msg: 'Configuration Changed: Users, Hunt Group', code: 'syslog.audit.config-changed', category: 'Generic', severity: 'info', raisesAlarm: false, attributes: { changed: 'Users, Hunt Group' } }],
  ['003:1200', { msg: 'Configuration Erased', code: 'syslog.audit.config-erased', category: 'Generic', severity: 'info', raisesAlarm: false }],
  ['003:1202', { msg: 'Audit: Configuration merged by Administrator', code: 'syslog.audit.config-merged', category: 'Generic', severity: 'info', raisesAlarm: false }],
  ['003:1202 err PRI', { msg: 'Configuration merged', pri: 131, code: 'syslog.audit.config-merged', category: 'Generic', severity: 'info', raisesAlarm: false }],
  ['003:1204', { msg: 'Audit: Reboot', code: 'syslog.audit.reboot', category: 'Generic', severity: 'info', raisesAlarm: false }],
  ['003:1206', { msg: 'Audit Trail: Upgrade', code: 'syslog.audit.upgrade', category: 'Generic', severity: 'info', raisesAlarm: false }],
  ['003:1208', { line: '<134>Nov 21 05:10:17 ipo-hq Audit: Cold Start', code: 'syslog.audit.cold-start', category: 'Generic', severity: 'info', raisesAlarm: false }],
  ['003:1210', { msg: 'Audit: Warm Start', code: 'syslog.audit.warm-start', category: 'Generic', severity: 'info', raisesAlarm: false }],
  ['003:1212', { msg: 'Write at 23:00', code: 'syslog.audit.write-scheduled', category: 'Generic', severity: 'info', raisesAlarm: false, attributes: { writeAt: '23:00' } }],
  ['003:1214', { msg: 'Write with Immediate Reboot', code: 'syslog.audit.write-immediate-reboot', category: 'Generic', severity: 'info', raisesAlarm: false }],
  ['003:1215', { msg: 'Write with Reboot When Free', code: 'syslog.audit.write-reboot-when-free', category: 'Generic', severity: 'info', raisesAlarm: false }],
  ['001:401', { msg: '09:16:46      54896mS PRN: + loader: 1.33', code: 'syslog.sysmon', category: 'Generic', severity: 'info', raisesAlarm: false, attributes: { sysmonChannel: 'PRN' } }],
  ['sysmon', { msg: 'CMLineEvt: Line 5: SIP trunk registration failed', code: 'syslog.sysmon', category: 'Generic', severity: 'info', raisesAlarm: false, entity: { kind: 'trunk', id: '5', name: 'Line 5' } }],
  ['not audit', { msg: 'Reboot scheduled by the phone at 02:00', code: 'syslog.message', category: 'Generic', severity: 'warning', raisesAlarm: false }],
  ['unknown', { msg: 'call 1234 ended normally', code: 'syslog.message', category: 'Generic', severity: 'warning', raisesAlarm: false }],
];

for (const [seed, c] of cases) {
  test(`IP Office text (${seed}) "${(c.msg ?? c.line)!.slice(0, 60)}" → ${c.code}`, () => {
    const event = eventOf(c.line ?? `<${c.pri ?? 132}>Nov 21 05:10:17 ipo-hq IPOffice: ${c.msg}`);
    assert.equal(event.code, c.code);
    assert.equal(event.category, c.category);
    assert.equal(event.severity, c.severity);
    assert.equal(event.raisesAlarm, c.raisesAlarm);
    if (c.alarmKey !== undefined) assert.equal(event.alarmKey, c.alarmKey);
    if (!c.raisesAlarm) assert.equal(event.alarmKey, undefined, 'messages have no alarm key');
    if (c.entity !== undefined) assert.deepEqual(event.entity, c.entity);
    for (const [key, value] of Object.entries(c.attributes ?? {})) assert.equal(event.attributes[key], value, `attribute ${key}`);
    assert.ok(event.raw.data.includes((c.msg ?? c.line)!.slice(0, 20)), 'the raw line is kept');
  });
}

test('a known text inside the "Alarm:" convention keeps its precise code, so the Cleared line clears the bare text’s alarm', () => {
  const bare = eventOf('<132>Nov 21 05:10:17 ipo-hq IPOffice: Failed to load HOLD Music source file Source Name: Primary');
  const raised = eventOf('<131>Nov 21 05:10:17 ipo-hq IPOffice: Alarm: Service: Failed to load HOLD Music source file Source Name: Primary');
  const cleared = eventOf('<133>Nov 21 05:20:17 ipo-hq IPOffice: Alarm Cleared: Service: Failed to load HOLD Music source file Source Name: Primary');
  for (const event of [raised, cleared]) {
    assert.equal(event.code, bare.code);
    assert.equal(event.alarmKey, bare.alarmKey);
    assert.equal(event.attributes['alarmGroup'], 'service');
  }
  assert.equal(raised.severity, 'major', 'err PRI is worse than the rule’s minor');
  assert.equal(cleared.severity, 'cleared');
});

test('a PRI worse than a rule’s severity wins for problems', () => {
  assert.equal(eventOf('<130>Nov 21 05:10:17 ipo-hq IPOffice: System ID has changed').severity, 'critical');
});

test('every rule has a code, a seed and a pattern that does not match the empty line', () => {
  for (const rule of IPO_MESSAGE_RULES) {
    assert.match(rule.code, /^[a-z]+(?:[.-][a-z0-9]+)*$/, rule.code);
    assert.ok(rule.seed.length > 0);
    assert.equal(rule.pattern.test(''), false, `${rule.code} matches an empty line`);
    if (!rule.raisesAlarm) assert.equal(rule.keyGroups, undefined, `${rule.code}: messages raise nothing, so need no key`);
  }
});

test('rules stay fast on long hostile lines (matching looks at the first 1024 characters)', () => {
  const line = `<132>Nov 21 05:10:17 ipo-hq IPOffice: ${'login user=a '.repeat(600)}`;
  // CPU time, not the wall clock: a busy machine can pause this process, but not make the matching do more work.
  const before = process.cpuUsage();
  for (let i = 0; i < 50; i++) eventOf(line);
  const { user, system } = process.cpuUsage(before);
  assert.ok(user + system < 2_000_000, `${Math.round((user + system) / 1000)} ms of CPU for 50 lines`);
});
