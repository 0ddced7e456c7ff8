/** The standard (IETF) OIDs the SNMP collector reads. Debian ships no IETF MIBs, so they are written out here. */

export const SYS_DESCR = '1.3.6.1.2.1.1.1.0';
export const SYS_OBJECT_ID = '1.3.6.1.2.1.1.2.0';
export const SYS_UP_TIME = '1.3.6.1.2.1.1.3.0';
export const SYS_NAME = '1.3.6.1.2.1.1.5.0';

/** SNMPv2-MIB snmpTrapOID.0: the second varbind of every v2 notification. */
export const SNMP_TRAP_OID = '1.3.6.1.6.3.1.1.4.1.0';
/** SNMPv2-MIB snmpTrapEnterprise.0 (RFC 3584 §3.1). */
export const SNMP_TRAP_ENTERPRISE = '1.3.6.1.6.3.1.1.4.3.0';
/** SNMP-COMMUNITY-MIB snmpTrapAddress.0: the original agent address, added by proxies (RFC 3584 §3.1). */
export const SNMP_TRAP_ADDRESS = '1.3.6.1.6.3.18.1.3.0';
/** SNMP-COMMUNITY-MIB snmpTrapCommunity.0 (RFC 3584); never stored: it is a secret. */
export const SNMP_TRAP_COMMUNITY = '1.3.6.1.6.3.18.1.4.0';

/** snmpTraps: the generic traps, generic-trap g (0–5) is SNMP_TRAPS.(g+1) (RFC 3584 §3.1). */
export const SNMP_TRAPS = '1.3.6.1.6.3.1.1.5';
export const STANDARD_TRAPS: Readonly<Record<string, string>> = {
  [`${SNMP_TRAPS}.1`]: 'coldStart',
  [`${SNMP_TRAPS}.2`]: 'warmStart',
  [`${SNMP_TRAPS}.3`]: 'linkDown',
  [`${SNMP_TRAPS}.4`]: 'linkUp',
  [`${SNMP_TRAPS}.5`]: 'authenticationFailure',
  [`${SNMP_TRAPS}.6`]: 'egpNeighborLoss',
};

export const IF_INDEX = '1.3.6.1.2.1.2.2.1.1';

/** ENTITY-MIB entPhysicalEntry; column c is ENT_PHYSICAL_ENTRY.c, indexed by entPhysicalIndex. */
export const ENT_PHYSICAL_ENTRY = '1.3.6.1.2.1.47.1.1.1.1';
export const ENT_PHYSICAL_COLUMNS = {
  descr: 2,
  containedIn: 4,
  class: 5,
  parentRelPos: 6,
  name: 7,
  hardwareRev: 8,
  firmwareRev: 9,
  softwareRev: 10,
  serialNum: 11,
  modelName: 13,
} as const;

/** PhysicalClass (ENTITY-MIB). */
export const ENT_PHYSICAL_CLASS: Readonly<Record<number, string>> = {
  1: 'other', 2: 'unknown', 3: 'chassis', 4: 'backplane', 5: 'container', 6: 'powerSupply', 7: 'fan', 8: 'sensor',
  9: 'module', 10: 'port', 11: 'stack', 12: 'cpu',
};

/** Names for the standard OIDs above, for OID → name translation. */
export const STANDARD_NAMES: Readonly<Record<string, string>> = {
  '1.3.6.1.2.1.1.1': 'SNMPv2-MIB::sysDescr',
  '1.3.6.1.2.1.1.2': 'SNMPv2-MIB::sysObjectID',
  '1.3.6.1.2.1.1.3': 'SNMPv2-MIB::sysUpTime',
  '1.3.6.1.2.1.1.5': 'SNMPv2-MIB::sysName',
  '1.3.6.1.6.3.1.1.4.1': 'SNMPv2-MIB::snmpTrapOID',
  '1.3.6.1.6.3.1.1.4.3': 'SNMPv2-MIB::snmpTrapEnterprise',
  '1.3.6.1.6.3.18.1.3': 'SNMP-COMMUNITY-MIB::snmpTrapAddress',
  '1.3.6.1.6.3.18.1.4': 'SNMP-COMMUNITY-MIB::snmpTrapCommunity',
  '1.3.6.1.2.1.2.2.1.1': 'IF-MIB::ifIndex',
  ...Object.fromEntries(Object.entries(STANDARD_TRAPS).map(([oid, name]) => [oid, `SNMPv2-MIB::${name}`])),
  ...Object.fromEntries(Object.entries(ENT_PHYSICAL_COLUMNS).map(([name, c]) => [`${ENT_PHYSICAL_ENTRY}.${c}`, `ENTITY-MIB::entPhysical${name[0]!.toUpperCase()}${name.slice(1)}`])),
};
