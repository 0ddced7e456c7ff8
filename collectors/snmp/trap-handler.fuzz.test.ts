import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import fc from 'fast-check';
import { pino } from 'pino';
import { catalogueEntries } from '../../mibs/catalogue.js';
import { IPO_GT_OBJECTS } from '../../mibs/ipo-mib.js';
import { builtInOidNames } from '../../mibs/oid-names.js';
import { SNMP_TRAP_ADDRESS, SNMP_TRAP_OID, SYS_UP_TIME } from '../../mibs/standard-oids.js';
import { createFakeContext, fleetWith } from '../../test/fakes/collector-context.js';
import { bounded, fuzz, mutated, total } from '../../test/helpers/fuzz.js';
import { ACCESS_REFUSAL_REASONS, SnmpAccess } from './access.js';
import { AddressWatch } from './address-watch.js';
import { checkBer, maskCommunity } from './ber-check.js';
import { createSnmpCodec } from './codec.js';
import { NOTIFICATION_REFUSAL_REASONS } from './notification.js';
import { CODEC_REFUSAL_REASONS } from './received-pdu.js';
import { createTrapHandler } from './trap-handler.js';
import { FIXTURE_USER, FIXTURES, fixture } from './testdata/fixtures.js';
import { oidContent, TAG, v1Message, v2cMessage, varbind } from './testdata/build-ber.js';

const COMMUNITY = 'fuzz-community-7f3a';
const CODEC_REASONS: readonly string[] = CODEC_REFUSAL_REASONS;
const HANDLER_REASONS = new Set<string>([...CODEC_REFUSAL_REASONS, ...NOTIFICATION_REFUSAL_REASONS, ...ACCESS_REFUSAL_REASONS]);

const codec = createSnmpCodec({ communities: ['public', COMMUNITY], users: [FIXTURE_USER], engineId: null });

// --- Structure-aware messages: valid BER around contents that may be anything. ---

const TRAP_OIDS = catalogueEntries().map((entry) => entry.oid);
const OBJECT_OIDS = [...IPO_GT_OBJECTS.map((def) => `${def.oid}.0`), SYS_UP_TIME, SNMP_TRAP_ADDRESS, '1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.2.2.1.1.3'];
const VALUE_TAGS = Object.values(TAG).filter((tag) => tag !== TAG.trapV1 && tag !== TAG.trapV2 && tag !== TAG.informRequest);
const anyOid = fc.oneof(
  fc.constantFrom(...OBJECT_OIDS),
  fc.array(fc.nat({ max: 2 ** 32 - 1 }), { minLength: 1, maxLength: 12 }).map((arcs) => `1.3.${arcs.join('.')}`),
);
// A value whose content may not fit its tag: 9-byte integers, 3-byte IP addresses, DateAndTime of any length.
const value = fc.oneof(
  fc.record({ tag: fc.constantFrom(...VALUE_TAGS), content: fc.uint8Array({ maxLength: 24 }) }),
  fc.record({ tag: fc.constant<number>(TAG.integer), content: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((n) => Buffer.from(new Int32Array([n]).buffer).reverse()) }),
  fc.record({ tag: fc.constant<number>(TAG.octetString), content: fc.string({ maxLength: 40 }).map((s) => Buffer.from(s)) }),
  fc.record({ tag: fc.constant<number>(TAG.oid), content: anyOid.map(oidContent) }),
);
const varbinds = fc.array(fc.tuple(anyOid, value).map(([name, v]) => varbind(name, v.tag, v.content)), { maxLength: 12 });
const trapHead = fc.constantFrom(...TRAP_OIDS).map((trapOid) => [varbind(SYS_UP_TIME, TAG.timeTicks, Buffer.from([1, 2, 3])), varbind(SNMP_TRAP_OID, TAG.oid, oidContent(trapOid))]);

const v2c = fc
  .tuple(fc.constantFrom(COMMUNITY, 'public', 'wrong'), trapHead, varbinds, fc.constantFrom<number>(TAG.trapV2, TAG.informRequest), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }))
  .map(([community, head, rest, pduTag, requestId]) => v2cMessage(community, [...head, ...rest], { pduTag, requestId }));
const v1 = fc
  .tuple(fc.constantFrom(...TRAP_OIDS.map((o) => o.split('.').slice(0, -2).join('.'))), fc.uint8Array({ minLength: 0, maxLength: 6 }), fc.integer({ min: -1, max: 8 }), fc.integer({ min: -5, max: 200 }), fc.nat(), varbinds)
  .map(([enterprise, agentAddr, generic, specific, upTime, rest]) => v1Message(COMMUNITY, { enterprise, agentAddr, generic, specific, upTime }, rest));
