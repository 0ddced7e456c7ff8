import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { catalogueEntries } from '../../mibs/catalogue.js';
import { IPO_GT_OBJECTS } from '../../mibs/ipo-mib.js';
import { builtInOidNames } from '../../mibs/oid-names.js';
import { SNMP_TRAP_OID, SYS_UP_TIME } from '../../mibs/standard-oids.js';
import { fuzz } from '../../test/helpers/fuzz.js';
import { mapNotification } from './map.js';
import { toNotification } from './notification.js';
import type { RawVarbind, ReceivedPdu } from './received-pdu.js';
import { dateAndTime, scalarOf, textOrHex } from './varbind-value.js';

const names = builtInOidNames();
const TRAP_OIDS = catalogueEntries().map((entry) => entry.oid);
const oid = fc.oneof(
  fc.constantFrom(...IPO_GT_OBJECTS.map((def) => `${def.oid}.0`), ...IPO_GT_OBJECTS.map((def) => def.oid), SYS_UP_TIME, SNMP_TRAP_OID, '1.3.6.1.2.1.2.2.1.1.7', '1.3.6.1.2.1.1.1.0'),
  fc.array(fc.nat(), { minLength: 1, maxLength: 10 }).map((arcs) => `1.3.${arcs.join('.')}`),
);
// What net-snmp may hand us: numbers of any size, strings, Buffers, bigints, null, booleans.
const value = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.uint8Array({ maxLength: 16 }).map((b) => Buffer.from(b)),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  fc.constantFrom(null, undefined, true, false),
);
const rawVarbind: fc.Arbitrary<RawVarbind> = fc.record({ oid, type: fc.oneof(fc.constantFrom(2, 4, 5, 6, 64, 65, 66, 67, 68, 70, 128, 129, 130), fc.nat({ max: 255 })), value });

const receipt = {
  receivedAt: Date.UTC(2026, 10, 21, 4, 20),
  sourceAddress: '192.0.2.10',
  udpSource: '192.0.2.10',
  identityVia: 'udp-source' as const,
  nodeId: 'hq',
  version: 'v2c' as const,
  kind: 'trap' as const,
  names,
  raw: Buffer.from([0x30, 0x00]),
};

test('fuzz: any varbinds under any notification (catalogued or not) map to a serialisable event', () => {
  fuzz(3000, [fc.oneof(fc.constantFrom(...TRAP_OIDS), oid), fc.array(rawVarbind, { maxLength: 20 }), fc.option(fc.integer(), { nil: null })], (trapOid, varbinds, upTime) => {
    const event = mapNotification({ trapOid, upTime, varbinds }, receipt);
    assert.equal(typeof event.code, 'string');
    assert.equal(typeof event.text, 'string');
    assert.ok(Object.keys(event.attributes).length >= varbinds.length, 'every varbind is kept as an attribute');
    JSON.stringify(event);
  });
});

test('fuzz: huge varbind counts map in bounded time (a repeated object once made mapping quadratic)', () => {
  fuzz(20, [fc.integer({ min: 1000, max: 6000 }), rawVarbind], (count, vb) => {
    const event = mapNotification({ trapOid: TRAP_OIDS[0]!, upTime: 1, varbinds: Array.from({ length: count }, () => vb) }, receipt);
    assert.ok(Object.keys(event.attributes).length >= count);
  }, { maxRuns: 200 });
});

test('fuzz: toNotification turns any v1 or v2 PDU into a notification or refuses it as no-trap-oid', () => {
  const v1 = fc.record({ enterprise: fc.oneof(oid, fc.string()), agentAddr: fc.string(), generic: fc.integer(), specific: fc.integer(), upTime: fc.double() });
  const pdu = fc.record({ version: fc.constantFrom('v1' as const, 'v2c' as const, 'v3' as const), kind: fc.constantFrom('trap' as const, 'inform' as const), varbinds: fc.array(rawVarbind, { maxLength: 8 }), v1: fc.option(v1, { nil: undefined }) });
  fuzz(2000, [pdu], (p) => {
    const result = toNotification(p as ReceivedPdu);
    if (!result.ok) assert.equal(result.reason, 'no-trap-oid');
    else assert.equal(typeof result.notification.trapOid, 'string');
  });
});

test('fuzz: scalarOf, textOrHex and dateAndTime read any value without throwing', () => {
  fuzz(3000, [rawVarbind, fc.uint8Array({ maxLength: 16 })], (vb, bytes) => {
    const scalar = scalarOf(vb);
    assert.ok(scalar === null || ['string', 'number', 'boolean'].includes(typeof scalar));
    assert.equal(typeof textOrHex(Buffer.from(bytes)), 'string');
    const date = dateAndTime(Buffer.from(bytes));
    if (date) assert.ok(date.epochMs === null || Number.isFinite(date.epochMs));
  });
});

test('fuzz: DateAndTime with a UTC offset round-trips to the instant it encodes', () => {
  fuzz(2000, [fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), fc.integer({ min: -13 * 60, max: 13 * 60 })], (at, offsetMinutes) => {
    const tenths = Math.floor(at / 100) * 100;
    const local = new Date(tenths + offsetMinutes * 60_000);
    const abs = Math.abs(offsetMinutes);
    const bytes = Buffer.alloc(11);
    bytes.writeUInt16BE(local.getUTCFullYear(), 0);
    bytes.set([local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds() / 100, offsetMinutes < 0 ? 0x2d : 0x2b, Math.floor(abs / 60), abs % 60], 2);
    assert.equal(dateAndTime(bytes)?.epochMs, tenths);
  });
});
