import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NodeFacts } from '../src/correlation/rule-matcher.js';
import { makeEvent } from '../test/fakes/event-fixture.js';
import { loadKnownIssues, parseKnownIssues } from './load.js';
import { createRuleMatcher } from './matcher.js';

const catalogue = loadKnownIssues('rules/known-issues.yaml');
const matcher = createRuleMatcher(catalogue);

const node = (facts: Partial<NodeFacts> = {}): NodeFacts => ({ nodeId: 'n1', role: 'primary', licenceSource: 'nodal', ...facts });
const message = (text: string, extra: Parameters<typeof makeEvent>[0] = {}) =>
  makeEvent({ category: 'Generic', severity: 'info', raisesAlarm: false, code: 'syslog.message', text, ...extra });
const ids = (matches: ReturnType<typeof matcher.match>) => matches.map((match) => `${match.ruleId}: ${match.effect}`);

test('size counts every rule, inventory rules included', () => {
  assert.equal(matcher.size, catalogue.rules.length);
});

test('"System ID has changed" is benign on a WebLM node (IPOFFICE-111618), not on a nodal one', () => {
  const event = makeEvent({ source: 'ssa', collector: 'ssa', category: 'License', code: 'ssa.alarm', text: 'System ID has changed' });
  const [match] = matcher.match(event, node({ licenceSource: 'weblm', version: '10.0.0.0 build 542' }));
  assert.equal(match?.ruleId, 'ipoffice-111618-system-id-changed-weblm');
  assert.equal(match?.vendorId, 'IPOFFICE-111618');
  assert.equal(match?.effect, 'benign');
  assert.deepEqual(match?.references, ['001:294']);
  assert.deepEqual(matcher.match(event, node({ licenceSource: 'nodal' })), []);
  assert.deepEqual(matcher.match(event, null), []);
});

test('the DevLink3 External Recorder licence alarm is benign (IPOFFICE-111042); other licence types are not', () => {
  const text = 'Attempt to use a feature for which no license is installed License Type:DevLink3 External Recorder';
  assert.deepEqual(ids(matcher.match(makeEvent({ category: 'License', text }), node())), ['ipoffice-111042-devlink3-licence-alarm: benign']);
  const cti = 'Attempt to use a feature for which no license is installed. License Type: CTI Link Pro';
  assert.deepEqual(matcher.match(makeEvent({ category: 'License', text: cti }), node()), []);
});

test('"Backup failed: Wait inventory pushed stage failed" raises an alarm with the SFTP host-key workaround (IPOFFICE-110586)', () => {
  const [match, ...rest] = matcher.match(message('Backup failed: Wait inventory pushed stage failed'), node());
  assert.deepEqual(rest, []);
  assert.equal(match?.ruleId, 'ipoffice-110586-backup-sftp-host-key');
  assert.equal(match?.effect, 'raise');
  assert.deepEqual(match?.raise, { code: 'known-issue.backup-failed-sftp', severity: 'major', category: 'Generic' });
  assert.match(match?.workaround ?? '', /host key/);
});

test('the remote-worker licence logout raises on 10.0 before SP1 only (IPOFFICE-111894)', () => {
  const event = message('CMEExtEvt: Extn457: User is not licensed for a Remote Extension: Logging Out.');
  const expected = ['ipoffice-111894-remote-worker-basic-user-limit: raise'];
  assert.deepEqual(ids(matcher.match(event, node({ version: '10.0.0.0 build 542' }))), expected);
  assert.deepEqual(ids(matcher.match(event, node({ version: '10.0.0.1 build 300' }))), [], '10.0 SP1 has the fix');
  assert.deepEqual(ids(matcher.match(event, node({ version: '9.1.4' }))), [], 'before 10.0 the message means a real licence gap');
  assert.deepEqual(ids(matcher.match(event, node())), [], 'no configured version: the release cannot be shown to be affected');
  assert.deepEqual(ids(matcher.match(event, node({ version: 'unknown build' }))), [], 'an unreadable version counts as unknown');
});

