import { isIPv6 } from 'node:net';
import snmp from 'net-snmp';
import { toNetSnmpUser } from './codec.js';
import type { SnmpUserConfig } from './config.js';
import type { RawVarbind } from './received-pdu.js';

export interface PollTarget {
  address: string;
  port: number;
  version: 'v2c' | 'v3';
  community?: string | undefined;
  user?: SnmpUserConfig | undefined;
  timeoutMs: number;
  retries: number;
}

/** The two SNMP reads the poller needs, as promises. */
export interface PollSession {
  /** GET; a varbind the agent does not have comes back with value null. Rejects on timeout or an error response. */
  get(oids: string[]): Promise<RawVarbind[]>;
  /** Every varbind under `oid` (GETBULK), stopping at the end of the subtree, never past it, and at `limit` varbinds. */
  subtree(oid: string, limit?: number): Promise<RawVarbind[]>;
  close(): void;
}

const DEFAULT_SUBTREE_LIMIT = 20_000;

/**
 * A net-snmp session for one node, v2c or v3 (USM; engine discovery is
 * net-snmp's). Uses subtree(), not walk(): walk() runs past the end of the
 * subtree to the end of the MIB (../shared/reference/deps.md §2).
 */
export function openPollSession(target: PollTarget): PollSession {
  const options = { port: target.port, timeout: target.timeoutMs, retries: target.retries, transport: isIPv6(target.address) ? ('udp6' as const) : ('udp4' as const) };
  const session =
    target.version === 'v3'
      ? snmp.createV3Session(target.address, toNetSnmpUser(target.user!) as unknown as snmp.User, { ...options, version: snmp.Version3 })
      : snmp.createSession(target.address, target.community!, { ...options, version: snmp.Version2c });
  // A session emits "error" on socket errors; without a listener that would crash the process.
  (session as unknown as { on(event: string, fn: (error: Error) => void): void }).on('error', () => undefined);
  return {
    get(oids) {
      return new Promise((resolve, reject) => {
        session.get(oids, (error, varbinds) => {
          if (error) return reject(error);
          resolve((varbinds ?? []).map((vb) => (snmp.isVarbindError(vb) ? { oid: vb.oid, type: vb.type as number, value: null } : (vb as RawVarbind))));
        });
      });
    },
    subtree(oid, limit = DEFAULT_SUBTREE_LIMIT) {
      return new Promise((resolve, reject) => {
        const found: RawVarbind[] = [];
        let previous: string | null = null;
        session.subtree(
          oid,
          20,
          (varbinds) => {
            for (const vb of varbinds) {
              if (snmp.isVarbindError(vb)) continue;
              // An agent whose GETBULK answers do not increase would keep the walk going until the limit: stop there,
              // as snmpwalk does ("OID not increasing"); an answer without an OID ends it too.
              if (typeof vb.oid !== 'string' || (previous !== null && compareOids(vb.oid, previous) <= 0)) return true;
              previous = vb.oid;
              found.push(vb as RawVarbind);
            }
            return found.length >= limit ? true : undefined;
          },
          (error) => (error ? reject(error) : resolve(found.slice(0, limit))),
        );
      });
    },
    close() {
      try {
        session.close();
      } catch {
        // already closed
      }
    },
  };
}

/** Orders two dotted OIDs numerically, arc by arc (1.3.6.1.10 after 1.3.6.1.9). */
export function compareOids(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    if (left[i] !== right[i]) return left[i]! - right[i]!;
  }
  return left.length - right.length;
}
