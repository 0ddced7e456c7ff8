import { randomBytes } from 'node:crypto';
import snmp from 'net-snmp';
import type { AUTH_PROTOCOLS, PRIV_PROTOCOLS } from '../../collectors/snmp/config.js';

/** The names of collectors/snmp/config.ts, which are net-snmp's too. */
export type SimAuthProtocol = (typeof AUTH_PROTOCOLS)[number];
export type SimPrivProtocol = (typeof PRIV_PROTOCOLS)[number];

/** An SNMPv3 (USM) user the simulated systems send authPriv traps as; the stack has the same one in collectors.snmp.users. */
export interface SimV3User {
  name: string;
  authProtocol: SimAuthProtocol;
  authKey: string;
  privProtocol: SimPrivProtocol;
  privKey: string;
}

export const SIM_V3_USER_NAME = 'ipo-sim';

/** A user with fresh keys (the demo and `simulate --write-config` write them into a 0600 configuration). */
export function randomV3User(): SimV3User {
  return { name: SIM_V3_USER_NAME, authProtocol: 'sha', authKey: randomBytes(16).toString('hex'), privProtocol: 'aes', privKey: randomBytes(16).toString('hex') };
}

/** The entry of `collectors.snmp.users` for the user. */
export function v3UserConfig(user: SimV3User): Record<string, string> {
  return { name: user.name, level: 'authPriv', authProtocol: user.authProtocol, authKey: user.authKey, privProtocol: user.privProtocol, privKey: user.privKey };
}

export function netSnmpUser(user: SimV3User): snmp.User {
  return {
    name: user.name,
    level: snmp.SecurityLevel.authPriv,
    authProtocol: snmp.AuthProtocols[user.authProtocol],
    authKey: user.authKey,
    privProtocol: snmp.PrivProtocols[user.privProtocol],
    privKey: user.privKey,
  };
}

/**
 * A system's own SNMP engine id, stable across runs: RFC 3411 format 4 (text) under Avaya's enterprise 6889, with
 * the device id as the text, e.g. 80001ae904 + "SIM0000001". (net-snmp would otherwise pick a random one per session.)
 */
export function engineIdOf(deviceId: string): Buffer {
  return Buffer.concat([Buffer.from([0x80, 0x00, 0x1a, 0xe9, 0x04]), Buffer.from(deviceId, 'ascii').subarray(0, 27)]);
}
