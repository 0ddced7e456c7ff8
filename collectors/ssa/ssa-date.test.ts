import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSsaDate } from './ssa-date.js';
import { wallToEpoch } from '../../src/time/zoned-time.js';

test('DD/MM/YYYY as the seed prints it: 01/08/2016 16:35:00 is 1 August 2016', () => {
  assert.deepEqual(parseSsaDate('01/08/2016 16:35:00', 'DD/MM/YYYY'), { kind: 'wall', wall: { year: 2016, month: 8, day: 1, hour: 16, minute: 35, second: 0 } });
  assert.deepEqual(parseSsaDate('01/08/2016 16:35:00', 'MM/DD/YYYY'), { kind: 'wall', wall: { year: 2016, month: 1, day: 8, hour: 16, minute: 35, second: 0 } });
  assert.deepEqual(parseSsaDate('1/8/2016 6:05', 'DD/MM/YYYY'), { kind: 'wall', wall: { year: 2016, month: 8, day: 1, hour: 6, minute: 5, second: 0 } });
});

test('impossible dates and times are named, never rolled over', () => {
  const impossible = (text: string, format: 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'auto', why: RegExp) => {
    const date = parseSsaDate(text, format);
    assert.equal(date.kind, 'impossible', text);
    assert.match((date as { why: string }).why, why);
  };
  impossible('31/02/2026 10:00:00', 'DD/MM/YYYY', /day 31 does not exist in 2026-02/);
  impossible('29/02/2026 10:00:00', 'DD/MM/YYYY', /day 29/);
  impossible('21/01/2026 25:00:00', 'DD/MM/YYYY', /25:00:00 is not a time of day/);
  impossible('21/01/2026 10:60:00', 'DD/MM/YYYY', /not a time of day/);
  impossible('01/13/2016 16:35:00', 'DD/MM/YYYY', /month 13 does not exist/);
  impossible('21/13/2026 10:00:00', 'auto', /has no month/);
  impossible('2026-02-31T10:00:00Z', 'DD/MM/YYYY', /not a real date/);
  assert.equal(parseSsaDate('29/02/2024 10:00:00', 'DD/MM/YYYY').kind, 'wall', '2024 is a leap year');
  assert.equal(parseSsaDate('yesterday', 'DD/MM/YYYY').kind, 'bad');
  assert.equal(parseSsaDate('2016-08-01 16:35:00', 'DD/MM/YYYY').kind, 'bad', 'ISO without a zone is not accepted: which zone would be a guess');
});

test('auto: a field above 12 decides; otherwise the date is ambiguous, unless both fields are equal', () => {
  assert.equal(parseSsaDate('21/01/2026 10:00:00', 'auto').kind, 'wall');
  assert.deepEqual(parseSsaDate('01/21/2026 10:00:00', 'auto'), { kind: 'wall', wall: { year: 2026, month: 1, day: 21, hour: 10, minute: 0, second: 0 } });
  assert.deepEqual(parseSsaDate('01/08/2016 16:35:00', 'auto'), { kind: 'ambiguous' });
  assert.equal(parseSsaDate('05/05/2016 16:35:00', 'auto').kind, 'wall');
});

test('ISO 8601 with a zone is an instant already', () => {
  assert.deepEqual(parseSsaDate('2016-08-01T16:35:00+01:00', 'DD/MM/YYYY'), { kind: 'instant', ms: Date.UTC(2016, 7, 1, 15, 35) });
  assert.deepEqual(parseSsaDate('2016-08-01T15:35:00Z', 'MM/DD/YYYY'), { kind: 'instant', ms: Date.UTC(2016, 7, 1, 15, 35) });
});

test('wall time in a zone: summer and winter offsets, the skipped hour and the repeated one', () => {
  const wall = (month: number, day: number, hour: number, minute = 30) => ({ year: 2026, month, day, hour, minute, second: 0 });
  assert.deepEqual(wallToEpoch({ year: 2016, month: 8, day: 1, hour: 16, minute: 35, second: 0 }, 'Europe/London'), { kind: 'ok', ms: Date.UTC(2016, 7, 1, 15, 35) });
  assert.deepEqual(wallToEpoch(wall(1, 21, 10), 'Europe/London'), { kind: 'ok', ms: Date.UTC(2026, 0, 21, 10, 30) });
  assert.deepEqual(wallToEpoch(wall(1, 21, 10), 'America/New_York'), { kind: 'ok', ms: Date.UTC(2026, 0, 21, 15, 30) });
  // 29 March 2026: London skips 01:00-02:00; 25 October 2026: it repeats 01:00-02:00.
  assert.deepEqual(wallToEpoch(wall(3, 29, 1), 'Europe/London'), { kind: 'gap' });
  assert.deepEqual(wallToEpoch(wall(10, 25, 1), 'Europe/London'), { kind: 'overlap', earlier: Date.UTC(2026, 9, 25, 0, 30), later: Date.UTC(2026, 9, 25, 1, 30) });
  assert.deepEqual(wallToEpoch(wall(3, 29, 3), 'Europe/London'), { kind: 'ok', ms: Date.UTC(2026, 2, 29, 2, 30) });
  assert.deepEqual(wallToEpoch(wall(6, 1, 12), 'Asia/Kolkata'), { kind: 'ok', ms: Date.UTC(2026, 5, 1, 7, 0) });
});
