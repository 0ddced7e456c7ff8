import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countdownHtml, countdownText } from './countdown.js';
import { figureCell, levelAbove, mosLevel } from './quality.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

test('a figure is ok below three quarters of its limit, near it up to the limit, and beyond it above', () => {
  assert.deepEqual([levelAbove(10, 20), levelAbove(15, 20), levelAbove(20, 20), levelAbove(20.1, 20), levelAbove(null, 20)], ['ok', 'warn', 'warn', 'bad', 'none']);
});

test('MOS uses the site threshold when set, else the G.107 satisfaction bands', () => {
  assert.deepEqual([mosLevel(4.3, null), mosLevel(3.9, null), mosLevel(3.5, null), mosLevel(null, null)], ['ok', 'warn', 'bad', 'none']);
  assert.deepEqual([mosLevel(3.9, 3.8), mosLevel(3.7, 3.8), mosLevel(4.3, 4.0), mosLevel(4.5, 4.0)], ['warn', 'bad', 'warn', 'ok']);
});

test('a cell beyond its limit says so in words and a mark, not only in colour', () => {
  assert.equal(figureCell('48.1', 'bad', '20 ms'), '<td class="num q-bad" title="beyond the limit (limit 20 ms)">48.1<b class="q-mark" aria-hidden="true"> !</b></td>');
  assert.equal(figureCell('3', 'ok', null), '<td class="num q-ok" title="within limits">3</td>');
  assert.equal(figureCell('–', 'none', '20 ms'), '<td class="num q-none">–</td>');
});

test('countdowns read in days and hours, hours and minutes, or how long ago the grace expired', () => {
  const now = Date.UTC(2026, 10, 21, 8, 0);
  assert.equal(countdownText(now + 12 * DAY + 4 * HOUR + 59 * 60_000, now), '12 d 4 h left');
  assert.equal(countdownText(now + 5 * HOUR + 20 * 60_000, now), '5 h 20 min left');
  assert.equal(countdownText(now + 30_000, now), '1 min left');
  assert.equal(countdownText(now - 2 * DAY, now), 'expired 2 d 0 h ago');
});

test('the countdown element carries its end for countdown.js and a meter of the grace left', () => {
  const now = Date.UTC(2026, 10, 21, 8, 0);
  const html = countdownHtml(new Date(now + 10 * DAY).toISOString(), now, new Date(now - 20 * DAY).toISOString());
  assert.match(html, /^<span class="countdown" data-until="2026-12-01T08:00:00.000Z">10 d 0 h left<\/span>/);
  assert.match(html, /<meter min="0" max="1" value="0.333"/);
  assert.doesNotMatch(countdownHtml(new Date(now + DAY).toISOString(), now, null), /meter/);
});
