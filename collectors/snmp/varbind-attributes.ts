import { enumName, LOOPBACK_STATUS_BITS } from '../../mibs/ipo-enums.js';
import { IPO_GT_OBJECTS, type ObjectDef } from '../../mibs/ipo-mib.js';
import { PHONE_TYPE } from '../../mibs/ipo-phones-mib.js';
import type { OidNames } from '../../mibs/oid-names.js';
import type { Attributes } from '../../src/events/fleet-event.js';
import type { RawVarbind } from './received-pdu.js';
import { dateAndTime, scalarOf } from './varbind-value.js';

const IPO_OBJECT_BY_NAME = new Map(IPO_GT_OBJECTS.map((def) => [def.name, def]));

/** Attribute names for the non-IPO-MIB objects the mapper reads by name. */
const KNOWN_ATTRIBUTES: Readonly<Record<string, string>> = {
  sysDescr: 'sysDescr',
  ifIndex: 'ifIndex',
  snmpTrapAddress: 'snmpTrapAddress',
  snmpTrapEnterprise: 'snmpTrapEnterprise',
  ipoPhonesExtID: 'phoneExtId',
  ipoPhonesType: 'phoneType',
  ipoPhonesPort: 'phonePort',
};

export interface ReadVarbinds {
  attributes: Attributes;
  /** Varbinds by object name (first of each), for the mapper's logic. */
  byName: Map<string, RawVarbind>;
  /** Epoch ms from ipoGTEventDateTime when it carries a UTC offset. */
  occurredAt: number | null;
}

/**
 * Every varbind becomes an attribute, never dropped: IPO-MIB objects under
 * their documented attribute names (enumerations as the value's name plus
 * `<name>Code` with the number, so an unknown value is still kept as
 * `unknown(<n>)` and its number), other known objects under their object
 * name (with the instance when it is not .0), unknown OIDs under the OID.
 * Pure.
 */
export function readVarbinds(varbinds: readonly RawVarbind[], names: OidNames): ReadVarbinds {
  const attributes: Attributes = {};
  const byName = new Map<string, RawVarbind>();
  let occurredAt: number | null = null;
  // Repeats get "#2", "#3"…; the next suffix is remembered per key, so thousands of repeats stay linear.
  const nextSuffix = new Map<string, number>();
  const put = (key: string, value: Attributes[string]) => {
    let unique = key;
    let i = nextSuffix.get(key) ?? 2;
    for (; unique in attributes; i++) unique = `${key}#${i}`;
    if (unique !== key) nextSuffix.set(key, i);
    attributes[unique] = value;
  };

  for (const vb of varbinds) {
    const found = names.lookup(vb.oid);
    const objectName = found ? found.name.slice(found.name.indexOf('::') + 2) : null;
    if (objectName && !byName.has(objectName)) byName.set(objectName, vb);
    const ipo = objectName ? IPO_OBJECT_BY_NAME.get(objectName) : undefined;
    if (ipo) {
      const dated = readIpoObject(ipo, vb, put);
      if (dated !== null) occurredAt = dated;
      continue;
    }
    if (objectName === 'ipoPhonesType' && typeof vb.value === 'number') {
      put('phoneType', enumName(PHONE_TYPE, vb.value));
      put('phoneTypeCode', vb.value);
      continue;
    }
    const known = objectName ? KNOWN_ATTRIBUTES[objectName] : undefined;
    if (known) put(known, scalarOf(vb));
    else if (objectName && found) put(found.suffix && found.suffix !== '0' ? `${objectName}.${found.suffix}` : objectName, scalarOf(vb));
    else put(vb.oid, scalarOf(vb));
  }
  return { attributes, byName, occurredAt };
}

function readIpoObject(def: ObjectDef, vb: RawVarbind, put: (key: string, value: Attributes[string]) => void): number | null {
  if (def.enum && typeof vb.value === 'number') {
    put(def.attribute, enumName(def.enum, vb.value));
    put(`${def.attribute}Code`, vb.value);
    return null;
  }
  if (def.kind === 'date-and-time' && Buffer.isBuffer(vb.value)) {
    const date = dateAndTime(vb.value);
    put(def.attribute, date ? date.iso : scalarOf(vb));
    return date?.epochMs ?? null;
  }
  if (def.kind === 'bits' && Buffer.isBuffer(vb.value)) {
    put(def.attribute, bitNames(vb.value));
    return null;
  }
  put(def.attribute, scalarOf(vb));
  return null;
}

/** BITS: bit 0 is the high bit of the first octet (RFC 2578 §7.1.4). */
function bitNames(bytes: Buffer): string {
  const set: string[] = [];
  bytes.forEach((byte, i) => {
    for (let bit = 0; bit < 8; bit++) if (byte & (0x80 >> bit)) set.push(enumName(LOOPBACK_STATUS_BITS, i * 8 + bit));
  });
  return set.join(',');
}
