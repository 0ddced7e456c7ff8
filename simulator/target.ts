import type { SimV3User } from './wire/snmp-v3-user.js';

/** Where the stack listens. null: that input is not sent at all. */
export interface SimTarget {
  host: string;
  syslogUdpPort: number | null;
  syslogTcpPort: number | null;
  /** Syslog over TLS (RFC 5425); absent or null: none. */
  syslogTlsPort?: number | null;
  /** PEM of the CA (or self-signed certificate) the stack's TLS certificate is checked against; null: the system's CAs. */
  tlsCaFile?: string | null;
  snmpPort: number | null;
  rtcpPort: number | null;
  /** The stack's HTTP base URL (SSA snapshots, licence assertions), e.g. http://127.0.0.1:8080. */
  httpUrl: string | null;
  ssaToken: string | null;
  community: string;
  /** The SNMPv3 user of v3 traps (one of the stack's collectors.snmp.users); absent: v3 is not sent. */
  v3User?: SimV3User | null;
}

export const DEFAULT_TARGET: SimTarget = {
  host: '127.0.0.1',
  syslogUdpPort: 5514,
  syslogTcpPort: null,
  snmpPort: 1162,
  rtcpPort: 5005,
  httpUrl: 'http://127.0.0.1:8080',
  ssaToken: null,
  community: 'public',
};

const PORT_KEYS = { syslog: 'syslogUdpPort', 'syslog-tcp': 'syslogTcpPort', 'syslog-tls': 'syslogTlsPort', snmp: 'snmpPort', rtcp: 'rtcpPort', http: 'httpUrl' } as const;

/** `--ports syslog=5514,snmp=1162,rtcp=5005,syslog-tcp=5514,syslog-tls=6514,http=8080` (0 or "off" turns one off). */
export function parsePorts(text: string, base: SimTarget): SimTarget {
  const target = { ...base };
  for (const item of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [key, value] = item.split('=') as [string, string | undefined];
    const field = PORT_KEYS[key as keyof typeof PORT_KEYS];
    const port = value === 'off' ? 0 : Number(value);
    if (!field || !Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`--ports: "${item}" is not one of ${Object.keys(PORT_KEYS).join(', ')} = a port (0 or off to skip)`);
    }
    if (field === 'httpUrl') target.httpUrl = port === 0 ? null : `http://${hostForUrl(target.host)}:${port}`;
    else target[field] = port === 0 ? null : port;
  }
  return target;
}

/** A host as it goes in a URL: an IPv6 address in brackets. */
export function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