test('syslog from an Application Server over loopback is annotated (IPOFFICE-110375)', () => {
  const appServer = node({ role: 'application-server', version: '10.0.0.0 build 542' });
  const looped = message('IPOffice: event', { sourceAddress: '127.0.0.1' });
  assert.deepEqual(ids(matcher.match(looped, appServer)), ['ipoffice-110375-app-server-syslog-loopback-loop: annotate']);
  assert.deepEqual(ids(matcher.match({ ...looped, sourceAddress: '10.0.0.40' }, appServer)), []);
  assert.deepEqual(ids(matcher.match(looped, node({ role: 'primary' }))), []);
});

test('matches come back in catalogue order; inventory rules never match events', () => {
  const qos = makeEvent({ source: 'rtcp', collector: 'rtcp', category: 'QoS', code: 'rtcp.qos', text: 'one-way audio' });
  assert.deepEqual(ids(matcher.match(qos, node({ role: 'ip500v2', version: '9.1.0.0 build 437' }))), [
    'ipoffice-75006-srtp-ata-one-way-speech: annotate',
    'ipoffice-80803-ip-dect-call-waiting-distortion: annotate',
    'ipoffice-80666-dect-r4-call-waiting-one-way: annotate',
  ]);
  const inventoryOnly = parseKnownIssues(ruleYaml('match: { kind: inventory }'), 'inline.yaml');
  assert.deepEqual(createRuleMatcher(inventoryOnly).match(makeEvent(), node({ version: '10.0' })), []);
});

test('conditions: code, codePrefix, severity, attributes (numbers and strings compare as text), nodeKnown, platform', () => {
  const one = (match: string, event: Parameters<typeof makeEvent>[0], facts: NodeFacts | null = node()) =>
    createRuleMatcher(parseKnownIssues(ruleYaml(match), 'inline.yaml')).match(makeEvent(event), facts).length === 1;
  assert.ok(one('match: { code: syslog.alarm.trunk }', {}));
  assert.ok(!one('match: { code: syslog.alarm }', {}));
  assert.ok(one('match: { codePrefix: syslog.alarm. }', {}));
  assert.ok(one('match: { severity: [minor, major] }', {}));
  assert.ok(!one('match: { severity: cleared }', {}));
  assert.ok(one('match: { attributes: { port: 411, secure: true } }', { attributes: { port: '411', secure: true } }));
  assert.ok(!one('match: { attributes: { port: 411 } }', { attributes: { port: 5061 } }));
  assert.ok(!one('match: { attributes: { port: 411 } }', { attributes: {} }));
  assert.ok(one('match: { attributes: { hostname: null } }', { attributes: { hostname: null } }));
  assert.ok(one('match: { source: syslog, nodeKnown: false }', {}, null));
  assert.ok(!one('match: { source: syslog, nodeKnown: false }', {}));
  assert.ok(one('match: { source: syslog, platform: [virtual] }', {}, node({ platform: 'virtual' })));
  assert.ok(!one('match: { source: syslog, platform: [virtual] }', {}, node()), 'a platform the node does not declare does not hold');
  assert.ok(one('match: { textContains: [trunk slot b, red alarm] }', {}), 'text conditions ignore case');
  assert.ok(!one('match: { textContains: [trunk slot b, green] }', {}), 'every textContains must appear');
  assert.ok(one("match: { textMatches: 't1 pri \\d+' }", {}));
  assert.ok(one('match: { sourceAddress: "10.0.0.10" }', {}));
  assert.ok(one('match: { sourceAddress: "::ffff:10.0.0.10" }', {}), 'addresses compare normalised');
});

test('the matcher is pure: the same event gives the same answer, and the event is not changed', () => {
  const event = message('Backup failed: Wait inventory pushed stage failed');
  const before = structuredClone(event);
  const first = matcher.match(event, node());
  assert.deepEqual(matcher.match(event, node()), first);
  assert.deepEqual(event, before);
});

function ruleYaml(match: string): string {
  return [
    'kind: known-issues',
    'version: 1',
    'rules:',
    '  - id: caveat-test',
    '    title: Test rule',
    '    tier: C',
    '    references: ["001:1"]',
    '    releases: ["10.0"]',
    `    ${match}`,
    '    effect: annotate',
    '    workaround: None.',
  ].join('\n');
}
