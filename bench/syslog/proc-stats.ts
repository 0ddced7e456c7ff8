import { readFileSync } from 'node:fs';
import { parseUdpRcvbufErrors } from '../../collectors/syslog/proc-net-snmp.js';

// USER_HZ: the unit of utime and stime in /proc/<pid>/stat; 100 on every Linux we run on.
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // the command name may contain spaces
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // fields 14 and 15 of stat(5)
}

/** Resident memory now and at its peak, in MiB. */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kib('VmRSS') / 1024), peak: Math.round(kib('VmHWM') / 1024) };
}

/** Host-wide UDP RcvbufErrors now: datagrams the kernel dropped because a socket buffer was full. */
export function rcvbufErrors(): number {
  return parseUdpRcvbufErrors(readFileSync('/proc/net/snmp', 'utf8')) ?? Number.NaN;
}
