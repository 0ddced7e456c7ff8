import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseAddress } from './normalise-address.js';

test('IPv4-mapped IPv6, as a dual-stack socket reports it, becomes plain IPv4', () => {
  assert.equal(normaliseAddress('::ffff:10.0.0.1'), '10.0.0.1');
  assert.equal(normaliseAddress('::FFFF:192.0.2.20'), '192.0.2.20');
  assert.equal(normaliseAddress('::ffff:a00:1'), '10.0.0.1');
});

test('IPv6 gets one spelling: lower case, zeros compressed, zone dropped', () => {
  assert.equal(normaliseAddress('2001:DB8:0:0:0:0:0:1'), '2001:db8::1');
  assert.equal(normaliseAddress('fe80::1%eth0'), 'fe80::1');
  assert.equal(normaliseAddress('::1'), '::1');
});

test('IPv4 and non-addresses pass through, trimmed', () => {
  assert.equal(normaliseAddress(' 10.0.0.1 '), '10.0.0.1');
  assert.equal(normaliseAddress('not-an-address'), 'not-an-address');
});
