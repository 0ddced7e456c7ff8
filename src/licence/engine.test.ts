import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { CodedError } from '../errors.js';
import type { FleetEvent } from '../events/fleet-event.js';
import { FleetIndex } from '../fleet/fleet-index.js';
import { fleetSchema } from '../fleet/fleet-schema.js';
import { openSqliteStore } from '../storage/sqlite-store.js';
import { licenceConfigSchema } from './config.js';
import { LicenceEngine } from './engine.js';
import { DAY_MS } from './escalation.js';
import { LICENCE_CODES } from './licence-events.js';
import { HOUR_MS } from './replay.js';
import { shippedCatalogues, shippedReplay } from './test-catalogue.js';

const WEBLM_ERROR_MODE = { source: 'syslog' as const, code: 'syslog.licence.weblm-error-mode', severity: 'major' as const, text: 'WebLM Error Mode' };
const LKS_FAILURE = { source: 'snmp' as const, code: 'snmp.ipo.lks', severity: 'major' as const, text: 'ipoGenLKSCommsFailureSvcEvent' };

test('"WebLM Error Mode" with no licence short is suspect (IPOFFICE-111618), in the known issue\'s own words; a real cause confirms it', () => {
  const replay = shippedReplay([{ id: 'pri', role: 'primary', licenceSource: 'weblm' }]);
  replay.send('pri', WEBLM_ERROR_MODE);
  const state = replay.engine.get('pri', 'licence')!;
  assert.equal(state.mode, 'weblm-error');
  assert.equal(state.suspect, 'ipoffice-111618-false-weblm-error-mode');
  const grace = replay.alarm('pri', LICENCE_CODES.grace)!;
  assert.match(grace.text, /Suspect: IPOFFICE-111618 \(System shows WebLM Error Mode although its licences are valid\) while no licence is short$/);
  const annotation = grace.annotations.find((a) => a.key === 'ipoffice-111618-false-weblm-error-mode');
  assert.match(annotation?.text ?? '', /Renew Licenses/, 'the workaround comes from the known-issue catalogue');

  replay.send('pri', LKS_FAILURE); // the licence server really is gone: not a false state
  assert.equal(replay.engine.get('pri', 'licence')?.suspect, null);
  assert.doesNotMatch(replay.alarm('pri', LICENCE_CODES.grace)!.text, /Suspect/);
  assert.equal(replay.alarm('pri', LICENCE_CODES.grace)?.occurrences, 2);
});

test('"WebLM Error Mode" while a licence alarm is active is not suspect', () => {
  const replay = shippedReplay([{ id: 'pri', role: 'primary', licenceSource: 'weblm' }]);
  replay.send('pri', { text: 'There are insufficient licenses for this configuration. License Type: Power User' });
  replay.send('pri', WEBLM_ERROR_MODE);
  assert.deepEqual([replay.engine.get('pri', 'licence')?.mode, replay.engine.get('pri', 'licence')?.suspect], ['weblm-error', null]);
});

test('noise moves nothing: DevLink3 External Recorder, SSA entries scrolling off, senders outside the fleet, other nodes\' families', () => {
  const replay = shippedReplay([
    { id: 'pri', role: 'primary', licenceSource: 'weblm' },
    { id: 'v2', role: 'ip500v2', licenceSource: 'nodal' },
  ]);
  replay.send('pri', { text: 'Attempt to use a feature for which no license is installed. License Type:DevLink3 External Recorder' });
  replay.send('pri', { severity: 'info', text: 'License Configuration Error: There are insufficient licenses for the current configuration' });
  replay.send('v2', WEBLM_ERROR_MODE);
  replay.send('v2', LKS_FAILURE);
  assert.equal(replay.engine.get('pri', 'licence')?.mode, 'weblm-normal');
  assert.deepEqual(replay.engine.get('pri', 'licence')?.shortages, []);
  assert.equal(replay.engine.get('v2', 'licence')?.mode, 'license-normal', 'a nodal system has no grace');
  assert.equal(replay.engine.get('v2', 'select'), undefined, 'Select is Server Edition only');
  assert.equal(replay.engine.get('v2', 'licence')?.lastEvidence?.signal, 'licence-server-link-down');
  replay.send('ghost', { sourceAddress: '198.51.100.1', ...LKS_FAILURE });
  assert.equal(replay.emitted.filter((e) => e.code !== LICENCE_CODES.mode).length, 0);
});

test('a nodal node tracks its licence shortages (features that do not work) without a grace', () => {
  const replay = shippedReplay([{ id: 'v2', role: 'ip500v2', licenceSource: 'nodal' }]);
  const raised = replay.send('v2', { source: 'syslog', text: 'Attempt to use a feature for which no license is installed. License Type: CTI Link Pro' });
  assert.deepEqual(replay.engine.get('v2', 'licence')?.shortages, [{ signal: 'licence-not-installed', licenceType: 'CTI Link Pro', since: replay.now(), eventId: raised.event.id }]);
  replay.send('v2', { source: 'syslog', severity: 'cleared', text: 'Attempt to use a feature for which no license is installed. License Type: CTI Link Pro' });
  assert.deepEqual(replay.engine.get('v2', 'licence')?.shortages, []);
});

