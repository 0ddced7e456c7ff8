import { enumName } from '../../mibs/ipo-enums.js';
import { IPO_PHONES_ENTRY_OID, PHONE_TYPE } from '../../mibs/ipo-phones-mib.js';
import { ENT_PHYSICAL_CLASS, ENT_PHYSICAL_COLUMNS, ENT_PHYSICAL_ENTRY } from '../../mibs/standard-oids.js';
import type { RawVarbind } from './received-pdu.js';
import { scalarOf } from './varbind-value.js';

/** One row of ENTITY-MIB entPhysicalTable: a chassis, slot, card, module or port. */
export interface EntityRow {
  index: number;
  class: string;
  name: string;
  description: string;
  containedIn: number | null;
  parentRelPos: number | null;
  /** Names from the chassis down, joined by ", ", as ipoGTEventEntityName writes them. */
  path: string;
  model: string | null;
  serial: string | null;
  hardwareRev: string | null;
  firmwareRev: string | null;
  softwareRev: string | null;
}

/** One row of IPO-PHONES-MIB ipoPhonesTable. */
export interface PhoneRow {
  index: number;
  extId: number | null;
  extension: string | null;
  userShort: string | null;
  userLong: string | null;
  type: string | null;
  typeCode: number | null;
  port: number | null;
  portNumber: number | null;
  moduleNumber: number | null;
  ipAddress: string | null;
  macAddress: string | null;
}

/** What polling learnt about a node. */
export interface NodeInventory {
  nodeId: string;
  polledAt: number;
  sysDescr: string | null;
  sysObjectId: string | null;
  /** Hundredths of a second. */
  sysUpTime: number | null;
  entities: EntityRow[];
  phones: PhoneRow[];
  /** Why a table could not be read (the rows then are those of the last good walk). */
  walkErrors: string[];
}

/** Groups the varbinds of a table entry by row index: index → column → varbind. Pure. */
export function tableRows(entryOid: string, varbinds: readonly RawVarbind[]): Map<string, Map<number, RawVarbind>> {
  const rows = new Map<string, Map<number, RawVarbind>>();
  const prefix = `${entryOid}.`;
  for (const vb of varbinds) {
    if (!vb.oid.startsWith(prefix)) continue;
    const rest = vb.oid.slice(prefix.length);
    const dot = rest.indexOf('.');
    if (dot <= 0) continue;
    const column = Number(rest.slice(0, dot));
    const index = rest.slice(dot + 1);
    let row = rows.get(index);
    if (!row) rows.set(index, (row = new Map()));
    row.set(column, vb);
  }
  return rows;
}

/** entPhysicalTable rows, each with its path from the chassis (cycles and missing parents cut the path). Pure. */
export function parseEntityTable(varbinds: readonly RawVarbind[]): EntityRow[] {
  const c = ENT_PHYSICAL_COLUMNS;
  const rows = [...tableRows(ENT_PHYSICAL_ENTRY, varbinds)].flatMap(([index, cols]) => {
    const n = Number(index);
    if (!Number.isInteger(n)) return [];
    const classCode = num(cols.get(c.class));
    return [{
      index: n,
      class: classCode === null ? 'unknown' : enumName(ENT_PHYSICAL_CLASS, classCode),
      name: str(cols.get(c.name)) ?? '',
      description: str(cols.get(c.descr)) ?? '',
      containedIn: num(cols.get(c.containedIn)),
      parentRelPos: num(cols.get(c.parentRelPos)),
      path: '',
      model: str(cols.get(c.modelName)),
      serial: str(cols.get(c.serialNum)),
      hardwareRev: str(cols.get(c.hardwareRev)),
      firmwareRev: str(cols.get(c.firmwareRev)),
      softwareRev: str(cols.get(c.softwareRev)),
    } satisfies EntityRow];
  });
  const byIndex = new Map(rows.map((row) => [row.index, row]));
  for (const row of rows) {
    const names: string[] = [];
    const seen = new Set<number>();
    for (let at: EntityRow | undefined = row; at && !seen.has(at.index); at = at.containedIn ? byIndex.get(at.containedIn) : undefined) {
      seen.add(at.index);
      names.unshift(at.name || at.description || `entity ${at.index}`);
    }
    row.path = names.join(', ');
  }
  return rows.sort((a, b) => a.index - b.index);
}

/** ipoPhonesTable rows. Pure. */
export function parsePhoneTable(varbinds: readonly RawVarbind[]): PhoneRow[] {
  return [...tableRows(IPO_PHONES_ENTRY_OID, varbinds)]
    .flatMap(([index, cols]) => {
      const n = Number(index);
      if (!Number.isInteger(n)) return [];
      const typeCode = num(cols.get(6));
      const extNumber = num(cols.get(3));
      const mac = cols.get(11)?.value;
      return [{
        index: n,
        extId: num(cols.get(2)),
        extension: extNumber === null ? null : String(extNumber),
        userShort: str(cols.get(4)),
        userLong: str(cols.get(5)),
        type: typeCode === null ? null : enumName(PHONE_TYPE, typeCode),
        typeCode,
        port: num(cols.get(7)),
        portNumber: num(cols.get(8)),
        moduleNumber: num(cols.get(9)),
        ipAddress: str(cols.get(10)),
        macAddress: Buffer.isBuffer(mac) && mac.length > 0 ? [...mac].map((b) => b.toString(16).padStart(2, '0')).join(':') : null,
      } satisfies PhoneRow];
    })
    .sort((a, b) => a.index - b.index);
}

function num(vb: RawVarbind | undefined): number | null {
  return vb && typeof vb.value === 'number' ? vb.value : null;
}

function str(vb: RawVarbind | undefined): string | null {
  if (!vb) return null;
  const value = scalarOf(vb);
  return value === null ? null : String(value);
}
