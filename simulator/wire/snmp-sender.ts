import snmp from 'net-snmp';
import { catalogueEntries, type CatalogueEntry } from '../../mibs/catalogue.js';
import { IPO_GEN_TRAPS_OID } from '../../mibs/ipo-mib.js';
import { engineIdOf, netSnmpUser, type SimV3User } from './snmp-v3-user.js';
import { trapVarbinds, type TrapValues } from './trap-varbinds.js';

export type TrapVersion = 'v1' | 'v2c' | 'v3';

/**
 * Sends IPO-MIB notifications with net-snmp from each system's own address (one session per system, created on
 * first use). v2c by default; v1 puts the IPO-MIB enterprise and the notification number in the v1 header
 * (RFC 3584); v3 sends authPriv traps as the target's user, with the system's own engine id (`engineIdOf`);
 * `inform` (v2c) waits for the stack's acknowledgement.
 */
export class SnmpSender {
  private readonly sessions = new Map<string, snmp.Session>();

  constructor(private readonly target: { host: string; port: number; community: string; v3User?: SimV3User | null }) {}

  /** `name`: a notification of the catalogue (mibs/catalogue.ts), e.g. ipoGenTrunkFailureSvcEvent. */
  send(from: string, name: string, values: TrapValues, options: { version?: TrapVersion; inform?: boolean } = {}): Promise<void> {
    const entry = notificationNamed(name);
    const varbinds = trapVarbinds(entry, values) as snmp.Varbind[];
    const version = options.version ?? 'v2c';
    if (version === 'v3' && !this.target.v3User) return Promise.reject(new Error('a v3 trap needs an SNMPv3 user (the stack\'s collectors.snmp.users)'));
    const session = this.session(from, version, values.deviceId);
    return new Promise((resolve, reject) => {
      const done = (error: Error | null) => (error ? reject(error) : resolve());
      if (options.inform && version === 'v2c') session.inform(entry.oid, varbinds, { upTime: 4200 }, done);
      else if (version === 'v1' && entry.module === 'IPO-MIB') session.trap(`${IPO_GEN_TRAPS_OID}.${entry.n}`, varbinds, from, done);
      else session.trap(entry.oid, varbinds, { upTime: 4200 }, done);
    });
  }

  close(): void {
    for (const session of this.sessions.values()) session.close();
    this.sessions.clear();
  }

  private session(from: string, version: TrapVersion, deviceId: string): snmp.Session {
    const key = `${version}/${from}`;
    let session = this.sessions.get(key);
    if (!session) {
      const common = { trapPort: this.target.port, sourceAddress: from, timeout: 2000, retries: 1 };
      session =
        version === 'v3'
          ? snmp.createV3Session(this.target.host, netSnmpUser(this.target.v3User!), { ...common, version: snmp.Version3, engineID: engineIdOf(deviceId) })
          : snmp.createSession(this.target.host, this.target.community, { ...common, version: version === 'v1' ? snmp.Version1 : snmp.Version2c });
      session.on('error', () => undefined);
      this.sessions.set(key, session);
    }
    return session;
  }
}

const BY_NAME = new Map<string, CatalogueEntry>(catalogueEntries().map((entry) => [entry.name, entry]));

export function notificationNamed(name: string): CatalogueEntry {
  const entry = BY_NAME.get(name);
  if (!entry) throw new Error(`no notification ${name} in mibs/catalogue.ts`);
  return entry;
}
