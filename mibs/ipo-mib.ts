import type { EventCategory } from '../src/events/categories.js';
import type { Severity } from '../src/events/severity.js';
import {
  APP_ENTITY, APP_EVENT, DEPRECATED_SEVERITY, EVENT_REASON, ITU_SEVERITY, MEMORY_CARD_SLOT, NO_VALID_KEY_REASON,
  QOS_DEVICE_TYPE, SOG_MODE, type EnumTable,
} from './ipo-enums.js';

/**
 * The IP Office notification catalogue (IPO-MIB, rev 2014-07-04) as data, written
 * from ../shared/reference/ipo-and-voip.md §4.3 and monitoring-anchors.md §7.2.
 * README.md in this folder explains roles, codes and clear keys.
 */

export const IPO_MIB_OID = '1.3.6.1.4.1.6889.2.2';
/** ipoGenTraps: the v1 enterprise of every IP Office trap (RFC 3584: enterprise.0.N is the v2 form). */
export const IPO_GEN_TRAPS_OID = '1.3.6.1.4.1.6889.2.2.1.2';
/** ipoGTEvents: notification N is IPO_GT_EVENTS_OID.N. */
export const IPO_GT_EVENTS_OID = '1.3.6.1.4.1.6889.2.2.1.2.0';
/** ipoGTObjects: the notification varbinds, object N is IPO_GT_OBJECTS_OID.N (with or without ".0"). */
export const IPO_GT_OBJECTS_OID = '1.3.6.1.4.1.6889.2.2.1.2.1';

export type VarbindKind = 'integer' | 'unsigned' | 'string' | 'ip-address' | 'date-and-time' | 'bits';

export interface ObjectDef {
  n: number;
  oid: string;
  name: string;
  kind: VarbindKind;
  enum?: EnumTable;
  /** The event attribute it is stored as. */
  attribute: string;
  deprecated?: true;
}

const OBJECT_ROWS: Array<[number, string, VarbindKind, string, EnumTable?]> = [
  [1, 'ipoGTEventSeverity', 'integer', 'deviceSeverity', DEPRECATED_SEVERITY],
  [2, 'ipoGTEventDateTime', 'date-and-time', 'deviceDateTime'],
  [3, 'ipoGTEventEntity', 'unsigned', 'entityIndex'],
  [4, 'ipoGTEventLoopbackStatus', 'integer', 'loopbackStatus'],
  [5, 'ipoGTEventAppEntity', 'integer', 'appEntity', APP_ENTITY],
  [6, 'ipoGTEventAppEvent', 'integer', 'appEvent', APP_EVENT],
  [7, 'ipoGTEventHostAddress', 'ip-address', 'hostAddress'],
  [8, 'ipoGTEventSOGMode', 'integer', 'sogMode', SOG_MODE],
  [9, 'ipoGTEventStdSeverity', 'integer', 'deviceSeverity', ITU_SEVERITY],
  [10, 'ipoGTEventDevID', 'string', 'deviceId'],
  [11, 'ipoGTEventEntityName', 'string', 'entityName'],
  [12, 'ipoGTEventLoopbackStatusBits', 'bits', 'loopbackStatusBits'],
  [13, 'ipoGTEventQoSMonJitter', 'unsigned', 'jitterMs'],
  [14, 'ipoGTEventQoSMonRndTrip', 'unsigned', 'roundTripMs'],
  [15, 'ipoGTEventQoSMonPktLoss', 'unsigned', 'packetLoss'],
  [16, 'ipoGTEventQoSMonCallId', 'unsigned', 'callId'],
  [17, 'ipoGTEventQoSMonDevType', 'integer', 'deviceType', QOS_DEVICE_TYPE],
  [18, 'ipoGTEventQoSMonDevId', 'unsigned', 'qosDeviceId'],
  [19, 'ipoGTEventQoSMonExtnNo', 'unsigned', 'extension'],
  [20, 'ipoGTEventSystemShutdownSource', 'string', 'shutdownSource'],
  [21, 'ipoGTEventSystemShutdownTimeout', 'unsigned', 'shutdownTimeoutMinutes'],
  [22, 'ipoGTEventMemoryCardSlotId', 'integer', 'memoryCardSlot', MEMORY_CARD_SLOT],
  [23, 'ipoGTEventNoValidKeyReason', 'integer', 'noValidKeyReason', NO_VALID_KEY_REASON],
  [24, 'ipoGTEventReason', 'integer', 'reason', EVENT_REASON],
  [25, 'ipoGTEventData', 'string', 'data'],
  [26, 'ipoGTEventAlarmDescription', 'string', 'alarmDescription'],
  [27, 'ipoGTEventAlarmRemedialAction', 'string', 'remedialAction'],
];

const DEPRECATED_OBJECTS = new Set([1, 4]);

