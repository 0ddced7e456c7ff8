const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 3164 timestamp, "Nov  1 09:00:00" (local time, as IP Office sends it). */
export function rfc3164Stamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[date.getMonth()]} ${String(date.getDate()).padStart(2, ' ')} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/**
 * An IP Office "Alarm: Trunk:" syslog line that raises a major Trunk lines
 * alarm keyed "trunk <trunk> red alarm" on the node whose fleet hostname is
 * `host` (the sender is 127.0.0.1, so the hostname names the node).
 */
export function trunkAlarmLine(host: string, trunk: number, date = new Date()): Buffer {
  return Buffer.from(`<131>${rfc3164Stamp(date)} ${host} IPOffice: Alarm: Trunk: Trunk ${trunk} red alarm`);
}

/** The trunk number back from an alarm's text, an email or its subject; null when there is none. */
export function trunkOf(text: string): number | null {
  const match = /Trunk (\d+) red alarm/.exec(text);
  return match ? Number(match[1]) : null;
}
