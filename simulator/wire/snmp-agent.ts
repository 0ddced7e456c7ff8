import snmp from 'net-snmp';
import { IPO_PHONES_ENTRY_OID } from '../../mibs/ipo-phones-mib.js';
import { ENT_PHYSICAL_ENTRY, SYS_DESCR, SYS_OBJECT_ID, SYS_UP_TIME } from '../../mibs/standard-oids.js';
import type { SimNode } from '../fleet/sim-fleet.js';
import { entityRows, phoneRows } from './agent-tables.js';

/** IP Office's sysObjectID (Avaya enterprise 6889, IP Office products). */
const IPO_SYS_OBJECT_ID = '1.3.6.1.4.1.6889.1.2.1';
/** SNMPv2-MIB snmpSetSerialNo: a real scalar after every table we serve, so a walk leaves them cleanly. */
const SNMP_SET_SERIAL_NO = '1.3.6.1.6.3.1.1.6.1';

export interface SimAgent {
  close(): Promise<void>;
}

const T = snmp.ObjectType;
const RO = snmp.MaxAccess['read-only'];
const NA = snmp.MaxAccess['not-accessible'];

/**
 * A small SNMP v2c agent for one simulated system, bound to its own address: it answers the stack's polls
 * (sysDescr, sysObjectID, sysUpTime counted from this start, so a restart shows as a reboot), and serves the
 * entity table (cards, modules, ports) and the phone table (so RTCP from a phone's address is that extension).
 * Closing it makes the system unreachable, as a failed Primary is.
 */
export async function startAgent(node: SimNode, port: number, community: string, sysDescr: string): Promise<SimAgent> {
  const startedAt = Date.now();
  let failed: Error | null = null;
  const agent = snmp.createAgent({ port, address: node.address, accessControlModelType: snmp.AccessControlModelType.None }, (error: Error | null) => {
    if (error) failed ??= error;
  });
  agent.getAuthorizer().addCommunity(community);
  const mib = agent.getMib();
  const scalar = (name: string, oid: string, scalarType: number, value: unknown, handler?: (request: { done(): void }) => void) => {
    mib.registerProvider({ name, type: snmp.MibProviderType.Scalar, oid: oid.replace(/\.0$/, ''), scalarType, maxAccess: RO, ...(handler && { handler }) });
    mib.setScalarValue(name, value);
  };
  scalar('sysDescr', SYS_DESCR, T.OctetString, sysDescr);
  scalar('sysObjectID', SYS_OBJECT_ID, T.OID, IPO_SYS_OBJECT_ID);
  scalar('sysUpTime', SYS_UP_TIME, T.TimeTicks, 0, (request) => {
    mib.setScalarValue('sysUpTime', Math.floor((Date.now() - startedAt) / 10));
    request.done();
  });
  /** A table indexed by its first column (`[number, name, type, access]`), filled with `rows`. */
  const table = (name: string, oid: string, columns: [number, string, number, number][], rows: unknown[][]) => {
    const tableColumns = columns.map(([number, columnName, type, maxAccess]) => ({ number, name: columnName, type, maxAccess }));
    mib.registerProvider({ name, type: snmp.MibProviderType.Table, oid, maxAccess: NA, tableColumns, tableIndex: [{ columnName: tableColumns[0]!.name }] });
    for (const row of rows) mib.addTableRow(name, row);
  };
  table('entPhysicalTable', ENT_PHYSICAL_ENTRY, [
    [1, 'entPhysicalIndex', T.Integer, NA],
    [2, 'entPhysicalDescr', T.OctetString, RO],
    [4, 'entPhysicalContainedIn', T.Integer, RO],
    [5, 'entPhysicalClass', T.Integer, RO],
    [7, 'entPhysicalName', T.OctetString, RO],
    [13, 'entPhysicalModelName', T.OctetString, RO],
  ], entityRows(node));
  table('ipoPhonesTable', IPO_PHONES_ENTRY_OID, [
    [1, 'ipoPhonesIndex', T.Integer, RO],
    [2, 'ipoPhonesExtID', T.Integer, RO],
    [3, 'ipoPhonesExtNumber', T.Integer, RO],
    [4, 'ipoPhonesUserShort', T.OctetString, RO],
    [5, 'ipoPhonesUserLong', T.OctetString, RO],
    [6, 'ipoPhonesType', T.Integer, RO],
    [7, 'ipoPhonesPort', T.Gauge, RO],
    [10, 'ipoPhonesIPAddress', T.IpAddress, RO],
  ], phoneRows(node));
  scalar('snmpSetSerialNo', SNMP_SET_SERIAL_NO, T.Integer, 1);
  // net-snmp binds asynchronously and reports a bind failure through its callback: give it a turn.
  await new Promise((resolve) => setTimeout(resolve, 20));
  if (failed) {
    agent.close();
    throw failed;
  }
  return {
    close: () =>
      new Promise<void>((resolve) => {
        try {
          agent.close(() => resolve());
        } catch {
          resolve();
        }
      }),
  };
}
