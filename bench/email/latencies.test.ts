import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitAtRendering } from './breakdown.js';
import { matchArrivals, unfoldHeaders } from './latencies.js';

const mail = (subject: string) => `From: a@example.com\r\nSubject: ${subject}\r\n\r\nbody`;

test('each alarm is paired with the email that names its trunk, whatever the order', () => {
  const sent = new Map([[1, 1000], [2, 1100], [3, 1200]]);
  const arrivals = [
    { at: 1450, raw: mail('[noc] N: Trunk 2 red alarm') },
    { at: 1300, raw: mail('[noc] N: Trunk 1 red alarm') },
  ];
  assert.deepEqual(matchArrivals(sent, arrivals), { latencies: [300, 350], missing: [3], unexpected: 0 });
});

test('an email for no alarm sent, or a second for the same one, is unexpected and not a latency', () => {
  const sent = new Map([[1, 1000]]);
  const arrivals = [
    { at: 1100, raw: mail('Trunk 1 red alarm') },
    { at: 1200, raw: mail('Trunk 1 red alarm') },
    { at: 1300, raw: mail('Trunk 9 red alarm') },
    { at: 1400, raw: mail('a digest') },
  ];
  assert.deepEqual(matchArrivals(sent, arrivals), { latencies: [100], missing: [], unexpected: 3 });
});

test('a folded Subject is read as one line', () => {
  assert.equal(unfoldHeaders('Subject: [ipo-observer][noc] Acme / HQ:\r\n Trunk 12 red\r\n\talarm'), 'Subject: [ipo-observer][noc] Acme / HQ: Trunk 12 red alarm');
  const sent = new Map([[12, 0]]);
  assert.deepEqual(matchArrivals(sent, [{ at: 5, raw: 'Subject: x: Trunk 12\r\n red alarm\r\n\r\n' }]).latencies, [5]);
});

test('the split at rendering uses the message times the API lists', () => {
  const t0 = Date.parse('2026-11-21T08:00:00.000Z');
  const sent = new Map([[5, t0]]);
  const messages = [
    { subject: 'x: Trunk 5 red alarm', createdAt: '2026-11-21T08:00:00.400Z', sentAt: '2026-11-21T08:00:00.430Z' },
    { subject: 'x: Trunk 6 red alarm', createdAt: '2026-11-21T08:00:00.400Z', sentAt: null },
    { subject: 'digest', createdAt: '2026-11-21T08:00:00.400Z', sentAt: null },
  ];
  assert.deepEqual(splitAtRendering(sent, messages), { toRendered: [400], renderedToSent: [30] });
});
