import { rawInput, type FleetEvent } from '../../src/events/fleet-event.js';
import type { EventCategory } from '../../src/events/categories.js';
import { severityRank, type Severity } from '../../src/events/severity.js';
import { alarmKeyOf, readIpoAlarm, type IpoAlarm } from './ipo-alarm.js';
import type { ParsedSyslog } from './parsed-syslog.js';

export interface SyslogReceipt {
  sourceAddress: string;
  receivedAt: number;
  raw: Uint8Array;
}

// Facilities auth(4) and authpriv(10) carry security messages (RFC 3164 §4.1.1).
const SECURITY_FACILITIES = new Set([4, 10]);

/**
 * Turns a parsed syslog message into a FleetEvent. Pure. IP Office "Alarm:"
 * lines (ipo-alarm.ts) become alarm events keyed by their text, so a
 * "Cleared" line finds the alarm it clears; every other line is a plain
 * message. The node is left for the pipeline to resolve.
 */
export function mapSyslogToEvent(parsed: ParsedSyslog, ctx: SyslogReceipt): FleetEvent {
  const { line, alarm } = alarmLine(parsed);
  const pri = severityFromSyslog(parsed.severity);
  const category: EventCategory = alarm ? alarm.category : SECURITY_FACILITIES.has(parsed.facility) ? 'Security' : 'Generic';
  return {
    receivedAt: ctx.receivedAt,
    ...(isEpochMs(parsed.timestamp) && { occurredAt: parsed.timestamp }),
    source: 'syslog',
    collector: 'syslog',
    sourceAddress: ctx.sourceAddress,
    ...(parsed.hostname !== undefined && { hostname: parsed.hostname }),
    nodeId: null,
    entity: null,
    category,
    severity: alarm ? alarmSeverity(alarm, pri) : pri,
    raisesAlarm: alarm !== null,
    code: alarm ? `syslog.alarm.${alarm.group}` : 'syslog.message',
    ...(alarm && { alarmKey: alarmKeyOf(alarm.text) }),
    text: alarm ? alarm.text : line.trim(),
    attributes: {
      facility: parsed.facility,
      syslogSeverity: parsed.severity,
      appName: parsed.appName ?? null,
      procId: parsed.procId ?? null,
      hostname: parsed.hostname ?? null,
      format: parsed.format,
      flags: parsed.flags.join(','),
      ...(alarm && { alarmGroup: alarm.group }),
    },
    raw: rawInput(ctx.raw),
  };
}

/** emerg/alert/crit → critical, err → major, warning → warning, notice/info/debug → info. */
export function severityFromSyslog(severity: number): Severity {
  if (severity <= 2) return 'critical';
  if (severity === 3) return 'major';
  if (severity === 4) return 'warning';
  return 'info';
}

// A line that says "Alarm" is a problem even at notice or info priority.
function alarmSeverity(alarm: IpoAlarm, pri: Severity): Severity {
  if (alarm.cleared) return 'cleared';
  return severityRank(pri) < severityRank('warning') ? 'warning' : pri;
}

/**
 * Without a hostname and tag, "Alarm: Trunk: ..." right after the timestamp
 * parses as TAG "Alarm"; read it back as the alarm line it is.
 */
function alarmLine(parsed: ParsedSyslog): { line: string; alarm: IpoAlarm | null } {
  const alarm = readIpoAlarm(parsed.message);
  if (alarm || parsed.appName?.toLowerCase() !== 'alarm' || parsed.procId !== undefined) return { line: parsed.message, alarm };
  const line = `${parsed.appName}: ${parsed.message}`;
  return { line, alarm: readIpoAlarm(line) };
}

function isEpochMs(value: number | undefined): value is number {
  return value !== undefined && Number.isSafeInteger(value) && value >= 0;
}
