import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRfc5424, readStructuredData } from './parse-rfc5424.js';

test('readStructuredData reads elements, params in order (names may repeat) and the three escapes', () => {
  assert.deepEqual(readStructuredData('[a x="1" x="2"][b@6889 q="\\"\\\\\\]\\n"] rest'), {
    elements: [
      { id: 'a', params: [['x', '1'], ['x', '2']] },
      { id: 'b@6889', params: [['q', '"\\]\\n']] },
    ],
    length: 36,
  });
});

const malformed = ['[', '[]', '[a', '[a x]', '[a x=1]', '[a x="1]', '[a x="1"', `[${'n'.repeat(33)}]`, '[a  x="1"]', '[a x ="1"]', '[a=b]'];
for (const text of malformed) {
  test(`readStructuredData refuses ${JSON.stringify(text)}`, () => assert.equal(readStructuredData(text), null));
}

test('parseRfc5424 flags header fields longer than the RFC allows, and keeps them', () => {
  const parsed = parseRfc5424(Buffer.from(`<134>1 - host ${'a'.repeat(49)} - - - x`), 0);
  assert.ok(parsed.ok);
  assert.equal(parsed.appName?.length, 49);
  assert.deepEqual(parsed.flags, ['long-header-field']);
});

test('parseRfc5424 keeps the milliseconds of a fractional timestamp and applies its offset', () => {
  const parsed = parseRfc5424(Buffer.from('<134>1 2026-11-21T05:10:17.123456-02:30 host app - - - x'), 0);
  assert.ok(parsed.ok);
  assert.equal(parsed.timestamp, Date.UTC(2026, 10, 21, 7, 40, 17, 123));
});
