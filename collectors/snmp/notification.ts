import { SNMP_TRAP_ADDRESS, SNMP_TRAP_ENTERPRISE, SNMP_TRAP_OID, SNMP_TRAPS, SYS_UP_TIME } from '../../mibs/standard-oids.js';
import type { RawVarbind, ReceivedPdu } from './received-pdu.js';

/** A notification in the SNMPv2 form, whatever version it arrived in. */
export interface Notification {
  trapOid: string;
  /** sysUpTime.0 of the sender, hundredths of a second; null when missing. */
  upTime: number | null;
  /** The varbinds after sysUpTime.0 and snmpTrapOID.0, in order. */
  varbinds: RawVarbind[];
}

export const NOTIFICATION_REFUSAL_REASONS = ['no-trap-oid'] as const;

const OBJECT_IDENTIFIER = 6;
const IP_ADDRESS = 64;

/**
 * RFC 3584 §3.1: a v1 Trap-PDU becomes a v2 notification. snmpTrapOID.0 is
 * snmpTraps.(generic+1) for the generic traps and enterprise.0.specific for
 * enterprise-specific ones (so IP Office's enterprise 1.3.6.1.4.1.6889.2.2.1.2,
 * specific 36, is …2.0.36); snmpTrapAddress.0 and snmpTrapEnterprise.0 are
 * appended. snmpTrapCommunity.0 is not: the community is a secret. Pure.
 */
export function toNotification(pdu: ReceivedPdu): { ok: true; notification: Notification } | { ok: false; reason: 'no-trap-oid'; detail: string } {
  if (pdu.v1) {
    const { enterprise, agentAddr, generic, specific, upTime } = pdu.v1;
    const trapOid = generic === 6 ? `${enterprise}.0.${specific}` : `${SNMP_TRAPS}.${generic + 1}`;
    const varbinds = [...pdu.varbinds];
    if (!varbinds.some((vb) => vb.oid === SNMP_TRAP_ADDRESS)) varbinds.push({ oid: SNMP_TRAP_ADDRESS, type: IP_ADDRESS, value: agentAddr });
    if (!varbinds.some((vb) => vb.oid === SNMP_TRAP_ENTERPRISE)) varbinds.push({ oid: SNMP_TRAP_ENTERPRISE, type: OBJECT_IDENTIFIER, value: enterprise });
    return { ok: true, notification: { trapOid, upTime: Number.isFinite(upTime) ? upTime : null, varbinds } };
  }
  // RFC 3416 §4.2.6 puts sysUpTime.0 and snmpTrapOID.0 first; we accept them anywhere.
  const trapOidVb = pdu.varbinds.find((vb) => vb.oid === SNMP_TRAP_OID);
  if (!trapOidVb || typeof trapOidVb.value !== 'string') return { ok: false, reason: 'no-trap-oid', detail: 'the notification has no snmpTrapOID.0 varbind' };
  const upTimeVb = pdu.varbinds.find((vb) => vb.oid === SYS_UP_TIME);
  return {
    ok: true,
    notification: {
      trapOid: trapOidVb.value,
      upTime: typeof upTimeVb?.value === 'number' ? upTimeVb.value : null,
      varbinds: pdu.varbinds.filter((vb) => vb !== trapOidVb && vb !== upTimeVb),
    },
  };
}