/** ipoGTObjects 1–27. */
export const IPO_GT_OBJECTS: readonly ObjectDef[] = OBJECT_ROWS.map(([n, name, kind, attribute, table]) => ({
  n,
  oid: `${IPO_GT_OBJECTS_OID}.${n}`,
  name,
  kind,
  attribute,
  ...(table && { enum: table }),
  ...(DEPRECATED_OBJECTS.has(n) && { deprecated: true as const }),
}));

/**
 * What a notification means for alarms (mibs/README.md, "Roles"):
 * - failure: raises an alarm; operational: clears it (same code, entity and key);
 * - error: a transient problem, raised under its own code so it clears nothing;
 * - change: a state change, stored as an info event;
 * - problem: raises, and the same notification with cleared(1) severity clears it;
 * - severity: raises or clears by its ipoGTEventStdSeverity alone;
 * - qos: a QoS measurement and a warning alarm per extension or line;
 * - notification: stored with the device's severity, raises nothing.
 */
export const NOTIFICATION_ROLES = ['failure', 'operational', 'error', 'change', 'problem', 'severity', 'qos', 'notification'] as const;
export type NotificationRole = (typeof NOTIFICATION_ROLES)[number];

export interface NotificationDef {
  n: number;
  oid: string;
  name: string;
  /** What it is about; the event code is derived from it (mibs/README.md, "Codes"). */
  family: string;
  role: NotificationRole;
  category: EventCategory;
  /** When the notification carries no usable severity. */
  defaultSeverity: Severity;
  /** Varbind object names, in MIB order. */
  varbinds: readonly string[];
  /** A short human title, e.g. "Trunk failure". */
  title: string;
  deprecated: boolean;
}

const STD = ['ipoGTEventStdSeverity', 'ipoGTEventDateTime', 'ipoGTEventDevID', 'sysDescr'];
const OLD = ['ipoGTEventSeverity', 'ipoGTEventDateTime'];
const ENTITY = ['ipoGTEventEntity', 'ipoGTEventEntityName'];
const MISC = ['ipoGTEventReason', 'ipoGTEventData', 'ipoGTEventAlarmDescription', 'ipoGTEventAlarmRemedialAction'];
const MISC_OPERATIONAL = ['ipoGTEventReason', 'ipoGTEventData'];
const QOS = [
  'ipoGTEventQoSMonJitter', 'ipoGTEventQoSMonRndTrip', 'ipoGTEventQoSMonPktLoss', 'ipoGTEventQoSMonCallId',
  'ipoGTEventQoSMonDevType', 'ipoGTEventQoSMonDevId', 'ipoGTEventQoSMonExtnNo',
];

/** One notification as a table row; `notificationDefs` turns rows into definitions under an OID prefix. */
export type NotificationRow = [n: number, name: string, family: string, role: NotificationRole, category: EventCategory, severity: Severity, varbinds: string[], title: string];

