import snmp from 'net-snmp';
import type { CatalogueEntry } from '../../mibs/catalogue.js';
import { APP_ENTITY, APP_EVENT, EVENT_REASON, ITU_SEVERITY, MEMORY_CARD_SLOT, NO_VALID_KEY_REASON, QOS_DEVICE_TYPE, SOG_MODE, type EnumTable } from '../../mibs/ipo-enums.js';
import { IPO_GT_OBJECTS } from '../../mibs/ipo-mib.js';
import { IPO_PHONES_ENTRY_OID, PHONE_TYPE } from '../../mibs/ipo-phones-mib.js';
import { IF_INDEX, SYS_DESCR } from '../../mibs/standard-oids.js';

/** What one trap says, by meaning; every field has a default so any notification of the catalogue can be sent. */
export interface TrapValues {
  /** ITU severity name: cleared, indeterminate, critical, major, minor, warning. */
  severity?: string;
  deviceId: string;
  sysDescr: string;
  at?: Date;
  entityIndex?: number;
  entityName?: string;
  /** ipoGTEventReason name, e.g. trunkRedAlarm. */
  reason?: string;
  data?: string;
  description?: string;
  remedialAction?: string;
  /** voiceMail, deltaServer, customerCallReporter, oneXPortal. */
  appEntity?: string;
  /** ipoGTEventAppEvent name, e.g. storageNearlyFull. */
  appEvent?: string;
  hostAddress?: string;
  sogMode?: string;
  qos?: { jitterMs: number; roundTripMs: number; packetLoss: number; callId: number; deviceType: 'line' | 'extn'; deviceId: number; extension: number };
  shutdownSource?: string;
  shutdownTimeoutMinutes?: number;
  memoryCardSlot?: string;
  noValidKeyReason?: string;
  ifIndex?: number;
  phone?: { extension: number; type: string; port: number };
}

export interface Varbind {
  oid: string;
  type: number;
  value: unknown;
}

const IF_TABLE_ENTRY = '1.3.6.1.2.1.2.2.1';
const OBJECTS = new Map(IPO_GT_OBJECTS.map((def) => [def.name, def]));
const DEPRECATED_SEVERITY_CODE: Record<string, number> = { critical: 1, major: 2, minor: 3, warning: 3, indeterminate: 3, cleared: 3 };
const PHONE_COLUMN: Record<string, number> = { ipoPhonesExtID: 2, ipoPhonesType: 6, ipoPhonesPort: 7 };

/**
 * The varbinds of a notification, in MIB order, as IP Office sends them (net-snmp prepends sysUpTime.0 and
 * snmpTrapOID.0 for v2c). Pure: no socket.
 */
export function trapVarbinds(entry: CatalogueEntry, values: TrapValues): Varbind[] {
  return entry.varbinds.map((name) => varbind(name, values));
}

