import assert from 'node:assert/strict';
import { test } from 'node:test';
import { licenceTypeOf, ssaAlarmKey } from './alarm-key.js';

test('the spellings the seed itself uses for one entry give one key', () => {
  assert.equal(ssaAlarmKey('Failed to load HOLD Music source file Source Name: Primary'), ssaAlarmKey('Failed to load Hold Music source file Source Name: Primary'));
  assert.equal(
    ssaAlarmKey('Attempt to use a feature for which no license is installed. License Type: CTI Link Pro'),
    ssaAlarmKey('Attempt to use a feature for which no license is installed.  License Types:CTI Link Pro '),
  );
  assert.notEqual(ssaAlarmKey('There are insufficient licenses for this configuration. License Type: CTI Link Pro'), ssaAlarmKey('There are insufficient licenses for this configuration. License Type: Avaya Softphone'));
});

test('the licence type, when the text names one', () => {
  assert.equal(licenceTypeOf('SIP Channel License Exceeded: There are insufficient SIP Channel licenses License Type: Maximum SIP Trunk Sessions'), 'Maximum SIP Trunk Sessions');
  assert.equal(licenceTypeOf('Attempt to use a feature for which no license is installed. License Types: CTI Link Pro'), 'CTI Link Pro');
  assert.equal(licenceTypeOf('"Attempt to use a feature for which no license is installed" License Type:DevLink3 External Recorder"'), 'DevLink3 External Recorder');
  assert.equal(licenceTypeOf('WebLM Server Error: System not licensed for Select'), null);
});
