import { findNotification, type CatalogueEntry } from '../../mibs/catalogue.js';
import { DEPRECATED_SEVERITY, ITU_SEVERITY } from '../../mibs/ipo-enums.js';
import type { OidNames } from '../../mibs/oid-names.js';
import type { EventCategory } from '../../src/events/categories.js';
import type { Attributes, EntityRef, FleetEvent } from '../../src/events/fleet-event.js';
import type { Severity } from '../../src/events/severity.js';
import { categoryOfEntityName, entityFromData, entityFromVarbinds, kebab } from './entity.js';
import type { Notification } from './notification.js';
import type { RawVarbind, SnmpVersion } from './received-pdu.js';
import { readVarbinds } from './varbind-attributes.js';
import { integerOf, textOf } from './varbind-value.js';

export interface TrapReceipt {
  receivedAt: number;
  /** The agent's address after the identity rules (snmpTrapAddress, v1 agent-addr, UDP source). */
  sourceAddress: string;
  udpSource: string;
  identityVia: 'snmpTrapAddress' | 'v1-agent-addr' | 'udp-source';
  nodeId: string | null;
  version: SnmpVersion;
  kind: 'trap' | 'inform';
  user?: string | undefined;
  names: OidNames;
  raw: Uint8Array;
}

/**
 * Turns a notification (v2 form) into a FleetEvent. Pure. Known
 * notifications follow their catalogue role (mibs/README.md): Failure and
 * Operational share a code, entity and key so the Operational clears the
 * Failure; Error raises under `<code>.error`; Change is an info event;
 * severity comes from ipoGTEventStdSeverity. Unknown notifications are kept
 * as info events with every varbind as an attribute.
 */
export function mapNotification(notification: Notification, receipt: TrapReceipt): FleetEvent {
  const read = readVarbinds(notification.varbinds, receipt.names);
  const entry = findNotification(notification.trapOid);
  const attributes: Attributes = {
    snmpVersion: receipt.version,
    pduKind: receipt.kind,
    trapOid: notification.trapOid,
    notification: entry ? entry.name : receipt.names.format(notification.trapOid),
    ...(entry && { role: entry.role }),
    upTime: notification.upTime,
    udpSource: receipt.udpSource,
    identityVia: receipt.identityVia,
    ...(receipt.user !== undefined && { v3User: receipt.user }),
    ...read.attributes,
  };
  const base = {
    receivedAt: receipt.receivedAt,
    ...(read.occurredAt !== null && { occurredAt: read.occurredAt }),
    source: 'snmp' as const,
    collector: 'snmp',
    sourceAddress: receipt.sourceAddress,
    nodeId: receipt.nodeId,
    raw: { encoding: 'base64' as const, data: Buffer.from(receipt.raw).toString('base64') },
  };
  if (!entry) {
    return {
      ...base,
      entity: null,
      category: 'Generic',
      severity: 'info',
      raisesAlarm: false,
      code: 'snmp.trap',
      text: `SNMP notification ${receipt.names.format(notification.trapOid)}`,
      attributes,
    };
  }
  const shape = shapeOf(entry, read.byName);
  return {
    ...base,
    entity: shape.entity,
    category: shape.category,
    severity: shape.severity,
    raisesAlarm: shape.raisesAlarm,
    code: shape.code,
    ...(shape.alarmKey !== undefined && { alarmKey: shape.alarmKey }),
    text: shape.text,
    attributes,
  };
}

interface Shape {
  code: string;
  severity: Severity;
  raisesAlarm: boolean;
  entity: EntityRef | null;
  alarmKey?: string;
  category: EventCategory;
  text: string;
}

function shapeOf(entry: CatalogueEntry, byName: Map<string, RawVarbind>): Shape {
  const text = (name: string) => textOf(byName.get(name));
  const int = (name: string) => integerOf(byName.get(name));
  const reason = enumValue('ipoGTEventReason', int('ipoGTEventReason'));
  const data = text('ipoGTEventData');
  const entityName = text('ipoGTEventEntityName');

  const { entity, alarmKey } = subjectOf(entry, byName, { reason, data });
  const device = deviceSeverity(int('ipoGTEventStdSeverity'), int('ipoGTEventSeverity'));
  const base = `snmp.${entry.module === 'SNMPv2-MIB' ? '' : 'ipo.'}${entry.family}`;

  let code = base;
  let severity: Severity = device ?? entry.defaultSeverity;
  let raisesAlarm = true;
  switch (entry.role) {
    case 'operational':
      severity = 'cleared';
      break;
    case 'error':
      code = `${base}.error`;
      break;
    case 'change':
      code = `${base}.change`;
      severity = 'info';
      raisesAlarm = false;
      break;
    case 'notification':
      raisesAlarm = false;
      if (severity === 'cleared') severity = 'info';
      break;
    default: // failure, problem, severity, qos: the device's severity, cleared(1) clears
      break;
  }

  let category = entry.category;
  if (entry.family === 'entity' || entry.family === 'loopback') category = categoryOfEntityName(entityName, category);
  if (reason && /licen[cs]e/i.test(reason)) category = 'License';

  const subject = entry.family === 'qos' ? qosSubject(byName) : (entity?.name ?? data ?? null);
  const detail = text('ipoGTEventAlarmDescription') ?? reason ?? enumValue('ipoGTEventAppEvent', int('ipoGTEventAppEvent'));
  return {
    code,
    severity,
    raisesAlarm,
    entity,
    ...(alarmKey !== undefined && { alarmKey }),
    category,
    text: `${entry.title}${subject ? ` (${subject})` : ''}${detail ? `: ${detail}` : ''}`,
  };
}

