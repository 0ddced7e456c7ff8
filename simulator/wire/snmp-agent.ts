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
  mib.registerProvider({
    name: 'entPhysicalTable',
    type: snmp.MibProviderType.Table,
    oid: ENT_PHYSICAL_ENTRY,
    maxAccess: NA,
    tableColumns: [
      { number: 1, name: 'entPhysicalIndex', type: T.Integer, maxAccess: NA },
      { number: 2, name: 'entPhysicalDescr', type: T.OctetString, maxAccess: RO },
      { number: 4, name: 'entPhysicalContainedIn', type: T.Integer, maxAccess: RO },
      { number: 5, name: 'entPhysicalClass', type: T.Integer, maxAccess: RO },
      { number: 7, name: 'entPhysicalName', type: T.OctetString, maxAccess: RO },
      { number: 13, name: 'entPhysicalModelName', type: T.OctetString, maxAccess: RO },
    ],
    tableIndex: [{ columnName: 'entPhysicalIndex' }],
  });
  for (const row of entityRows(node)) mib.addTableRow('entPhysicalTable', row);
  mib.registerProvider({
    name: 'ipoPhonesTable',
    type: snmp.MibProviderType.Table,
    oid: IPO_PHONES_ENTRY_OID,
    maxAccess: NA,
    tableColumns: [
      { number: 1, name: 'ipoPhonesIndex', type: T.Integer, maxAccess: RO },
      { number: 2, name: 'ipoPhonesExtID', type: T.Integer, maxAccess: RO },
      { number: 3, name: 'ipoPhonesExtNumber', type: T.Integer, maxAccess: RO },
      { number: 4, name: 'ipoPhonesUserShort', type: T.OctetString, maxAccess: RO },
      { number: 5, name: 'ipoPhonesUserLong', type: T.OctetString, maxAccess: RO },
      { number: 6, name: 'ipoPhonesType', type: T.Integer, maxAccess: RO },
      { number: 7, name: 'ipoPhonesPort', type: T.Gauge, maxAccess: RO },
      { number: 10, name: 'ipoPhonesIPAddress', type: T.IpAddress, maxAccess: RO },
    ],
    tableIndex: [{ columnName: 'ipoPhonesIndex' }],
  });
  for (const row of phoneRows(node)) mib.addTableRow('ipoPhonesTable', row);
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
