import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeTempDir } from '../test/helpers/temp-dir.js';
import { catalogueEntries, findNotification } from './catalogue.js';
import { APP_EVENT, EVENT_REASON, enumName } from './ipo-enums.js';
import { IPO_GT_OBJECTS, IPO_NOTIFICATIONS, NOTIFICATION_ROLES } from './ipo-mib.js';
import { PHONE_TYPE } from './ipo-phones-mib.js';
import { loadMibFolder } from './mib-folder.js';
import { builtInOidNames } from './oid-names.js';

test('every IPO-MIB notification 1–58 is in the catalogue, in order, under 1.3.6.1.4.1.6889.2.2.1.2.0.N', () => {
  assert.deepEqual(IPO_NOTIFICATIONS.map((def) => def.n), Array.from({ length: 58 }, (_, i) => i + 1));
  for (const def of IPO_NOTIFICATIONS) {
    assert.equal(def.oid, `1.3.6.1.4.1.6889.2.2.1.2.0.${def.n}`);
    assert.ok(NOTIFICATION_ROLES.includes(def.role), def.name);
    assert.equal(findNotification(def.oid)?.name, def.name);
  }
  assert.equal(new Set(IPO_NOTIFICATIONS.map((def) => def.name)).size, 58, 'names are unique');
  assert.equal(findNotification('1.3.6.1.4.1.6889.2.2.1.2.0.36')?.name, 'ipoGenQoSMonSvcEvent');
  assert.equal(findNotification('1.3.6.1.4.1.6889.2.2.1.1.1.0.2')?.name, 'ipoPhonesChangeSvcEvent');
  assert.equal(findNotification('1.3.6.1.4.1.6889.2.2.1.2.0.59'), null);
});

test('every Failure has exactly one Operational of the same family, and every family with an Operational has a Failure', () => {
  const families = new Map<string, string[]>();
  for (const def of catalogueEntries()) families.set(def.family, [...(families.get(def.family) ?? []), def.role]);
  for (const [family, roles] of families) {
    const failures = roles.filter((role) => role === 'failure').length;
    const operationals = roles.filter((role) => role === 'operational').length;
    assert.equal(failures, operationals, `family ${family}: ${roles.join(', ')}`);
  }
  for (const family of ['entity', 'lks', 'app', 'config', 'service', 'trunk', 'link', 'if-link']) assert.ok(families.get(family)?.includes('failure'), family);
});

test('the current events (15–58) carry StdSeverity, DateTime, DevID and sysDescr; the deprecated (1–14) the old severity', () => {
  for (const def of IPO_NOTIFICATIONS) {
    if (def.n >= 15) assert.deepEqual(def.varbinds.slice(0, 4), ['ipoGTEventStdSeverity', 'ipoGTEventDateTime', 'ipoGTEventDevID', 'sysDescr'], def.name);
    else assert.equal(def.varbinds[0], 'ipoGTEventSeverity', def.name);
    assert.equal(def.deprecated, def.n <= 14);
  }
});

test('every varbind a notification names is a known object', () => {
  const known = new Set([...IPO_GT_OBJECTS.map((def) => def.name), 'sysDescr', 'ifIndex', 'ifAdminStatus', 'ifOperStatus', 'ipoPhonesExtID', 'ipoPhonesType', 'ipoPhonesPort']);
  for (const def of catalogueEntries()) for (const name of def.varbinds) assert.ok(known.has(name), `${def.name}: ${name}`);
  assert.deepEqual(IPO_GT_OBJECTS.map((def) => def.n), Array.from({ length: 27 }, (_, i) => i + 1));
});

test('enumerations: 79 reasons, 73 application events, 170 phone types; unknown values are kept as unknown(n)', () => {
  assert.equal(Object.keys(EVENT_REASON).length, 79);
  assert.equal(EVENT_REASON[20], 'trunkRedAlarm');
  assert.equal(EVENT_REASON[79], 'trunkMediaSecuritySettingsIncompatible');
  assert.equal(Object.keys(APP_EVENT).length, 73);
  assert.equal(APP_EVENT[3], 'storageOkay');
  assert.equal(Object.keys(PHONE_TYPE).length, 170);
  assert.equal(PHONE_TYPE[111], 'a9611ip');
  assert.equal(enumName(EVENT_REASON, 200), 'unknown(200)');
});

test('mibs/README.md documents every notification', () => {
  const readme = readFileSync(new URL('README.md', import.meta.url), 'utf8');
  for (const def of catalogueEntries()) assert.ok(readme.includes(def.name), `README.md should mention ${def.name}`);
});

test('OID names resolve by longest prefix, so instances and table cells get names', () => {
  const names = builtInOidNames();
  assert.equal(names.format('1.3.6.1.2.1.1.3.0'), 'SNMPv2-MIB::sysUpTime.0');
  assert.equal(names.format('1.3.6.1.4.1.6889.2.2.1.2.1.10'), 'IPO-MIB::ipoGTEventDevID');
  assert.equal(names.format('1.3.6.1.4.1.6889.2.2.1.1.1.1.1.2.1.3.7'), 'IPO-PHONES-MIB::ipoPhonesExtNumber.7');
  assert.equal(names.objectName('1.3.6.1.4.1.6889.2.2.1.2.1.24.0'), 'ipoGTEventReason');
  assert.equal(names.format('1.3.6.1.4.1.6889.9.9'), 'AVAYAGEN-MIB::avaya.9.9');
  assert.equal(names.format('1.2.3'), '1.2.3');
});

test('a MIB folder is loaded with net-snmp whatever the file order, and its names resolve instances', (t) => {
  const dir = makeTempDir();
  t.after(() => dir.remove());
  const shipped = new URL('../node_modules/net-snmp/lib/mibs/', import.meta.url);
  // "A-" sorts first, so the first pass fails on the missing IANAifType-MIB import and a retry is needed.
  copyFileSync(new URL('IF-MIB.mib', shipped), join(dir.path, 'A-IF-MIB.mib'));
  copyFileSync(new URL('IANAifType-MIB.mib', shipped), join(dir.path, 'IANAifType-MIB.mib'));
  const loaded = loadMibFolder(dir.path);
  assert.deepEqual(loaded.failed, []);
  assert.ok(loaded.modules.includes('IF-MIB'), loaded.modules.join(','));
  const names = builtInOidNames();
  for (const [oid, name] of loaded.names) names.add(oid, name);
  assert.equal(names.format('1.3.6.1.2.1.2.2.1.8.3'), 'IF-MIB::ifOperStatus.3');
  assert.equal(names.format('1.3.6.1.6.3.1.1.5.3'), 'SNMPv2-MIB::linkDown', 'built-in names win over a loaded module');
});
