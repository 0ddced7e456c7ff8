import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DAY_MS } from './escalation.js';
import { LICENCE_CODES } from './licence-events.js';
import { HOUR_MS } from './replay.js';
import { shippedReplay } from './test-catalogue.js';

const LKS_FAILURE = { source: 'snmp' as const, code: 'snmp.ipo.lks', severity: 'major' as const, text: 'ipoGenLKSCommsFailureSvcEvent' };
const LKS_OPERATIONAL = { source: 'snmp' as const, code: 'snmp.ipo.lks', severity: 'cleared' as const, text: 'ipoGenLKSCommsOperationalSvcEvent' };

test('31 days: WebLM Normal -> WebLM Error (30-day countdown, escalating) -> WebLM Restricted (features lost)', () => {
  const replay = shippedReplay([{ id: 'pri', role: 'primary', licenceSource: 'weblm' }]);
  const t0 = replay.now();
  assert.equal(replay.engine.get('pri', 'licence')?.mode, 'weblm-normal');

  const failure = replay.send('pri', LKS_FAILURE);
  const error = replay.engine.get('pri', 'licence')!;
  assert.equal(error.mode, 'weblm-error');
  assert.equal(error.graceExpiresAt, t0 + 30 * DAY_MS);
  assert.deepEqual(replay.engine.transitions('pri', 1)[0]?.eventIds, [failure.event.id]);
  let grace = replay.alarm('pri', LICENCE_CODES.grace)!;
  assert.equal(grace.severity, 'minor');
  assert.match(grace.text, /^WebLM Error: licence grace period, 30 days remaining/);
  // The known-issue rule annotates it (WebLM Error on a WebLM node), but it is not suspect: the link really failed.
  assert.ok(grace.annotations.some((a) => a.key === 'ipoffice-111618-false-weblm-error-mode'));
  assert.equal(error.suspect, null);

  replay.advance(23 * DAY_MS); // 7 days left
  grace = replay.alarm('pri', LICENCE_CODES.grace)!;
  assert.equal(grace.severity, 'major');
  assert.match(grace.text, /7 days remaining/);
  assert.equal(grace.occurrences, 24, 'one occurrence on entry and one per day');

  replay.advance(6 * DAY_MS); // 1 day left
  assert.equal(replay.alarm('pri', LICENCE_CODES.grace)?.severity, 'critical');
  assert.equal(replay.engine.get('pri', 'licence')?.mode, 'weblm-error');

  replay.advance(DAY_MS + HOUR_MS); // day 31
  const restricted = replay.engine.get('pri', 'licence')!;
  assert.equal(restricted.mode, 'weblm-restricted');
  assert.equal(restricted.since, t0 + 30 * DAY_MS, 'the mode changes at the expiry, not at the next tick');
  assert.equal(replay.alarm('pri', LICENCE_CODES.grace)?.state, 'cleared');
  const lost = replay.alarm('pri', LICENCE_CODES.featuresLost)!;
  assert.equal(lost.severity, 'critical');
  assert.equal(lost.state, 'active');
  assert.match(lost.text, /^WebLM Restricted on pri: features that ran on virtual grace licences lost\./);
  const [expiry] = replay.engine.transitions('pri', 1);
  assert.deepEqual({ cause: expiry?.cause, from: expiry?.fromMode, to: expiry?.toMode }, { cause: 'grace-expired', from: 'weblm-error', to: 'weblm-restricted' });

  // The licence server answering again brings the node back (inferred in the catalogue) and clears the loss.
  replay.send('pri', LKS_OPERATIONAL);
  assert.equal(replay.engine.get('pri', 'licence')?.mode, 'weblm-normal');
  assert.equal(replay.alarm('pri', LICENCE_CODES.featuresLost)?.state, 'cleared');
});

test('subscription: link lost, reconnected on day 12 (grace reset, 12 daily alarms), lost again: a fresh 30 days', () => {
  const replay = shippedReplay([{ id: 'v2', role: 'ip500v2', licenceSource: 'subscription' }]);
  const t0 = replay.now();
  replay.send('v2', LKS_FAILURE);
  assert.equal(replay.engine.get('v2', 'licence')?.mode, 'subscription-grace');

  replay.advance(11 * DAY_MS + 12 * HOUR_MS); // day 12, midday
  const inGrace = replay.engine.get('v2', 'licence')!;
  assert.equal(inGrace.dailyAlarms, 12);
  const daily = replay.alarm('v2', LICENCE_CODES.subscriptionDaily)!;
  assert.equal(daily.occurrences, 12, 'one daily alarm, one occurrence per day');
  assert.match(daily.text, /day 12: the License Server Link is still down/);
  assert.match(replay.alarm('v2', LICENCE_CODES.grace)!.text, /19 days remaining/);

  replay.send('v2', LKS_OPERATIONAL);
  const back = replay.engine.get('v2', 'licence')!;
  assert.equal(back.mode, 'subscription-normal');
  assert.equal(back.graceExpiresAt, null);
  assert.equal(replay.alarm('v2', LICENCE_CODES.subscriptionDaily)?.state, 'cleared');
  assert.equal(replay.alarm('v2', LICENCE_CODES.grace)?.state, 'cleared');

  replay.advance(3 * DAY_MS);
  replay.send('v2', LKS_FAILURE);
  const again = replay.engine.get('v2', 'licence')!;
  assert.equal(again.graceExpiresAt, replay.now() + 30 * DAY_MS, 'the grace starts afresh');
  assert.equal(again.dailyAlarms, 1);
  const dailies = replay.alarms('v2', LICENCE_CODES.subscriptionDaily);
  assert.deepEqual(dailies.map((alarm) => [alarm.state, alarm.occurrences]), [['active', 1], ['cleared', 12]], 'each grace is its own daily alarm');
  assert.match(replay.alarm('v2', LICENCE_CODES.grace)!.text, /30 days remaining/);
  assert.ok(t0 < replay.now());
});

test('subscription: link lost and never back: all subscription features deactivated on day 30', () => {
  const replay = shippedReplay([{ id: 'v2', role: 'ip500v2', licenceSource: 'subscription' }]);
  const t0 = replay.now();
  replay.send('v2', LKS_FAILURE);
  replay.advance(30 * DAY_MS - HOUR_MS);
  assert.equal(replay.engine.get('v2', 'licence')?.mode, 'subscription-grace');
  assert.equal(replay.alarm('v2', LICENCE_CODES.grace)?.severity, 'critical');
  assert.equal(replay.engine.get('v2', 'licence')?.dailyAlarms, 30);

  replay.advance(HOUR_MS);
  const off = replay.engine.get('v2', 'licence')!;
  assert.equal(off.mode, 'subscription-deactivated');
  assert.equal(off.since, t0 + 30 * DAY_MS);
  assert.equal(replay.alarm('v2', LICENCE_CODES.subscriptionDaily)?.state, 'cleared');
  assert.equal(replay.alarm('v2', LICENCE_CODES.subscriptionDaily)?.occurrences, 30);
  const lost = replay.alarm('v2', LICENCE_CODES.featuresLost)!;
  assert.deepEqual([lost.severity, lost.state], ['critical', 'active']);
  assert.match(lost.text, /all subscription features lost/);

  // Still lost three days later: re-announced daily, so stale-alarm expiry (72 h) never closes it.
  replay.advance(3 * DAY_MS);
  assert.equal(replay.alarm('v2', LICENCE_CODES.featuresLost)?.state, 'active');
  assert.equal(replay.alarm('v2', LICENCE_CODES.featuresLost)?.occurrences, 4);
});