test('a mode report (attributes.licenceMode, graceDaysRemaining) sets the mode and the device\'s countdown', () => {
  const replay = shippedReplay([{ id: 'pri', role: 'primary', licenceSource: 'weblm' }]);
  const report = replay.send('pri', { source: 'ssa', severity: 'info', code: 'ssa.licence.mode', text: 'License Mode: WebLM Error', attributes: { licenceMode: 'WebLM Error', graceDaysRemaining: 12 } });
  const state = replay.engine.get('pri', 'licence')!;
  assert.equal(state.mode, 'weblm-error');
  assert.equal(state.graceExpiresAt, replay.now() + 12 * DAY_MS);
  assert.deepEqual(replay.engine.transitions('pri', 1)[0]?.eventIds, [report.event.id]);
  assert.match(replay.alarm('pri', LICENCE_CODES.grace)!.text, /12 days remaining/);

  replay.advance(DAY_MS);
  replay.send('pri', { source: 'ssa', severity: 'info', code: 'ssa.licence.mode', text: 'License Mode: WebLM Error', attributes: { licenceMode: 'weblm error mode', graceDaysRemaining: 9 } });
  assert.equal(replay.engine.get('pri', 'licence')?.graceExpiresAt, replay.now() + 9 * DAY_MS);
  assert.match(replay.alarm('pri', LICENCE_CODES.grace)!.text, /9 days remaining/);

  replay.send('pri', { source: 'ssa', severity: 'info', code: 'ssa.licence.mode', text: 'License Mode: ?', attributes: { licenceMode: 'Enterprise Mode' } });
  assert.equal(replay.engine.get('pri', 'licence')?.mode, 'weblm-error');
});

test('an assertion records the mode with who and why, may switch the licence source, and is checked', () => {
  const replay = shippedReplay([{ id: 'v2', role: 'ip500v2', licenceSource: 'nodal' }]);
  const { state, transition } = replay.engine.assertMode('v2', 'subscription-normal', { user: 'partner-bob', note: 'migrated to subscription, ticket 88' });
  assert.deepEqual([state.mode, state.licenceSource, state.configuredSource], ['subscription-normal', 'subscription', 'nodal']);
  assert.deepEqual([transition?.cause, transition?.user, transition?.note], ['assertion', 'partner-bob', 'migrated to subscription, ticket 88']);
  replay.send('v2', LKS_FAILURE);
  assert.equal(replay.engine.get('v2', 'licence')?.mode, 'subscription-grace', 'the node now follows the subscription modes');
  assert.equal(replay.engine.assertMode('v2', 'Subscription grace', { user: 'bob', note: null, graceDaysRemaining: 5 }).transition, null);
  assert.equal(replay.engine.get('v2', 'licence')?.graceExpiresAt, replay.now() + 5 * DAY_MS);

  const refused = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      assert.ok(error instanceof CodedError);
      return `${error.code}: ${error.message.slice(0, 60)}`;
    }
    return 'accepted';
  };
  assert.equal(refused(() => replay.engine.assertMode('nope', 'weblm-normal', { user: 'x', note: null })), 'IPO_ERR_NOT_FOUND: node nope is not in the fleet inventory');
  assert.match(refused(() => replay.engine.assertMode('v2', 'Gold Mode', { user: 'x', note: null })), /^IPO_ERR_BAD_REQUEST: mode: no licence mode "Gold Mode"; give one of license-norm/);
  assert.match(refused(() => replay.engine.assertMode('v2', 'select-licensed', { user: 'x', note: null })), /^IPO_ERR_BAD_REQUEST: mode: "Select licensed" is on the select track/);
  assert.match(refused(() => replay.engine.assertMode('v2', 'weblm-error', { user: 'x', note: null, graceDaysRemaining: 31 })), /^IPO_ERR_BAD_REQUEST: graceDaysRemaining: the grace of "WebLM Error" lasts 30 days/);
  assert.match(refused(() => replay.engine.assertMode('v2', 'license-normal', { user: 'x', note: null, graceDaysRemaining: 3 })), /^IPO_ERR_BAD_REQUEST: graceDaysRemaining: "License Normal" has no grace/);
});

