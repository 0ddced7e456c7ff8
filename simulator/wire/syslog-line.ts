/** Syslog facilities and severities by name (RFC 5424 §6.2.1). */
const SEVERITY = { emerg: 0, alert: 1, crit: 2, err: 3, warning: 4, notice: 5, info: 6, debug: 7 } as const;
export type SyslogSeverity = keyof typeof SEVERITY;
const LOCAL0 = 16;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An RFC 3164 line as IP Office sends it: `<PRI>Mmm dd hh:mm:ss HOSTNAME IPOffice: MSG`, facility local0, the
 * system name as HOSTNAME. Pure.
 */
export function rfc3164Line(hostname: string, severity: SyslogSeverity, message: string, at: Date = new Date()): string {
  const day = String(at.getUTCDate()).padStart(2, ' ');
  const time = [at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  return `<${LOCAL0 * 8 + SEVERITY[severity]}>${MONTHS[at.getUTCMonth()]} ${day} ${time} ${hostname} IPOffice: ${message}`;
}

/** RFC 5424 with an ISO timestamp, for the TCP path (octet-counted framing, RFC 6587). */
export function rfc5424Line(hostname: string, severity: SyslogSeverity, message: string, at: Date = new Date()): string {
  return `<${LOCAL0 * 8 + SEVERITY[severity]}>1 ${at.toISOString()} ${hostname} IPOffice - - - ${message}`;
}

export function octetCounted(line: string): Buffer {
  const body = Buffer.from(line);
  return Buffer.concat([Buffer.from(`${body.length} `), body]);
}
