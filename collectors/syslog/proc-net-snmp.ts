import { readFileSync } from 'node:fs';

/**
 * The kernel's count of UDP datagrams dropped because a socket's receive
 * buffer was full (RcvbufErrors). It is per network namespace, i.e. for the
 * whole host (or container), every UDP socket together: the only place UDP
 * loss before our socket shows. Pure parsers plus one reader.
 */

/** From /proc/net/snmp: the "Udp:" header line names the columns, the next "Udp:" line has the values. */
export function parseUdpRcvbufErrors(snmp: string): number | null {
  const lines = snmp.split('\n').filter((line) => line.startsWith('Udp: '));
  const names = lines[0]?.split(/\s+/);
  const values = lines[1]?.split(/\s+/);
  const column = names?.indexOf('RcvbufErrors') ?? -1;
  const value = column > 0 ? Number(values?.[column]) : NaN;
  return Number.isFinite(value) ? value : null;
}

/** From /proc/net/snmp6: one "Udp6RcvbufErrors <n>" line. */
export function parseUdp6RcvbufErrors(snmp6: string): number | null {
  const m = /^Udp6RcvbufErrors\s+(\d+)\s*$/m.exec(snmp6);
  return m ? Number(m[1]) : null;
}

/** Reads both when scraped; a file that is missing (not Linux, IPv6 off) gives no sample. */
export function readUdpRcvbufErrors(read: (path: string) => string = (path) => readFileSync(path, 'utf8')): Array<{ ip: '4' | '6'; value: number }> {
  const out: Array<{ ip: '4' | '6'; value: number }> = [];
  const v4 = attempt(() => parseUdpRcvbufErrors(read('/proc/net/snmp')));
  const v6 = attempt(() => parseUdp6RcvbufErrors(read('/proc/net/snmp6')));
  if (v4 !== null) out.push({ ip: '4', value: v4 });
  if (v6 !== null) out.push({ ip: '6', value: v6 });
  return out;
}

function attempt(fn: () => number | null): number | null {
  try {
    return fn();
  } catch {
    return null;
  }
}
