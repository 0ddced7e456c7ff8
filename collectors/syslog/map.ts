import type { EventCategory } from '../../src/events/categories.js';
import { rawInput, type Attributes, type FleetEvent } from '../../src/events/fleet-event.js';
import { severityRank, type Severity } from '../../src/events/severity.js';
import { findEntity } from './ipo-entities.js';
import { alarmKeyOf, readIpoAlarm, type IpoAlarm } from './ipo-alarm.js';
import type { ParsedSyslog } from './parsed-syslog.js';
import { readIpoMessage, type IpoMessage } from './read-ipo-message.js';

export type ListenerName = 'udp' | 'tcp' | 'tls';

export interface SyslogReceipt {
  sourceAddress: string;
  receivedAt: number;
  raw: Uint8Array;
  /** Which listener took it in. Default 'udp'. */
  listener?: ListenerName;
  /** The sender is not in the listener's allowedSources (kept and flagged). */
  unlisted?: boolean;
  /** Subject CN of a verified TLS client certificate. */
  tlsPeer?: string;
}

// Facilities auth(4) and authpriv(10) carry security messages (RFC 3164 §4.1.1).
const SECURITY_FACILITIES = new Set([4, 10]);
// Attributes are flat scalars; structured data becomes "sd.<id>.<name>", at most this many.
const MAX_SD_ATTRIBUTES = 32;

interface Reading {
  code: string;
  category: EventCategory;
  severity: Severity;
  raisesAlarm: boolean;
  alarmKey?: string;
  text: string;
  attributes: Attributes;
}

/**
 * Turns a parsed syslog message into a FleetEvent. Pure. In order: an IP
 * Office "Alarm:" line (ipo-alarm.ts) raises or clears an alarm, with the
 * precise code of a known text when it holds one; a known IP Office text
 * (ipo-messages.ts) gets its code, category and severity; anything else is a
 * plain Generic message, stored but never an alarm. The node is left for
 * the pipeline to resolve; the entity comes from the text (ipo-entities.ts).
 */
export function mapSyslogToEvent(parsed: ParsedSyslog, ctx: SyslogReceipt): FleetEvent {
  const reading = readAlarmLine(parsed) ?? readKnownMessage(parsed) ?? readPlainMessage(parsed);
  return {
    receivedAt: ctx.receivedAt,
    ...(isEpochMs(parsed.timestamp) && { occurredAt: parsed.timestamp }),
    source: 'syslog',
    collector: 'syslog',
    sourceAddress: ctx.sourceAddress,
    ...(parsed.hostname !== undefined && { hostname: parsed.hostname }),
    nodeId: null,
    entity: findEntity(reading.text),
    category: reading.category,
    severity: reading.severity,
    raisesAlarm: reading.raisesAlarm,
    code: reading.code,
    ...(reading.alarmKey !== undefined && { alarmKey: reading.alarmKey }),
    text: reading.text,
    attributes: {
      facility: parsed.facility,
      syslogSeverity: parsed.severity,
      appName: parsed.appName ?? null,
      procId: parsed.procId ?? null,
      hostname: parsed.hostname ?? null,
      format: parsed.format,
      flags: parsed.flags.join(','),
      listener: ctx.listener ?? 'udp',
      ...(parsed.msgId !== undefined && { msgId: parsed.msgId }),
      ...structuredDataAttributes(parsed),
      ...(ctx.unlisted && { unlistedSource: true }),
      ...(ctx.tlsPeer !== undefined && { tlsPeer: ctx.tlsPeer }),
      ...reading.attributes,
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

function readAlarmLine(parsed: ParsedSyslog): Reading | null {
  const alarm = ipoAlarmOf(parsed);
  if (!alarm) return null;
  // "Alarm: License: WebLM Server Error: ..." gets the text's own code and key, so it and the bare text are one alarm.
  const known = readIpoMessage({ message: alarm.text }, { alarmsOnly: true });
  const floor = known ? worst('warning', known.rule.severity) : 'warning'; // a line that says "Alarm" is a problem
  return {
    code: known ? `syslog.${known.rule.code}` : `syslog.alarm.${alarm.group}`,
    category: known ? known.rule.category : alarm.category,
    severity: alarm.cleared ? 'cleared' : worst(floor, severityFromSyslog(parsed.severity)),
    raisesAlarm: true,
    alarmKey: known ? knownAlarmKey(known) : alarmKeyOf(alarm.text),
    text: alarm.text,
    attributes: { alarmGroup: alarm.group, ...(known && knownAttributes(known)) },
  };
}

function readKnownMessage(parsed: ParsedSyslog): Reading | null {
  const known = readIpoMessage(parsed);
  if (!known) return null;
  const { rule } = known;
  return {
    code: `syslog.${rule.code}`,
    category: rule.category,
    severity: rule.raisesAlarm ? worst(rule.severity, severityFromSyslog(parsed.severity)) : rule.severity,
    raisesAlarm: rule.raisesAlarm,
    ...(rule.raisesAlarm && { alarmKey: knownAlarmKey(known) }),
    text: known.text,
    attributes: knownAttributes(known),
  };
}

function readPlainMessage(parsed: ParsedSyslog): Reading {
  return {
    code: 'syslog.message',
    category: SECURITY_FACILITIES.has(parsed.facility) ? 'Security' : 'Generic',
    severity: severityFromSyslog(parsed.severity),
    raisesAlarm: false,
    text: parsed.message.trim(),
    attributes: {},
  };
}

/**
 * Without a hostname and tag, "Alarm: Trunk: ..." right after the timestamp
 * parses as TAG "Alarm"; read it back as the alarm line it is.
 */
function ipoAlarmOf(parsed: ParsedSyslog): IpoAlarm | null {
  const alarm = readIpoAlarm(parsed.message);
  if (alarm || parsed.appName?.toLowerCase() !== 'alarm' || parsed.procId !== undefined) return alarm;
  return readIpoAlarm(`${parsed.appName}: ${parsed.message}`);
}

/** The rule's key groups in order, normalised; undefined when it has none, so one alarm per code, node and entity. */
function knownAlarmKey(known: IpoMessage): string | undefined {
  const parts = (known.rule.keyGroups ?? []).map((group) => known.groups[group]).filter((v): v is string => v !== undefined);
  return parts.length > 0 ? alarmKeyOf(parts.join(' ')) : undefined;
}

function knownAttributes(known: IpoMessage): Attributes {
  return { ...known.groups, ...(known.rule.knownIssue !== undefined && { knownIssue: known.rule.knownIssue }) };
}

function structuredDataAttributes(parsed: ParsedSyslog): Attributes {
  const out: Attributes = {};
  let n = 0;
  for (const element of parsed.structuredData ?? []) {
    for (const [name, value] of element.params) {
      if (n++ >= MAX_SD_ATTRIBUTES) return out;
      out[`sd.${element.id}.${name}`] = value;
    }
  }
  return out;
}

function worst(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

function isEpochMs(value: number | undefined): value is number {
  return value !== undefined && Number.isSafeInteger(value) && value >= 0;
}
