import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunResult } from './index.js';
import { lossless, renderSnmpReport, zeroLossRate, zeroLossRatio } from './report.js';

const run = (receiver: RunResult['receiver'], rate: number, processed: number, extra: Partial<RunResult> = {}): RunResult => ({
  receiver,
  scenario: { rate, count: 100 },
  sent: 100,
  processed,
  perSecond: rate || 1000,
  lossPercent: 100 - processed,
  sequenceOk: receiver === 'node:dgram' ? null : true,
  lostAfterAcceptance: receiver === 'ipo-observer (program)' ? 0 : null,
  queueFull: receiver === 'ipo-observer (program)' ? 0 : null,
  ...extra,
});

test('a run is lossless only when all arrived, the sequence check passed and nothing was lost after acceptance', () => {
  assert.equal(lossless(run('ipo-observer (program)', 5000, 100)), true);
  assert.equal(lossless(run('ipo-observer (program)', 5000, 99)), false);
  assert.equal(lossless(run('ipo-observer (program)', 5000, 100, { sequenceOk: false })), false);
  assert.equal(lossless(run('ipo-observer (program)', 5000, 100, { lostAfterAcceptance: 1 })), false);
  assert.equal(lossless(run('node:dgram', 5000, 100)), true);
  assert.equal(lossless(run('node:dgram', 0, 100)), false, 'a burst is not a paced rate');
});

test('the zero-loss rate is the highest lossless paced rate, capped when nothing was lost at the top', () => {
  const runs = [run('snmptrapd', 5000, 100), run('snmptrapd', 10000, 90), run('snmptrapd', 20000, 100), run('node:dgram', 5000, 100), run('node:dgram', 20000, 100)];
  assert.deepEqual(zeroLossRate(runs, 'snmptrapd'), { rate: 20000, capped: true });
  assert.deepEqual(zeroLossRate([run('snmptrapd', 5000, 100), run('snmptrapd', 10000, 90)], 'snmptrapd'), { rate: 5000, capped: false });
  assert.deepEqual(zeroLossRate([], 'snmptrapd'), { rate: 0, capped: false });
  assert.equal(zeroLossRatio({ rate: 5000, capped: false }, { rate: 20000, capped: true }), '≤ 0.25');
  assert.equal(zeroLossRatio({ rate: 20000, capped: true }, { rate: 20000, capped: true }), '1.00');
  assert.equal(zeroLossRatio({ rate: 5000, capped: false }, { rate: 0, capped: false }), 'n/a');
});

test('the report shows loss after acceptance and calls a non-zero one a bug', () => {
  const ok = renderSnmpReport([run('ipo-observer (program)', 5000, 100), run('snmptrapd', 5000, 100)]);
  assert.match(ok, /\| 5,000\/s \| ipo-observer \(program\) \| 100 \| 100 \| 0\.00 % \| 5,000 \| ok \| 0 \| 0 \|/);
  assert.match(ok, /0 in every run/);
  const bad = renderSnmpReport([run('ipo-observer (program)', 5000, 98, { lostAfterAcceptance: 2 })]);
  assert.match(bad, /\*\*2\*\* \|/);
  assert.match(bad, /a bug/);
});
