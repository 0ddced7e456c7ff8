import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isoSeconds, sectionStamp } from './stamp.js';

const run = { date: '2026-11-21T08:00:00Z', commit: 'abc1234', loadAtStart: 0.5, loadAtEnd: 1.25, cores: 2 };

test('a section stamp says when, at which commit and how loaded the machine was', () => {
  assert.equal(sectionStamp(run), '_Measured 2026-11-21T08:00:00Z at commit abc1234; load average 0.5 at the start, 1.25 at the end (2 cores)._');
});

test('a load above the core count is called out', () => {
  const stamp = sectionStamp({ ...run, loadAtEnd: 14.5 });
  assert.match(stamp, /14\.5 at the end/);
  assert.match(stamp, /\*\*The machine was busy\*\* \(load above its 2 cores\)/);
});

test('dates are written to the second', () => {
  assert.equal(isoSeconds(new Date(Date.UTC(2026, 10, 21, 8, 0, 0, 123))), '2026-11-21T08:00:00Z');
});