/** What the notification is about (entity) and what tells two of them apart (alarm key), per family. */
function subjectOf(entry: CatalogueEntry, byName: Map<string, RawVarbind>, fields: { reason: string | null; data: string | null }): { entity: EntityRef | null; alarmKey?: string } {
  const int = (name: string) => integerOf(byName.get(name));
  const text = (name: string) => textOf(byName.get(name));
  // Entity varbinds win wherever they appear (a newer release may add them to any notification).
  const fromVarbinds = byName.has('ipoGTEventEntity') || byName.has('ipoGTEventEntityName') ? entityFromVarbinds(int('ipoGTEventEntity'), text('ipoGTEventEntityName')) : null;
  const app = enumValue('ipoGTEventAppEntity', int('ipoGTEventAppEntity'));
  const appEntity: EntityRef | null = app ? { kind: 'application', id: kebab(app), name: app } : null;
  switch (entry.family) {
    case 'trunk':
    case 'link':
      return { entity: fromVarbinds ?? entityFromData(entry.family, fields.data), ...(fields.reason && { alarmKey: fields.reason }) };
    case 'config':
    case 'service':
      return { entity: fromVarbinds, ...(fields.reason && { alarmKey: [fields.reason, fields.data?.trim()].filter(Boolean).join('|') }) };
    case 'app':
      return { entity: appEntity };
    case 'app-event': {
      const event = int('ipoGTEventAppEvent');
      // storageFull(1), storageNearlyFull(2) and storageOkay(3) are one condition: Okay clears Full.
      const key = event !== null && event <= 3 ? 'storage' : enumValue('ipoGTEventAppEvent', event);
      return { entity: appEntity, ...(key && { alarmKey: key }) };
    }
    case 'if-link': {
      const ifIndex = ifIndexOf(byName);
      return { entity: ifIndex === null ? null : { kind: 'port', id: `if${ifIndex}`, name: `ifIndex ${ifIndex}` } };
    }
    case 'sog-host': {
      const host = textOf(byName.get('ipoGTEventHostAddress'));
      return { entity: null, ...(host && { alarmKey: host }) };
    }
    case 'memory-card':
    case 'memory-card-capacity': {
      const slot = enumValue('ipoGTEventMemoryCardSlotId', int('ipoGTEventMemoryCardSlotId'));
      return { entity: null, ...(slot && { alarmKey: slot }) };
    }
    case 'qos':
      return { entity: qosEntity(byName) };
    case 'phone-change': {
      const ext = int('ipoPhonesExtID');
      return { entity: ext === null ? fromVarbinds : { kind: 'extension', id: String(ext), ...(text('ipoGTEventEntityName') && { name: text('ipoGTEventEntityName')! }) } };
    }
    default:
      return { entity: fromVarbinds };
  }
}

function qosEntity(byName: Map<string, RawVarbind>): EntityRef | null {
  const type = integerOf(byName.get('ipoGTEventQoSMonDevType'));
  const extension = integerOf(byName.get('ipoGTEventQoSMonExtnNo'));
  const device = integerOf(byName.get('ipoGTEventQoSMonDevId'));
  if (type !== 1 && extension !== null) return { kind: 'extension', id: String(extension), name: `Extension ${extension}` };
  if (device !== null) return { kind: 'trunk', id: `line-${device}`, name: `Line ${device}` };
  return null;
}

function qosSubject(byName: Map<string, RawVarbind>): string | null {
  const parts = [
    ['jitter', 'ipoGTEventQoSMonJitter', ' ms'],
    ['round trip', 'ipoGTEventQoSMonRndTrip', ' ms'],
    ['packet loss', 'ipoGTEventQoSMonPktLoss', ''],
  ].flatMap(([label, name, unit]) => {
    const value = integerOf(byName.get(name!));
    return value === null ? [] : [`${label} ${value}${unit}`];
  });
  const entity = qosEntity(byName);
  return [entity?.name, parts.join(', ')].filter(Boolean).join(': ') || null;
}

function ifIndexOf(byName: Map<string, RawVarbind>): number | null {
  const vb = byName.get('ifIndex');
  if (!vb) return null;
  return integerOf(vb);
}

/** ipoGTEventStdSeverity (ITU) when present and known, else the deprecated ipoGTEventSeverity; null when neither says. */
function deviceSeverity(std: number | null, deprecated: number | null): Severity | null {
  const itu = std === null ? undefined : ITU_SEVERITY[std];
  if (itu) return itu as Severity;
  const old = deprecated === null ? undefined : DEPRECATED_SEVERITY[deprecated];
  return old ? (old as Severity) : null;
}

import { APP_ENTITY, APP_EVENT, EVENT_REASON, MEMORY_CARD_SLOT, enumName, type EnumTable } from '../../mibs/ipo-enums.js';

const ENUMS: Record<string, EnumTable> = {
  ipoGTEventReason: EVENT_REASON,
  ipoGTEventAppEntity: APP_ENTITY,
  ipoGTEventAppEvent: APP_EVENT,
  ipoGTEventMemoryCardSlotId: MEMORY_CARD_SLOT,
};

function enumValue(object: string, value: number | null): string | null {
  return value === null ? null : enumName(ENUMS[object]!, value);
}
