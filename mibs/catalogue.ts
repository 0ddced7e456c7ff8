import { IPO_NOTIFICATIONS, notificationDefs, type NotificationDef, type NotificationRow } from './ipo-mib.js';
import { IPO_PHONE_CHANGE_NOTIFICATIONS } from './ipo-phones-mib.js';
import { SNMP_TRAPS } from './standard-oids.js';

/** A notification the product knows, with the MIB module it comes from. */
export interface CatalogueEntry extends NotificationDef {
  module: 'IPO-MIB' | 'IPO-PHONES-MIB' | 'SNMPv2-MIB';
}

const PHONE_CHANGES: CatalogueEntry[] = IPO_PHONE_CHANGE_NOTIFICATIONS.map((def) => ({
  n: Number(def.oid.split('.').at(-1)),
  oid: def.oid,
  name: def.name,
  family: 'phone-change',
  role: 'change',
  category: 'Phone change',
  defaultSeverity: 'minor',
  varbinds: def.varbinds,
  title: 'Phone change',
  deprecated: def.deprecated,
  module: 'IPO-PHONES-MIB',
}));

/** RFC 3418 generic traps: what a v1 generic-trap 0–5 becomes (RFC 3584). */
const GENERIC_ROWS: NotificationRow[] = [
  [1, 'coldStart', 'restart', 'notification', 'Generic', 'warning', [], 'Cold start'],
  [2, 'warmStart', 'restart', 'notification', 'Generic', 'warning', [], 'Warm start'],
  [3, 'linkDown', 'if-link', 'failure', 'Generic', 'major', ['ifIndex', 'ifAdminStatus', 'ifOperStatus'], 'Link down'],
  [4, 'linkUp', 'if-link', 'operational', 'Generic', 'cleared', ['ifIndex', 'ifAdminStatus', 'ifOperStatus'], 'Link up'],
  [5, 'authenticationFailure', 'auth-failure', 'notification', 'Security', 'warning', [], 'SNMP authentication failure'],
  [6, 'egpNeighborLoss', 'egp-neighbor-loss', 'notification', 'Generic', 'warning', [], 'EGP neighbour loss'],
];
const GENERIC: CatalogueEntry[] = notificationDefs(SNMP_TRAPS, GENERIC_ROWS, () => false).map((def) => ({ ...def, module: 'SNMPv2-MIB' }));

const BY_OID = new Map<string, CatalogueEntry>([
  ...IPO_NOTIFICATIONS.map((def) => [def.oid, { ...def, module: 'IPO-MIB' as const }] as const),
  ...PHONE_CHANGES.map((def) => [def.oid, def] as const),
  ...GENERIC.map((def) => [def.oid, def] as const),
]);

/** Every notification in the catalogue. */
export function catalogueEntries(): CatalogueEntry[] {
  return [...BY_OID.values()];
}

/** The catalogue entry for a notification OID (snmpTrapOID.0), or null for one we do not know. */
export function findNotification(trapOid: string): CatalogueEntry | null {
  return BY_OID.get(trapOid) ?? null;
}
