import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nanoTimestamp, toLine } from './line-protocol.js';

test('nanosecond timestamps: the millisecond plus a unique part, as a string', () => {
  assert.equal(nanoTimestamp(1_700_000_000_123, 42), '1700000000123000042');
  assert.equal(nanoTimestamp(1_700_000_000_123, 1_000_042), '1700000000123000042', 'wraps at a million');
  assert.equal(nanoTimestamp(1_700_000_000_123), '1700000000123000000');
});

test('typed fields, escaped tags, no empty tags or null fields, strings on one line', () => {
  const line = toLine('event', {
    at: 1_700_000_000_000,
    uniquifier: 7,
    tags: { customer: 'acme corp', site: 'a,b', node: 'x=y', source: 'syslog', category: 'Trunk lines', severity: 'major', code: '' },
    fields: { count: 1, raises_alarm: true, event_id: 7, alarm_id: null, text: 'line one\r\nline "two" \\ end' },
  });
  assert.equal(
    line,
    'ipo_event,category=Trunk\\ lines,customer=acme\\ corp,node=x\\=y,severity=major,site=a\\,b,source=syslog count=1i,event_id=7i,raises_alarm=T,text="line one line \\"two\\" \\\\ end" 1700000000000000007',
  );
});

test('a point without fields is no line', () => {
  assert.equal(toLine('licence', { at: 1, tags: { node: 'n' }, fields: { days_remaining: null } }), null);
});

test('non-finite numbers are left out rather than refused', () => {
  assert.equal(toLine('qosCall', { at: 1, tags: {}, fields: { jitter_ms: Number.NaN, mos: 4.2 } }), 'ipo_qos_call mos=4.2 1000000');
});
