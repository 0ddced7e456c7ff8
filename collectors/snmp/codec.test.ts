import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSnmpCodec } from './codec.js';
import { CODEC_REFUSAL_REASONS } from './received-pdu.js';
import { FIXTURE_USER, FIXTURES, fixture } from './testdata/fixtures.js';

const FROM = { address: '127.0.0.1', port: 40000 };
const codec = createSnmpCodec({ communities: ['public'], users: [FIXTURE_USER], engineId: '8000b98380aabbccddeeff0011' });

test('decodes v1, v2c and v3 authPriv traps and a v2c inform, with version, kind and credentials', () => {
  const v2c = codec.decode(fixture('v2c-trunk-failure'), FROM);
  assert.equal(v2c.ok, true);
  assert.ok(v2c.ok === true);
  assert.equal(v2c.pdu.version, 'v2c');
  assert.equal(v2c.pdu.kind, 'trap');
  assert.equal(v2c.pdu.community, 'public');
  assert.equal(v2c.replies.length, 0);
  assert.equal(v2c.pdu.varbinds[1]?.value, '1.3.6.1.4.1.6889.2.2.1.2.0.50');

  const v1 = codec.decode(fixture('v1-trunk-failure'), FROM);
  assert.ok(v1.ok === true);
  assert.equal(v1.pdu.version, 'v1');
  assert.deepEqual(v1.pdu.v1, { enterprise: '1.3.6.1.4.1.6889.2.2.1.2', agentAddr: '192.0.2.10', generic: 6, specific: 50, upTime: 12345 });

  const v3 = codec.decode(fixture('v3-authpriv-trunk-failure'), FROM);
  assert.ok(v3.ok === true, JSON.stringify(v3));
  assert.equal(v3.pdu.version, 'v3');
  assert.equal(v3.pdu.user, 'ipotrap');
  assert.equal(v3.pdu.securityEngineId, '80001f8880c0ffee0001');
  assert.equal(v3.pdu.community, undefined);

  const inform = codec.decode(fixture('v2c-inform-trunk-failure'), FROM);
  assert.ok(inform.ok === true);
  assert.equal(inform.pdu.kind, 'inform');
  assert.equal(inform.replies.length, 1, 'the acknowledgement (a Response PDU) is returned, not sent');
  assert.equal(inform.replies[0]![0], 0x30);
  assert.equal(codec.engineId(), '8000b98380aabbccddeeff0011');
});

test('wrong community, unknown user and wrong keys are refused by reason', () => {
  const strict = createSnmpCodec({ communities: ['private'], users: [], engineId: null });
  assert.deepEqual(pick(strict.decode(fixture('v2c-trunk-failure'), FROM)), { ok: false, reason: 'unknown-community' });
  assert.deepEqual(pick(strict.decode(fixture('v3-authpriv-trunk-failure'), FROM)), { ok: false, reason: 'unknown-user' });
  const wrongAuth = createSnmpCodec({ communities: [], users: [{ ...FIXTURE_USER, authKey: 'not-the-key' }], engineId: null });
  assert.deepEqual(pick(wrongAuth.decode(fixture('v3-authpriv-trunk-failure'), FROM)), { ok: false, reason: 'wrong-auth' });
  const wrongPriv = createSnmpCodec({ communities: [], users: [{ ...FIXTURE_USER, privKey: 'not-the-key' }], engineId: null });
  assert.deepEqual(pick(wrongPriv.decode(fixture('v3-authpriv-trunk-failure'), FROM)), { ok: false, reason: 'wrong-priv' });
  const noPriv = createSnmpCodec({ communities: [], users: [{ ...FIXTURE_USER, level: 'authNoPriv' }], engineId: null });
  assert.equal(noPriv.decode(fixture('v3-authpriv-trunk-failure'), FROM).ok, false);
});

test('truncated packets are refused, never thrown: every cut of every fixture', () => {
  for (const name of FIXTURES) {
    const bytes = fixture(name);
    for (let length = 0; length < bytes.length; length++) {
      const result = codec.decode(bytes.subarray(0, length), FROM);
      assert.equal(result.ok, false, `${name} cut at ${length} should be refused`);
      assert.ok(result.ok === false && CODEC_REFUSAL_REASONS.includes(result.reason));
    }
  }
});

test('bit flips and random bytes never throw; every result is a decode or a coded refusal', () => {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const seen = new Set<string>();
  for (let i = 0; i < 3000; i++) {
    const base = Buffer.from(fixture(FIXTURES[i % FIXTURES.length]!));
    const flips = 1 + Math.floor(random() * 4);
    for (let f = 0; f < flips; f++) {
      const at = Math.floor(random() * base.length);
      base[at] = base[at]! ^ (1 << Math.floor(random() * 8));
    }
    const result = codec.decode(base, FROM);
    seen.add(result.ok === true ? 'ok' : result.ok === false ? result.reason : 'discovery');
    if (result.ok === false) assert.ok(CODEC_REFUSAL_REASONS.includes(result.reason), result.reason);
  }
  for (let i = 0; i < 500; i++) {
    const junk = Buffer.from(Array.from({ length: Math.floor(random() * 600) }, () => Math.floor(random() * 256)));
    const result = codec.decode(junk, FROM);
    assert.equal(result.ok, false);
  }
  assert.ok(seen.has('malformed'), [...seen].join(','));
});

test('BER framing is checked before net-snmp reads it: lengths, trailing bytes, indefinite form, nesting', () => {
  assert.deepEqual(pick(codec.decode(Buffer.from('3084ffffffff020101', 'hex'), FROM)), { ok: false, reason: 'truncated' });
  assert.deepEqual(pick(codec.decode(Buffer.concat([fixture('v2c-trunk-failure'), Buffer.from([0])]), FROM)), { ok: false, reason: 'malformed' });
  assert.deepEqual(pick(codec.decode(Buffer.from('3080020101', 'hex'), FROM)), { ok: false, reason: 'malformed' });
  assert.deepEqual(pick(codec.decode(Buffer.from('3003300130', 'hex'), FROM)), { ok: false, reason: 'truncated' });
  assert.deepEqual(pick(codec.decode(Buffer.from('0401ff', 'hex'), FROM)), { ok: false, reason: 'malformed' });
  assert.deepEqual(pick(codec.decode(Buffer.from('30'.repeat(40).match(/../g)!.map((_, i, all) => '30' + (2 * (all.length - i - 1)).toString(16).padStart(2, '0')).join(''), 'hex'), FROM)), { ok: false, reason: 'malformed' });
  assert.deepEqual(pick(codec.decode(Buffer.alloc(0), FROM)), { ok: false, reason: 'truncated' });
});

function pick(result: ReturnType<typeof codec.decode>) {
  return result.ok === false ? { ok: false, reason: result.reason } : { ok: result.ok };
}
