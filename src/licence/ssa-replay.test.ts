import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FleetEvent } from '../events/fleet-event.js';
import { LICENCE_CODES } from './licence-events.js';
import type { LicenceReplay } from './replay.js';
import { shippedReplay } from './test-catalogue.js';

// The three successive SSA "Service Alarms" tables of 001:1143-1187, as the SSA collector reports them: the exact
// texts, red rows as problems and black rows as clears. Table 2: the CTI and SIP alarms went black (001:1162);
// table 3: every licence alarm went black (001:1180).
type Row = [text: string, active: boolean];
const SELECT = 'WebLM Server Error: System not licensed for Select';
const NO_SOFTPHONE = 'Attempt to use a feature for which no license is installed. License Type: Avaya Softphone';
const NO_CTI = 'Attempt to use a feature for which no license is installed. License Type: CTI Link Pro';
const NO_CTI_3 = 'Attempt to use a feature for which no license is installed. License Types: CTI Link Pro';
const HOLD = 'Failed to load HOLD Music source file Source Name: Primary';
const HOLD_2 = 'Failed to load Hold Music source file Source Name: Primary';
const SHORT_SOFTPHONE = 'There are insufficient licenses for this configuration. License Type: Avaya Softphone';
const SIP = 'SIP Channel License Exceeded: There are insufficient SIP Channel licenses License Type: Maximum SIP Trunk Sessions';
const SHORT_CTI = 'There are insufficient licenses for this configuration. License Type: CTI Link Pro';
const CONFIG = 'License Configuration Error: There are insufficient licenses for the current configuration';

const TABLE_1: Row[] = [[SELECT, true], [NO_SOFTPHONE, true], [NO_CTI, true], [HOLD, true], [SHORT_SOFTPHONE, true], [SIP, true], [SHORT_CTI, true], [CONFIG, true]];
const TABLE_2: Row[] = [[SELECT, true], [NO_SOFTPHONE, true], [NO_CTI, false], [HOLD_2, true], [SHORT_SOFTPHONE, true], [SIP, false], [SHORT_CTI, false], [CONFIG, true]];
const TABLE_3: Row[] = [[SELECT, false], [NO_SOFTPHONE, false], [NO_CTI_3, false], [HOLD_2, true], [SHORT_SOFTPHONE, false], [SIP, false], [SHORT_CTI, false], [CONFIG, false]];

function sendTable(replay: LicenceReplay, rows: Row[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const [text, active] of rows) {
    const licenceType = /License Types?:\s*(.+)$/.exec(text)?.[1];
    const event: Partial<FleetEvent> = {
      source: 'ssa',
      code: 'ssa.service.alarm',
      category: text === HOLD || text === HOLD_2 ? 'Generic' : 'License',
      severity: active ? 'major' : 'cleared',
      alarmKey: text.toLowerCase(),
      text,
      attributes: { ssaList: 'service', ssaState: active ? 'active' : 'cleared', ...(licenceType && { licenceType }) },
    };
    ids.set(text, replay.send('pri', event).event.id);
  }
  return ids;
}

test('the three SSA tables of 001:1143-1187 drive a node from WebLM Normal through License Configuration Error back to WebLM Normal', () => {
  const replay = shippedReplay([{ id: 'pri', role: 'primary', licenceSource: 'weblm' }]);

  const first = sendTable(replay, TABLE_1);
  const state = replay.engine.get('pri', 'licence')!;
  assert.equal(state.mode, 'license-configuration-error');
  assert.deepEqual([...new Set(state.shortages.map((s) => s.licenceType))], ['Avaya Softphone', 'CTI Link Pro', 'Maximum SIP Trunk Sessions']);
  const [entered] = replay.engine.transitions('pri', 1);
  assert.equal(entered?.cause, 'configuration-error');
  assert.deepEqual(entered?.eventIds, [CONFIG, NO_SOFTPHONE, NO_CTI, SHORT_SOFTPHONE, SIP, SHORT_CTI].map((text) => first.get(text)), 'the parent alarm, then the shortages it rests on');
  let lost = replay.alarm('pri', LICENCE_CODES.featuresLost)!;
  assert.equal(lost.severity, 'critical');
  assert.equal(
    lost.text,
    'License Configuration Error on pri: all licensed features (WebLM granted none of them) lost. WebLM grants licences all or nothing, and the configuration needs more than it holds: short of Avaya Softphone, CTI Link Pro, Maximum SIP Trunk Sessions; no licence was acquired.',
  );
  assert.ok(lost.annotations.some((a) => a.key === 'caveat-weblm-all-or-nothing-licences'), 'the catalogue caveat explains the all-or-nothing acquisition');
  assert.equal(replay.engine.get('pri', 'select')?.mode, 'select-not-licensed');

  sendTable(replay, TABLE_2);
  assert.equal(replay.engine.get('pri', 'licence')?.mode, 'license-configuration-error');
  assert.deepEqual(replay.engine.get('pri', 'licence')?.shortages.map((s) => s.licenceType), ['Avaya Softphone', 'Avaya Softphone']);
  lost = replay.alarm('pri', LICENCE_CODES.featuresLost)!;
  assert.match(lost.text, /short of Avaya Softphone; no licence was acquired\.$/);
  assert.equal(lost.state, 'active');

  const third = sendTable(replay, TABLE_3);
  const normal = replay.engine.get('pri', 'licence')!;
  assert.equal(normal.mode, 'weblm-normal');
  assert.deepEqual(normal.shortages, []);
  assert.deepEqual(replay.engine.transitions('pri', 1)[0]?.eventIds, [third.get(CONFIG)]);
  assert.equal(replay.alarm('pri', LICENCE_CODES.featuresLost)?.state, 'cleared');
  assert.equal(replay.engine.get('pri', 'select')?.mode, 'select-licensed');
  assert.deepEqual(
    replay.engine.transitions('pri', 10).map((t) => `${t.track}: ${t.fromMode ?? '-'} -> ${t.toMode} (${t.cause})`).reverse(),
    [
      'licence: - -> weblm-normal (configured)',
      'select: - -> select-unknown (configured)',
      'select: select-unknown -> select-not-licensed (select-not-licensed)',
      'licence: weblm-normal -> license-configuration-error (configuration-error)',
      'select: select-not-licensed -> select-licensed (select-not-licensed.cleared)',
      'licence: license-configuration-error -> weblm-normal (configuration-error.cleared)',
    ],
  );
});
