import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FleetEventSchema } from '../../src/events/fleet-event.js';
import { ssaAlarmKey } from './alarm-key.js';
import type { DiffItem, SsaChange } from './diff.js';
import { mapDiffItem, type SnapshotOrigin } from './map.js';
import { classifyText } from './ssa-texts.js';

const origin: SnapshotOrigin = { nodeId: 'hq-primary', list: 'service', receivedAt: Date.UTC(2026, 0, 21, 10), via: 'api', sourceAddress: '192.0.2.7' };
const CTI = 'Attempt to use a feature for which no license is installed. License Type: CTI Link Pro';

function item(change: SsaChange, text = CTI, occurrences = 18): DiffItem {
  return {
    change,
    key: ssaAlarmKey(text),
    entry: { key: ssaAlarmKey(text), text, occurrences: 22, state: change === 'cleared' ? 'cleared' : 'active', lastDateOfError: Date.UTC(2016, 7, 1, 15, 47, 52), lastDateText: '01/08/2016 16:47:52', line: 5, source: `01/08/2016 16:47:52\t22\t${text}`, licenceType: 'CTI Link Pro' },
    occurrences,
    counterReset: false,
  };
}

test('an increase is a problem counting the delta, with the device time and the licence attributes', () => {
  const event = mapDiffItem(item('increase'), origin);
  FleetEventSchema.parse(event);
  assert.deepEqual(
    { ...event, attributes: undefined },
    {
      receivedAt: origin.receivedAt,
      occurredAt: Date.UTC(2016, 7, 1, 15, 47, 52),
      source: 'ssa',
      collector: 'ssa',
      sourceAddress: '192.0.2.7',
      nodeId: 'hq-primary',
      entity: null,
      category: 'License',
      severity: 'minor',
      raisesAlarm: true,
      code: 'ssa.service.licence.feature-not-licensed',
      alarmKey: 'attempt to use a feature for which no license is installed. license type: cti link pro',
      text: CTI,
      attributes: undefined,
      raw: { encoding: 'utf8', data: `01/08/2016 16:47:52\t22\t${CTI}` },
    },
  );
  assert.deepEqual(event.attributes, {
    ssaList: 'service',
    ssaChange: 'increase',
    ssaState: 'active',
    occurrences: 18,
    occurrencesTotal: 22,
    lastDateOfError: '2016-08-01T15:47:52.000Z',
    lastDateOfErrorText: '01/08/2016 16:47:52',
    via: 'api',
    licenceType: 'CTI Link Pro',
    line: 5,
  });
});

test('a clear has the same code and alarm key with severity cleared; a scroll-off is information only', () => {
  const problem = mapDiffItem(item('new'), origin);
  const cleared = mapDiffItem(item('cleared', CTI, 0), origin);
  const firstSeenBlack = mapDiffItem(item('new-cleared', CTI, 22), origin);
  const gone = mapDiffItem(item('scrolled-off', CTI, 0), origin);
  for (const event of [cleared, firstSeenBlack, gone]) {
    assert.deepEqual([event.code, event.alarmKey, event.category], [problem.code, problem.alarmKey, 'License']);
    assert.equal(event.raisesAlarm, false);
    assert.equal(event.occurredAt, undefined);
  }
  assert.deepEqual([cleared.severity, firstSeenBlack.severity, gone.severity], ['cleared', 'cleared', 'info']);
});

test('every SSA text of the seeds maps to a category and severity; unknown texts are indeterminate, by list', () => {
  const table: Array<[string, string, string, string]> = [
    ['WebLM Server Error: System not licensed for Select', 'licence.weblm-server-error', 'License', 'major'],
    ['Attempt to use a feature for which no license is installed. License Type: Avaya Softphone', 'licence.feature-not-licensed', 'License', 'minor'],
    ['"Attempt to use a feature for which no license is installed" License Type:DevLink3 External Recorder"', 'licence.feature-not-licensed', 'License', 'minor'],
    ['There are insufficient licenses for this configuration. License Type: CTI Link Pro', 'licence.insufficient', 'License', 'major'],
    ['SIP Channel License Exceeded: There are insufficient SIP Channel licenses License Type: Maximum SIP Trunk Sessions', 'licence.sip-channels-exceeded', 'License', 'major'],
    ['License Configuration Error: There are insufficient licenses for the current configuration', 'licence.configuration-error', 'License', 'major'],
    ['System ID has changed', 'licence.system-id-changed', 'License', 'warning'],
    ['WebLM Error Mode', 'licence.weblm-error-mode', 'License', 'major'],
    ['Failed to load HOLD Music source file Source Name: Primary', 'hold-music.load-failed', 'Applications', 'minor'],
    ['Failed to load Hold Music source file Source Name: Primary', 'hold-music.load-failed', 'Applications', 'minor'],
    ['TLS connection failure from 192.168.42.31 port 411', 'security.tls', 'Security', 'warning'],
    ['Voicemail storage nearly full', 'unclassified', 'Generic', 'indeterminate'],
  ];
  for (const [text, code, category, severity] of table) {
    const kind = classifyText(text, 'service');
    assert.deepEqual([kind.code, kind.category, kind.severity], [code, category, severity], text);
  }
  assert.equal(classifyText('Line 3 out of service', 'trunk').category, 'Trunk lines');
});