const ROWS: NotificationRow[] = [
  // 1–14: deprecated v1-era events, carrying ipoGTEventSeverity (critical, major, minor; no cleared).
  [1, 'ipoGenEntityFailureEvent', 'entity', 'failure', 'Generic', 'major', [...OLD, 'ipoGTEventEntity'], 'Entity failure'],
  [2, 'ipoGenEntityOperationalEvent', 'entity', 'operational', 'Generic', 'cleared', [...OLD, 'ipoGTEventEntity'], 'Entity operational'],
  [3, 'ipoGenEntityErrorEvent', 'entity', 'error', 'Generic', 'warning', [...OLD, 'ipoGTEventEntity'], 'Entity error'],
  [4, 'ipoGenEntityChangeEvent', 'entity', 'change', 'Generic', 'major', [...OLD, 'ipoGTEventEntity'], 'Entity change'],
  [5, 'ipoGenLKSCommsFailureEvent', 'lks', 'failure', 'License', 'major', OLD, 'Licence server communication failure'],
  [6, 'ipoGenLKSCommsOperationalEvent', 'lks', 'operational', 'License', 'cleared', OLD, 'Licence server communication restored'],
  [7, 'ipoGenLKSCommsErrorEvent', 'lks', 'error', 'License', 'warning', OLD, 'Licence server communication error'],
  [8, 'ipoGenLKSCommsChangeEvent', 'lks', 'change', 'License', 'major', OLD, 'Licence server change'],
  [9, 'ipoGenLoopbackEvent', 'loopback', 'problem', 'CSU Loop-Back', 'major', [...OLD, 'ipoGTEventEntity', 'ipoGTEventLoopbackStatus'], 'Loopback'],
  [10, 'ipoGenAppFailureEvent', 'app', 'failure', 'Applications', 'major', [...OLD, 'ipoGTEventAppEntity'], 'Application failure'],
  [11, 'ipoGenAppOperationalEvent', 'app', 'operational', 'Applications', 'cleared', [...OLD, 'ipoGTEventAppEntity'], 'Application operational'],
  [12, 'ipoGenAppEvent', 'app-event', 'severity', 'Applications', 'warning', [...OLD, 'ipoGTEventAppEntity', 'ipoGTEventAppEvent'], 'Application event'],
  [13, 'ipoGenSogHostFailureEvent', 'sog-host', 'problem', 'Resiliency', 'major', [...OLD, 'ipoGTEventHostAddress'], 'SOG host failure'],
  [14, 'ipoGenSogModeChangeEvent', 'sog-mode', 'change', 'Resiliency', 'major', [...OLD, 'ipoGTEventSOGMode'], 'SOG mode change'],
  // 15–58: current events, carrying ipoGTEventStdSeverity, DateTime, DevID and sysDescr.
  [15, 'ipoGenColdStartSvcEvent', 'restart', 'notification', 'Generic', 'major', STD, 'Cold start'],
  [16, 'ipoGenWarmStartSvcEvent', 'restart', 'notification', 'Generic', 'major', STD, 'Warm start'],
  [17, 'ipoGenLinkDownSvcEvent', 'if-link', 'failure', 'Generic', 'major', [...STD, 'ifIndex'], 'Link down'],
  [18, 'ipoGenLinkUpSvcEvent', 'if-link', 'operational', 'Generic', 'cleared', [...STD, 'ifIndex'], 'Link up'],
  [19, 'ipoGenAuthFailureSvcEvent', 'auth-failure', 'notification', 'Security', 'major', STD, 'SNMP authentication failure'],
  [20, 'ipoGenEntityFailureSvcEvent', 'entity', 'failure', 'Generic', 'major', [...STD, ...ENTITY], 'Entity failure'],
  [21, 'ipoGenEntityOperationalSvcEvent', 'entity', 'operational', 'Generic', 'cleared', [...STD, ...ENTITY], 'Entity operational'],
  [22, 'ipoGenEntityErrorSvcEvent', 'entity', 'error', 'Generic', 'warning', [...STD, ...ENTITY], 'Entity error'],
  [23, 'ipoGenEntityChangeSvcEvent', 'entity', 'change', 'Generic', 'major', [...STD, ...ENTITY], 'Entity change'],
  [24, 'ipoGenLKSCommsFailureSvcEvent', 'lks', 'failure', 'License', 'major', STD, 'Licence server communication failure'],
  [25, 'ipoGenLKSCommsOperationalSvcEvent', 'lks', 'operational', 'License', 'cleared', STD, 'Licence server communication restored'],
  [26, 'ipoGenLKSCommsErrorSvcEvent', 'lks', 'error', 'License', 'warning', STD, 'Licence server communication error'],
  [27, 'ipoGenLKSCommsChangeSvcEvent', 'lks', 'change', 'License', 'major', STD, 'Licence server change'],
  [28, 'ipoGenLoopbackSvcEvent', 'loopback', 'problem', 'CSU Loop-Back', 'major', [...STD, ...ENTITY, 'ipoGTEventLoopbackStatusBits'], 'Loopback'],
  [29, 'ipoGenAppFailureSvcEvent', 'app', 'failure', 'Applications', 'major', [...STD, 'ipoGTEventAppEntity'], 'Application failure'],
  [30, 'ipoGenAppOperationalSvcEvent', 'app', 'operational', 'Applications', 'cleared', [...STD, 'ipoGTEventAppEntity'], 'Application operational'],
  [31, 'ipoGenAppSvcEvent', 'app-event', 'severity', 'Applications', 'warning', [...STD, 'ipoGTEventAppEntity', 'ipoGTEventAppEvent', 'ipoGTEventAlarmDescription'], 'Application event'],
  [32, 'ipoGenSogHostFailureSvcEvent', 'sog-host', 'problem', 'Resiliency', 'major', [...STD, 'ipoGTEventHostAddress'], 'SOG host failure'],
  [33, 'ipoGenSogModeChangeSvcEvent', 'sog-mode', 'change', 'Resiliency', 'major', [...STD, 'ipoGTEventSOGMode'], 'SOG mode change'],
  [34, 'ipoGenUPriLicChansReducedSvcEvent', 'upri-channels-reduced', 'notification', 'License', 'major', STD, 'Universal PRI licensed channels reduced'],
  [35, 'ipoGenUPriLicCallRejectedSvcEvent', 'upri-call-rejected', 'notification', 'License', 'minor', STD, 'Universal PRI call rejected: no licence'],
  [36, 'ipoGenQoSMonSvcEvent', 'qos', 'qos', 'QoS', 'warning', [...STD, ...QOS], 'QoS threshold exceeded'],
  [37, 'ipoGenSystemShutdownSvcEvent', 'shutdown', 'notification', 'Generic', 'major', [...STD, 'ipoGTEventSystemShutdownSource', 'ipoGTEventSystemShutdownTimeout'], 'System shutdown'],
  [38, 'ipoGenSystemRunningBackupEvent', 'running-backup', 'severity', 'Generic', 'major', STD, 'System running from backup'],
  [39, 'ipoGenInvalidMemoryCardEvent', 'memory-card', 'severity', 'Generic', 'major', [...STD, 'ipoGTEventMemoryCardSlotId'], 'Invalid memory card'],
  [40, 'ipoGenNoLicenceKeyDongleEvent', 'licence-key', 'severity', 'License', 'critical', [...STD, 'ipoGTEventNoValidKeyReason'], 'No valid licence key'],
  [41, 'ipoGenMemoryCardCapacityEvent', 'memory-card-capacity', 'severity', 'Embedded Voicemail Card', 'warning', [...STD, 'ipoGTEventMemoryCardSlotId', 'ipoGTEventAppEvent'], 'Memory card capacity'],
  [42, 'ipoGenConfigFailureSvcEvent', 'config', 'failure', 'Generic', 'major', [...STD, ...MISC], 'Configuration failure'],
  [43, 'ipoGenConfigOperationalSvcEvent', 'config', 'operational', 'Generic', 'cleared', [...STD, ...MISC_OPERATIONAL], 'Configuration operational'],
  [44, 'ipoGenConfigErrorSvcEvent', 'config', 'error', 'Generic', 'warning', [...STD, ...MISC], 'Configuration error'],
  [45, 'ipoGenConfigChangeSvcEvent', 'config', 'change', 'Generic', 'major', [...STD, ...MISC], 'Configuration change'],
  [46, 'ipoGenServiceFailureSvcEvent', 'service', 'failure', 'Generic', 'major', [...STD, ...MISC], 'Service failure'],
  [47, 'ipoGenServiceOperationalSvcEvent', 'service', 'operational', 'Generic', 'cleared', [...STD, ...MISC_OPERATIONAL], 'Service operational'],
  [48, 'ipoGenServiceErrorSvcEvent', 'service', 'error', 'Generic', 'warning', [...STD, ...MISC], 'Service error'],
  [49, 'ipoGenServiceChangeSvcEvent', 'service', 'change', 'Generic', 'major', [...STD, ...MISC], 'Service change'],
  [50, 'ipoGenTrunkFailureSvcEvent', 'trunk', 'failure', 'Trunk lines', 'major', [...STD, ...MISC], 'Trunk failure'],
  [51, 'ipoGenTrunkOperationalSvcEvent', 'trunk', 'operational', 'Trunk lines', 'cleared', [...STD, ...MISC_OPERATIONAL], 'Trunk operational'],
  [52, 'ipoGenTrunkErrorSvcEvent', 'trunk', 'error', 'Trunk lines', 'warning', [...STD, ...MISC], 'Trunk error'],
  [53, 'ipoGenTrunkChangeSvcEvent', 'trunk', 'change', 'Trunk lines', 'major', [...STD, ...MISC], 'Trunk change'],
  [54, 'ipoGenLinkFailureSvcEvent', 'link', 'failure', 'Generic', 'major', [...STD, ...MISC], 'Link failure'],
  [55, 'ipoGenLinkOperationalSvcEvent', 'link', 'operational', 'Generic', 'cleared', [...STD, ...MISC_OPERATIONAL], 'Link operational'],
  [56, 'ipoGenLinkErrorSvcEvent', 'link', 'error', 'Generic', 'warning', [...STD, ...MISC], 'Link error'],
  [57, 'ipoGenLinkChangeSvcEvent', 'link', 'change', 'Generic', 'major', [...STD, ...MISC], 'Link change'],
  [58, 'ipoGenEmergencyCallSvcEvent', 'emergency-call', 'notification', 'Generic', 'critical', [...STD, ...MISC], 'Emergency call'],
];

/** Every IPO-MIB notification, 1–58, in order. */
export const IPO_NOTIFICATIONS: readonly NotificationDef[] = notificationDefs(IPO_GT_EVENTS_OID, ROWS, (n) => n <= 14);

/** Definitions for `rows`, each at `${prefix}.${n}`. */
export function notificationDefs(prefix: string, rows: readonly NotificationRow[], deprecated: (n: number) => boolean): NotificationDef[] {
  return rows.map(([n, name, family, role, category, defaultSeverity, varbinds, title]) => ({
    n,
    oid: `${prefix}.${n}`,
    name,
    family,
    role,
    category,
    defaultSeverity,
    varbinds,
    title,
    deprecated: deprecated(n),
  }));
}
