import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtInOidNames } from '../../mibs/oid-names.js';
import { createFakeContext, fleetWith } from '../../test/fakes/collector-context.js';
import { createSourceRateLimiter, rateLimitSchema, SOURCE_STORM_CODE } from '../shared/source-rate-limit.js';
import { SnmpAccess } from './access.js';
import { AddressWatch } from './address-watch.js';
import { createSnmpCodec } from './codec.js';
import { createKeyCacheBound } from './key-cache-bound.js';
import { FIXTURE_USER, fixture } from './testdata/fixtures.js';
import { createTrapHandler } from './trap-handler.js';

test('traps over the per-sender rate limit are dropped before decoding (rate-limited), with one storm alarm on the node', () => {
  const fake = createFakeContext({ fleet: fleetWith([{ id: 'hq', name: 'HQ', role: 'primary', addresses: ['192.0.2.10'] }]) });
  const dropped: Record<string, number> = {};
  fake.ctx.metrics = { ...fake.ctx.metrics, dropped: (reason, n = 1) => void (dropped[reason] = (dropped[reason] ?? 0) + n) };
  const access = new SnmpAccess(fake.ctx.fleet, { communities: ['public'] });
  const codec = createSnmpCodec({ communities: access.allCommunities(), users: [FIXTURE_USER], engineId: null });
  const rateLimiter = createSourceRateLimiter(rateLimitSchema.parse({ perSourcePerSecond: 1, burst: 3 }), { collector: 'snmp', source: 'snmp', clock: fake.ctx.clock, emit: (event) => void fake.ctx.emit(event) });
  const handle = createTrapHandler({ codec, access, addressWatch: new AddressWatch(), names: builtInOidNames, rateLimiter }, fake.ctx);
  for (let i = 0; i < 10; i += 1) handle(fixture('v2c-trunk-failure'), { address: '192.0.2.10', port: 40000 }, () => assert.fail('traps need no reply'));
  assert.equal(fake.counters.received, 10);
  assert.deepEqual(dropped, { 'rate-limited': 7 });
  assert.equal(fake.events.filter((e) => e.code === 'snmp.ipo.trunk').length, 3);
  const storms = fake.events.filter((e) => e.code === SOURCE_STORM_CODE);
  assert.deepEqual(storms.map((e) => [e.sourceAddress, e.severity, e.collector]), [['192.0.2.10', 'minor', 'snmp']]);
});

test("net-snmp's v3 key cache is emptied past its bound, checked every 1024 datagrams", () => {
  const owner = { authToKeyCache: {} as Record<string, Buffer> };
  const check = createKeyCacheBound(100, owner);
  for (let i = 0; i < 500; i += 1) owner.authToKeyCache[`sha-password-engine${i}`] = Buffer.alloc(20);
  const emptied = Array.from({ length: 2048 }, () => check()).filter(Boolean).length;
  assert.equal(emptied, 1);
  assert.deepEqual(owner.authToKeyCache, {});
  for (let i = 0; i < 50; i += 1) owner.authToKeyCache[`k${i}`] = Buffer.alloc(20);
  assert.equal(Array.from({ length: 1024 }, () => check()).filter(Boolean).length, 0, 'under the bound it is kept');
  assert.equal(Object.keys(owner.authToKeyCache).length, 50);
});

test('the bound applies to the real net-snmp module', async () => {
  const snmp = (await import('net-snmp')).default as unknown as {
    AuthProtocols: { sha: unknown };
    Authentication: { authToKeyCache: Record<string, Buffer>; passwordToKey(p: unknown, pw: string, e: Buffer): Buffer };
  };
  const check = createKeyCacheBound(10);
  for (let i = 0; i < 20; i += 1) snmp.Authentication.passwordToKey(snmp.AuthProtocols.sha, 'maplesyrup', Buffer.from(`engine-${i}`));
  assert.ok(Object.keys(snmp.Authentication.authToKeyCache).length >= 20, 'net-snmp caches one key per engine id');
  for (let i = 0; i < 1024; i += 1) check();
  assert.deepEqual(Object.keys(snmp.Authentication.authToKeyCache), []);
});
