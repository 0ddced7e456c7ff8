import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSourceAllowlist, isAddressOrCidr, PrefixMap } from './address-prefix.js';

test('isAddressOrCidr accepts addresses and CIDR blocks of both families, and nothing else', () => {
  for (const ok of ['10.0.0.1', '10.0.0.0/8', '0.0.0.0/0', '192.0.2.10/32', '::1', '2001:db8::/32', '::/0', '::ffff:10.0.0.1', 'fe80::1/128']) assert.ok(isAddressOrCidr(ok), ok);
  for (const bad of ['', 'ipo-hq', '10.0.0.0/33', '2001:db8::/129', '10.0.0.1/8/8', '10.0.0/8', '10.0.0.1/x', '300.1.1.1']) assert.equal(isAddressOrCidr(bad), false, bad);
});

test('an empty allowlist allows everyone', () => {
  assert.equal(createSourceAllowlist([])('203.0.113.9'), true);
});

test('addresses and blocks match their own family, with IPv4-mapped IPv6 read as IPv4', () => {
  const allowed = createSourceAllowlist(['10.0.0.0/8', '192.0.2.10', '2001:db8:1::/48']);
  const expectations: Array<[string, boolean]> = [
    ['10.1.2.3', true],
    ['::ffff:10.1.2.3', true],
    ['11.0.0.1', false],
    ['192.0.2.10', true],
    ['192.0.2.11', false],
    ['2001:db8:1:ffff::5', true],
    ['2001:DB8:1::5', true],
    ['2001:db8:2::5', false],
    ['::1', false],
    ['not an address', false],
  ];
  for (const [address, expected] of expectations) {
    assert.equal(allowed(address), expected, address);
    assert.equal(allowed(address), expected, `${address} (cached)`);
  }
});

test('PrefixMap picks the longest matching prefix, for IPv4 and IPv6, and normalises mapped addresses', () => {
  const map = new PrefixMap([
    { prefix: '10.0.0.0/8', target: 'region' },
    { prefix: '10.1.0.0/16', target: 'site' },
    { prefix: '10.1.2.3', target: 'node' },
    { prefix: '2001:db8::/32', target: 'v6' },
  ]);
  assert.equal(map.lookup('10.1.2.3'), 'node');
  assert.equal(map.lookup('10.1.9.9'), 'site');
  assert.equal(map.lookup('::ffff:10.200.0.1'), 'region');
  assert.equal(map.lookup('2001:db8:1::5'), 'v6');
  assert.equal(map.lookup('192.0.2.1'), undefined);
  assert.equal(map.size, 4);
});
