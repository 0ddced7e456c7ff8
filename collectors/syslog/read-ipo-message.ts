import { IPO_MESSAGE_RULES, type IpoMessageRule } from './ipo-messages.js';
import type { ParsedSyslog } from './parsed-syslog.js';

export interface IpoMessage {
  rule: IpoMessageRule;
  /** The line the rule matched, trimmed: the event's text. */
  text: string;
  /** Named groups that matched, e.g. { licenceType: 'CTI Link Pro' }. */
  groups: Record<string, string>;
}

// "Audit: ..." / "Audit Trail: ..." in MSG; the rest of the line is the audit text.
const AUDIT_PREFIX = /^audit(?:[ -]?trail)?\s*:\s*/i;
const AUDIT_WORD = /audit/i;
// Patterns look at the start of a line; a cap keeps regex work per message bounded however long the line.
const MATCH_CHARS = 1024;

/**
 * Finds the first IP Office rule (ipo-messages.ts) that a message matches.
 * It tries MSG, then "TAG: MSG" (without a hostname, a System Monitor
 * channel such as "CMEExtEvt:" parses as the TAG). Pure.
 */
export function readIpoMessage(parsed: Pick<ParsedSyslog, 'message' | 'appName' | 'procId' | 'msgId'>, options: { alarmsOnly?: boolean } = {}): IpoMessage | null {
  let message = parsed.message.trim();
  const prefix = AUDIT_PREFIX.exec(message);
  if (prefix) message = message.slice(prefix[0].length);
  const audit = prefix !== null || AUDIT_WORD.test(parsed.appName ?? '') || AUDIT_WORD.test(parsed.msgId ?? '');
  const candidates = [message];
  if (parsed.appName && parsed.procId === undefined && !audit) candidates.push(`${parsed.appName}: ${message}`);

  for (const rule of IPO_MESSAGE_RULES) {
    if ((rule.auditOnly && !audit) || (options.alarmsOnly && !rule.raisesAlarm)) continue;
    for (const text of candidates) {
      const m = rule.pattern.exec(text.slice(0, MATCH_CHARS));
      if (m) return { rule, text, groups: definedGroups(m.groups) };
    }
  }
  return null;
}

function definedGroups(groups: Record<string, string | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(groups ?? {})) if (value !== undefined && value.trim() !== '') out[name] = value.trim();
  return out;
}
