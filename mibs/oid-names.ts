import { IPO_GT_OBJECTS, IPO_NOTIFICATIONS } from './ipo-mib.js';
import { IPO_PHONE_CHANGE_NOTIFICATIONS, IPO_PHONES_COLUMNS, IPO_PHONES_ENTRY_OID, IPO_PHONES_NUMBER_OID } from './ipo-phones-mib.js';
import { STANDARD_NAMES } from './standard-oids.js';

export interface OidName {
  /** "MODULE::object", e.g. "IPO-MIB::ipoGTEventDevID". */
  name: string;
  /** The instance part after the matched OID, e.g. "0" or "3.1"; empty for an exact match. */
  suffix: string;
}

/**
 * OID → name with longest-prefix matching, so instances resolve:
 * 1.3.6.1.2.1.1.3.0 is SNMPv2-MIB::sysUpTime.0 even though only the object's
 * OID is known (net-snmp's ModuleStore.translate matches exact OIDs only).
 */
export class OidNames {
  private readonly names = new Map<string, string>();

  /** Adds a name; the first name given for an OID wins (built-ins before user MIBs). */
  add(oid: string, name: string): void {
    if (!this.names.has(oid)) this.names.set(oid, name);
  }

  get size(): number {
    return this.names.size;
  }

  lookup(oid: string): OidName | null {
    let prefix = oid;
    for (;;) {
      const name = this.names.get(prefix);
      if (name !== undefined) return { name, suffix: prefix.length === oid.length ? '' : oid.slice(prefix.length + 1) };
      const cut = prefix.lastIndexOf('.');
      if (cut <= 0) return null;
      prefix = prefix.slice(0, cut);
    }
  }

  /** "MODULE::object.suffix", or the OID itself when nothing matches. */
  format(oid: string): string {
    const found = this.lookup(oid);
    if (!found) return oid;
    return found.suffix ? `${found.name}.${found.suffix}` : found.name;
  }

  /** The object name without module and instance ("ipoGTEventDevID"), or null. */
  objectName(oid: string): string | null {
    const found = this.lookup(oid);
    return found ? found.name.slice(found.name.indexOf('::') + 2) : null;
  }
}

/** The names this product knows without any MIB file: IPO-MIB, IPO-PHONES-MIB and the standard objects it reads. */
export function builtInOidNames(): OidNames {
  const names = new OidNames();
  for (const def of IPO_NOTIFICATIONS) names.add(def.oid, `IPO-MIB::${def.name}`);
  for (const def of IPO_GT_OBJECTS) names.add(def.oid, `IPO-MIB::${def.name}`);
  for (const def of IPO_PHONE_CHANGE_NOTIFICATIONS) names.add(def.oid, `IPO-PHONES-MIB::${def.name}`);
  names.add(IPO_PHONES_NUMBER_OID, 'IPO-PHONES-MIB::ipoPhonesNumber');
  for (const [column, name] of Object.entries(IPO_PHONES_COLUMNS)) names.add(`${IPO_PHONES_ENTRY_OID}.${column}`, `IPO-PHONES-MIB::${name}`);
  for (const [oid, name] of Object.entries(STANDARD_NAMES)) names.add(oid, name);
  names.add('1.3.6.1.4.1.6889', 'AVAYAGEN-MIB::avaya');
  names.add('1.3.6.1.4.1.6889.2.2', 'IPO-MIB::ipoMIB');
  return names;
}