function varbind(name: string, v: TrapValues): Varbind {
  const T = snmp.ObjectType;
  if (name === 'sysDescr') return { oid: SYS_DESCR, type: T.OctetString, value: v.sysDescr };
  if (name === 'ifIndex') return { oid: `${IF_INDEX}.${v.ifIndex ?? 1}`, type: T.Integer, value: v.ifIndex ?? 1 };
  // IF-MIB ifAdminStatus / ifOperStatus (RFC 2863: 1 up, 2 down) of the same interface, for linkDown/linkUp.
  if (name === 'ifAdminStatus') return { oid: `${IF_TABLE_ENTRY}.7.${v.ifIndex ?? 1}`, type: T.Integer, value: 1 };
  if (name === 'ifOperStatus') return { oid: `${IF_TABLE_ENTRY}.8.${v.ifIndex ?? 1}`, type: T.Integer, value: v.severity === 'cleared' ? 1 : 2 };
  if (name in PHONE_COLUMN) {
    const phone = v.phone ?? { extension: 201, type: 'a9608ip', port: 1 };
    const value = name === 'ipoPhonesExtID' ? phone.extension : name === 'ipoPhonesType' ? codeOf(PHONE_TYPE, phone.type) : phone.port;
    return { oid: `${IPO_PHONES_ENTRY_OID}.${PHONE_COLUMN[name]}.${phone.extension}`, type: name === 'ipoPhonesPort' ? T.Gauge : T.Integer, value };
  }
  const def = OBJECTS.get(name);
  if (!def) throw new Error(`trap varbind ${name} is not in the catalogue`);
  const oid = `${def.oid}.0`;
  switch (name) {
    case 'ipoGTEventSeverity':
      return { oid, type: T.Integer, value: DEPRECATED_SEVERITY_CODE[v.severity ?? 'major'] ?? 2 };
    case 'ipoGTEventStdSeverity':
      return { oid, type: T.Integer, value: codeOf(ITU_SEVERITY, v.severity ?? 'major') };
    case 'ipoGTEventDateTime':
      return { oid, type: T.OctetString, value: dateAndTime(v.at ?? new Date()) };
    case 'ipoGTEventEntity':
      return { oid, type: T.Gauge, value: v.entityIndex ?? 1 };
    case 'ipoGTEventEntityName':
      return { oid, type: T.OctetString, value: v.entityName ?? 'Controller' };
    case 'ipoGTEventLoopbackStatus':
      return { oid, type: T.Integer, value: 2 };
    case 'ipoGTEventLoopbackStatusBits':
      return { oid, type: T.OctetString, value: Buffer.from([0x40]) };
    case 'ipoGTEventAppEntity':
      return { oid, type: T.Integer, value: codeOf(APP_ENTITY, v.appEntity ?? 'voiceMail') };
    case 'ipoGTEventAppEvent':
      return { oid, type: T.Integer, value: codeOf(APP_EVENT, v.appEvent ?? 'storageNearlyFull') };
    case 'ipoGTEventHostAddress':
      return { oid, type: T.IpAddress, value: v.hostAddress ?? '192.0.2.1' };
    case 'ipoGTEventSOGMode':
      return { oid, type: T.Integer, value: codeOf(SOG_MODE, v.sogMode ?? 'survivable') };
    case 'ipoGTEventDevID':
      return { oid, type: T.OctetString, value: v.deviceId };
    case 'ipoGTEventQoSMonDevType':
      return { oid, type: T.Integer, value: codeOf(QOS_DEVICE_TYPE, v.qos?.deviceType ?? 'extn') };
    case 'ipoGTEventSystemShutdownSource':
      return { oid, type: T.OctetString, value: v.shutdownSource ?? 'Manager' };
    case 'ipoGTEventSystemShutdownTimeout':
      return { oid, type: T.Gauge, value: v.shutdownTimeoutMinutes ?? 10 };
    case 'ipoGTEventMemoryCardSlotId':
      return { oid, type: T.Integer, value: codeOf(MEMORY_CARD_SLOT, v.memoryCardSlot ?? 'systemSD') };
    case 'ipoGTEventNoValidKeyReason':
      return { oid, type: T.Integer, value: codeOf(NO_VALID_KEY_REASON, v.noValidKeyReason ?? 'notPresent') };
    case 'ipoGTEventReason':
      return { oid, type: T.Integer, value: codeOf(EVENT_REASON, v.reason ?? 'serviceGeneralAlarm') };
    case 'ipoGTEventData':
      return { oid, type: T.OctetString, value: v.data ?? '' };
    case 'ipoGTEventAlarmDescription':
      return { oid, type: T.OctetString, value: v.description ?? '' };
    case 'ipoGTEventAlarmRemedialAction':
      return { oid, type: T.OctetString, value: v.remedialAction ?? '' };
    default:
      return { oid, type: T.Gauge, value: qosValue(name, v) };
  }
}

function qosValue(name: string, v: TrapValues): number {
  const q = v.qos ?? { jitterMs: 45, roundTripMs: 180, packetLoss: 3, callId: 1, deviceType: 'extn', deviceId: 1, extension: 201 };
  const values: Record<string, number> = {
    ipoGTEventQoSMonJitter: q.jitterMs,
    ipoGTEventQoSMonRndTrip: q.roundTripMs,
    ipoGTEventQoSMonPktLoss: q.packetLoss,
    ipoGTEventQoSMonCallId: q.callId,
    ipoGTEventQoSMonDevId: q.deviceId,
    ipoGTEventQoSMonExtnNo: q.extension,
  };
  const value = values[name];
  if (value === undefined) throw new Error(`trap varbind ${name} has no simulated value`);
  return value;
}

/** The number of an enumeration name; throws for a name the MIB does not have (a simulator bug, not input). */
export function codeOf(table: EnumTable, name: string): number {
  for (const [code, candidate] of Object.entries(table)) if (candidate === name) return Number(code);
  throw new Error(`"${name}" is not a value of this MIB enumeration`);
}

/** SNMPv2-TC DateAndTime, 11 octets with the UTC offset (+00:00). */
export function dateAndTime(at: Date): Buffer {
  const b = Buffer.alloc(11);
  b.writeUInt16BE(at.getUTCFullYear(), 0);
  b[2] = at.getUTCMonth() + 1;
  b[3] = at.getUTCDate();
  b[4] = at.getUTCHours();
  b[5] = at.getUTCMinutes();
  b[6] = at.getUTCSeconds();
  b[7] = Math.floor(at.getUTCMilliseconds() / 100);
  b[8] = '+'.charCodeAt(0);
  return b;
}