const captured = fc.constantFrom(...FIXTURES).map((name) => fixture(name));
const message = fc.oneof(v2c, v1, captured);
const datagram: fc.Arbitrary<Buffer> = fc.oneof({ weight: 3, arbitrary: mutated(message) }, { weight: 2, arbitrary: message }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) });

test('fuzz: checkBer never throws, and refuses with truncated or malformed', () => {
  fuzz(3000, [fc.oneof(fc.uint8Array({ maxLength: 300 }), mutated(message))], (bytes) => {
    const result = checkBer(bytes);
    if (!result.ok) assert.ok(result.reason === 'truncated' || result.reason === 'malformed');
    const masked = maskCommunity(bytes);
    assert.equal(masked.length, bytes.length, 'masking keeps the length, so the BER stays valid');
  });
});

test('fuzz: the codec (BER check, then net-snmp) decodes or refuses any datagram with a documented reason', () => {
  fuzz(2000, [datagram], (bytes) => {
    const result = codec.decode(bytes, { address: '192.0.2.10', port: 40000 });
    if (result.ok === false) assert.ok(CODEC_REASONS.includes(result.reason), `undocumented reason ${result.reason}`);
    if (result.ok === true) assert.ok(Array.isArray(result.pdu.varbinds));
  });
});

test('fuzz: a v2c trap of any varbinds decodes to those varbinds, in order', () => {
  fuzz(1000, [fc.array(fc.tuple(anyOid, fc.string({ maxLength: 30 })), { maxLength: 10 })], (pairs) => {
    const bytes = v2cMessage(COMMUNITY, pairs.map(([name, text]) => varbind(name, TAG.octetString, Buffer.from(text))));
    const result = codec.decode(bytes, { address: '192.0.2.10', port: 40000 });
    assert.equal(result.ok, true);
    if (result.ok !== true) return;
    assert.deepEqual(result.pdu.varbinds.map((vb) => [vb.oid, Buffer.from(vb.value as Buffer).toString()]), pairs);
    assert.equal(result.pdu.community, COMMUNITY);
  });
});

function handlerSetup() {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
  const fake = createFakeContext({ log, fleet: fleetWith([{ id: 'hq', name: 'HQ', role: 'primary', addresses: ['192.0.2.10'], deviceId: 'IPO0000001', snmp: { communities: [COMMUNITY] } }]) });
  const access = new SnmpAccess(fake.ctx.fleet, { communities: ['public', COMMUNITY] });
  const handle = createTrapHandler({ codec: createSnmpCodec({ communities: access.allCommunities(), users: [FIXTURE_USER], engineId: null }), access, addressWatch: new AddressWatch(), names: builtInOidNames }, fake.ctx);
  return { fake, handle, lines };
}

test('fuzz: the trap handler counts every datagram as an event, a reply-only discovery or a refusal with a documented reason', () => {
  fuzz(300, [fc.array(datagram, { minLength: 1, maxLength: 10 })], (datagrams) => {
    const { fake, handle, lines } = handlerSetup();
    // A node seen at a new address adds a warning event of its own; every datagram is one trap event, one refusal, or a
    // v3 discovery answered with a report and nothing else.
    const outcomes = () => fake.events.filter((e) => e.code !== 'snmp.node-address-changed').length + total(fake.counters.refused);
    for (const bytes of datagrams) {
      const before = outcomes();
      let replies = 0;
      bounded(() => handle(bytes, { address: '192.0.2.10', port: 40000 }, () => void replies++));
      const added = outcomes() - before;
      assert.ok(added === 1 || (added === 0 && replies > 0), `a datagram gave ${added} events and refusals and ${replies} replies`);
    }
    assert.equal(fake.counters.received, datagrams.length);
    for (const reason of Object.keys(fake.counters.refused)) assert.ok(HANDLER_REASONS.has(reason), `refusal reason "${reason}" is not documented (internal-error is a bug)`);
    for (const event of fake.events) JSON.stringify(event);
    const log = lines.join('');
    assert.ok(!log.includes(COMMUNITY) && !log.includes(Buffer.from(COMMUNITY).toString('hex')), 'the community never reaches the log, as text or hex');
  }, { maxRuns: 3000 });
});