test('the License Server Link checks (000:6-8) raise a warning per finding at start, and clear when an assertion fixes it', () => {
  const replay = shippedReplay([
    { id: 'pri', role: 'primary', licenceSource: 'server-edition-central', customer: 'acme' },
    { id: 'sec', role: 'secondary', licenceSource: 'subscription', customer: 'acme' },
    { id: 'v2a', role: 'ip500v2', licenceSource: 'subscription', customer: 'borealis' },
    { id: 'v2b', role: 'ip500v2', licenceSource: 'nodal', customer: 'borealis' },
  ]);
  assert.deepEqual(
    replay.engine.findings.map((f) => `${f.nodeId} ${f.check}`),
    ['sec se-link-on-non-primary', 'pri se-primary-without-link', 'v2b scn-ip500v2-without-own-link'],
  );
  assert.equal(replay.alarm('v2b', LICENCE_CODES.configInconsistent)?.severity, 'warning');
  replay.engine.assertMode('v2b', 'subscription-normal', { user: 'anna', note: 'has its own link' });
  assert.equal(replay.alarm('v2b', LICENCE_CODES.configInconsistent)?.state, 'cleared');
  replay.advance(DAY_MS + HOUR_MS);
  assert.equal(replay.alarm('sec', LICENCE_CODES.configInconsistent)?.occurrences, 2, 'raised again daily while still wrong');
});

test('state and countdown survive a restart (SQLite): the grace expires on time after it', (t) => {
  const dir = makeTempDir();
  t.after(() => dir.remove());
  const { licence: catalogue } = shippedCatalogues();
  const fleet = new FleetIndex(fleetSchema.parse({ customers: [{ id: 'c', name: 'C', sites: [{ id: 's', name: 'S', timeZone: 'UTC', nodes: [{ id: 'pri', name: 'Pri', role: 'primary', licenceSource: 'weblm', addresses: ['192.0.2.10'] }] }] }] }));
  let now = Date.UTC(2026, 2, 1, 8, 0, 0);
  const emitted: FleetEvent[] = [];
  const engineOn = (store: ReturnType<typeof openSqliteStore>) =>
    new LicenceEngine({ catalogue, fleet, store, clock: { now: () => now }, emit: (event) => emitted.push(event), escalation: licenceConfigSchema.parse({}).escalation });

  const first = openSqliteStore(dir.path);
  const engine = engineOn(first);
  engine.start();
  const stored = first.insertEvent({ receivedAt: now, source: 'snmp', collector: 'snmp', sourceAddress: '192.0.2.10', nodeId: 'pri', entity: null, category: 'License', severity: 'major', raisesAlarm: true, code: 'snmp.ipo.lks', text: 'LKS failure', attributes: {}, raw: { encoding: 'utf8', data: '' } }, null);
  engine.onRecorded([{ event: stored, alarm: null, transitions: [], pendingNotifications: 0 }]);
  const expiresAt = engine.get('pri', 'licence')?.graceExpiresAt;
  first.close();

  now += 10 * DAY_MS;
  const second = openSqliteStore(dir.path);
  t.after(() => second.close());
  const restarted = engineOn(second);
  restarted.start();
  const resumed = restarted.get('pri', 'licence')!;
  assert.deepEqual([resumed.mode, resumed.graceExpiresAt, resumed.reminderKey], ['weblm-error', expiresAt, 20]);
  now += 20 * DAY_MS;
  restarted.tick();
  assert.equal(restarted.get('pri', 'licence')?.mode, 'weblm-restricted');
  assert.deepEqual(
    second.listLicenceTransitions({ nodeId: 'pri', track: 'licence', limit: 5 }).map((x) => [x.cause, x.toMode, x.eventIds]),
    [
      ['grace-expired', 'weblm-restricted', []],
      ['licence-server-link-down', 'weblm-error', [stored.id]],
      ['configured', 'weblm-normal', []],
    ],
  );
});

test('a changed licenceSource in the fleet file starts the node afresh, closing the old mode\'s alarms', () => {
  const replay = shippedReplay([{ id: 'v2', role: 'ip500v2', licenceSource: 'subscription' }]);
  replay.send('v2', LKS_FAILURE);
  const state = replay.engine.get('v2', 'licence')!;
  // What a restart with `licenceSource: nodal` in the fleet file looks like to reconcile().
  replay.store.saveLicenceState({ ...state, configuredSource: 'weblm' });
  const restarted = new LicenceEngine({
    catalogue: shippedCatalogues().licence,
    fleet: replay.fleet,
    store: replay.store,
    clock: { now: () => replay.now() },
    emit: (event) => replay.emitted.push(event),
    escalation: licenceConfigSchema.parse({}).escalation,
  });
  restarted.start();
  const fresh = restarted.get('v2', 'licence')!;
  assert.deepEqual([fresh.mode, fresh.licenceSource, fresh.configuredSource], ['subscription-normal', 'subscription', 'subscription']);
  assert.equal(restarted.transitions('v2', 1)[0]?.cause, 'licence-source-changed');
  const clears = replay.emitted.slice(-4).filter((e) => e.severity === 'cleared').map((e) => e.code);
  assert.deepEqual(clears, [LICENCE_CODES.grace, LICENCE_CODES.subscriptionDaily]);
});
