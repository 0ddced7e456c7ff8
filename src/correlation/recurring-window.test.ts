import assert from 'node:assert/strict';
import { test } from 'node:test';
import { occurrenceAt, occurrencesEndingBetween, recurringWindowSchema } from './recurring-window.js';
import { formatLocal, zonedInstant } from '../time/zoned-time.js';

const window = (fields: Record<string, unknown>) => recurringWindowSchema.parse({ id: 'w', matchers: { siteId: 'hq' }, start: '02:00', durationMinutes: 120, ...fields });
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

test('a Saturday 02:00 London window is 02:00Z in winter and 01:00Z in summer', () => {
  const w = window({ weekdays: ['sat'], timeZone: 'Europe/London' });
  const winter = occurrenceAt(w, Date.parse('2026-11-21T03:59:59Z'), 'Europe/London');
  assert.deepEqual([iso(winter?.startsAt), iso(winter?.endsAt)], ['2026-11-21T02:00:00.000Z', '2026-11-21T04:00:00.000Z']);
  assert.equal(occurrenceAt(w, Date.parse('2026-11-21T04:00:00Z'), 'Europe/London'), null, 'the end is exclusive');
  assert.equal(occurrenceAt(w, Date.parse('2026-11-22T02:30:00Z'), 'Europe/London'), null, 'not on Sunday');
  const summer = occurrenceAt(w, Date.parse('2026-07-04T01:00:00Z'), 'Europe/London');
  assert.equal(iso(summer?.startsAt), '2026-07-04T01:00:00.000Z');
});

test('a window across midnight holds into the next day; days of month narrow weekdays', () => {
  const w = window({ weekdays: ['fri'], start: '22:00', durationMinutes: 240, timeZone: 'America/New_York' });
  const inside = occurrenceAt(w, Date.parse('2026-11-21T06:30:00Z'), 'America/New_York'); // Sat 01:30 EST
  assert.equal(iso(inside?.startsAt), '2026-11-21T03:00:00.000Z'); // Fri 22:00 EST
  const firstFriday = window({ weekdays: ['fri'], daysOfMonth: [1, 2, 3, 4, 5, 6, 7] });
  assert.equal(occurrenceAt(firstFriday, Date.parse('2026-11-06T02:30:00Z'), 'UTC')?.startsAt, Date.parse('2026-11-06T02:00:00Z'));
  assert.equal(occurrenceAt(firstFriday, Date.parse('2026-11-13T02:30:00Z'), 'UTC'), null, 'second Friday');
});

test('a start skipped by the spring-forward change moves forward by the gap', () => {
  assert.equal(iso(zonedInstant({ year: 2026, month: 3, day: 29 }, 1, 30, 'Europe/London')), '2026-03-29T01:30:00.000Z'); // 02:30 BST
  assert.equal(iso(zonedInstant({ year: 2026, month: 10, day: 25 }, 0, 30, 'Europe/London')), '2026-10-24T23:30:00.000Z'); // 00:30 BST
  assert.equal(formatLocal(Date.parse('2026-11-21T09:05:00Z'), 'Asia/Kolkata'), '2026-11-21 14:35');
});

test('lists occurrences that ended in a span, oldest first', () => {
  const daily = window({ timeZone: 'UTC', durationMinutes: 60 });
  const ends = occurrencesEndingBetween(daily, Date.parse('2026-11-19T03:00:00Z'), Date.parse('2026-11-21T03:00:00Z'), 'UTC');
  assert.deepEqual(ends.map((o) => iso(o.endsAt)), ['2026-11-20T03:00:00.000Z', '2026-11-21T03:00:00.000Z'], 'from is exclusive, to inclusive');
  assert.deepEqual(occurrencesEndingBetween(daily, Date.parse('2026-11-21T03:00:00Z'), Date.parse('2026-11-21T09:00:00Z'), 'UTC'), []);
  const long = occurrencesEndingBetween(daily, 0, Date.parse('2026-11-21T03:00:00Z'), 'UTC');
  assert.ok(long.length <= 9, 'looks back at most 8 days');
});

test('the schema refuses a bad start time and a window without matchers', () => {
  assert.equal(recurringWindowSchema.safeParse({ id: 'w', matchers: { siteId: 'hq' }, start: '2:00', durationMinutes: 60 }).success, false);
  assert.equal(recurringWindowSchema.safeParse({ id: 'w', matchers: {}, start: '02:00', durationMinutes: 60 }).success, false);
  assert.equal(recurringWindowSchema.safeParse({ id: 'w', matchers: { siteId: 'hq' }, start: '02:00', durationMinutes: 60, timeZone: 'Mars/Olympus' }).success, false);
});
