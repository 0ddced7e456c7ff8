import type { EventCategory } from '../../src/events/categories.js';
import type { Severity } from '../../src/events/severity.js';

/**
 * IP Office texts we recognise in syslog MSG, as data. The texts are the
 * seeds' own (cited as file:line, see ../shared/reference/seeds-digest.md
 * §2.5, §5.8, §5.9, §9); how IP Office wraps them in a syslog line is not
 * published, so patterns match the text wherever the line puts it, ignore
 * case, and the raw line is always kept. First match wins: specific rows
 * come before general ones.
 */
export interface IpoMessageRule {
  /** The event code is `syslog.<code>`. Stable: alarms and rules key on it. */
  code: string;
  pattern: RegExp;
  category: EventCategory;
  /** For problems the least severity (a worse PRI wins); for messages the severity itself. */
  severity: Severity;
  raisesAlarm: boolean;
  /** Named groups whose values tell alarms of one code apart (the alarm key); none: one alarm per code, node and entity. */
  keyGroups?: readonly string[];
  /** Only on audit-trail lines (TAG, MSGID or MSG says "audit"): the words alone are too common. */
  auditOnly?: boolean;
  /** The seed's known-issue id when the text is documented as benign or as a false state. */
  knownIssue?: string;
  /** Where the text comes from: seed file:line, or a public format (sshd, pam). */
  seed: string;
}

const LICENCE_TYPE = String.raw`(?:\W*License Types?\s*:\s*(?<licenceType>.+?))?\s*$`;
const FAILED = String.raw`fail(?:ed|ure|s)?|denied|invalid|rejected|refused|incorrect|bad password`;
const LOGIN = String.raw`log(?:ged)?[ -]?(?:in|on)|authenticat(?:e|ion)`;
// Looks ahead for "user=x", "user: x", "account x" anywhere on the line without consuming it.
const ACCOUNT = String.raw`(?=(?:.*?\b(?:user(?:name)?|account)\s*[=:]?\s*"?(?<account>[^\s",;:]+))?)`;

export const IPO_MESSAGE_RULES: readonly IpoMessageRule[] = [
  // --- Licence: the SSA "Service Alarms" texts of 001:1143-1190 (seeds-digest §2.5) ---
  {
    code: 'licence.feature-not-licensed',
    pattern: new RegExp(String.raw`^Attempt to use a feature for which no license is installed\W*License Types?\s*:\s*(?<licenceType>DevLink3 External Recorder)\b`, 'i'),
    category: 'License',
    severity: 'info',
    raisesAlarm: false,
    knownIssue: 'IPOFFICE-111042', // "should be ignored when connecting via a DevLink3 application"
    seed: '001:287',
  },
  {
    code: 'licence.feature-not-licensed',
    pattern: new RegExp(String.raw`^Attempt to use a feature for which no license is installed\.?` + LICENCE_TYPE, 'i'),
    category: 'License',
    severity: 'minor',
    raisesAlarm: true,
    keyGroups: ['licenceType'],
    seed: '001:1146, 001:1147, 001:1187',
  },
  {
    code: 'licence.insufficient',
    pattern: new RegExp(String.raw`^There are insufficient licenses for this configuration\.?` + LICENCE_TYPE, 'i'),
    category: 'License',
    severity: 'major',
    raisesAlarm: true,
    keyGroups: ['licenceType'],
    seed: '001:1149, 001:1151',
  },
  {
    code: 'licence.sip-channels-exceeded',
    pattern: /^SIP Channel License Exceeded\b/i,
    category: 'License',
    severity: 'major',
    raisesAlarm: true,
    seed: '001:1150',
  },
  {
    code: 'licence.configuration-error',
    pattern: /^License Configuration Error\b/i,
    category: 'License',
    severity: 'major',
    raisesAlarm: true,
    seed: '001:1152, 001:1137',
  },
  {
    code: 'licence.weblm-server-error',
    pattern: /^WebLM Server Error\b(?:\s*:\s*System not licensed for (?<edition>.+?)\s*$)?/i,
    category: 'License',
    severity: 'major',
    raisesAlarm: true,
    seed: '001:1145, 001:1166, 001:1185',
  },
  {
    code: 'licence.weblm-error-mode',
    pattern: /\bWebLM Error Mode\b/i,
    category: 'License',
    severity: 'major',
    raisesAlarm: true,
    knownIssue: 'IPOFFICE-111618', // can be a false state while licences are valid; SSA "Renew Licenses" clears it
    seed: '001:295',
  },
  {
    code: 'licence.system-id-changed',
    pattern: /^System ID has changed\b/i,
    category: 'License',
    severity: 'warning',
    raisesAlarm: true,
    knownIssue: 'IPOFFICE-111618', // benign when the system is licensed by WebLM
    seed: '001:294',
  },
  {
    // System Monitor line; more than 255 remote Basic Users before R10.0 SP1.
    code: 'licence.remote-extension-not-licensed',
    pattern: /^CMEExtEvt\s*:\s*Extn\s*(?<extension>\d+)\s*:\s*User is not licensed for a Remote Extension\b/i,
    category: 'License',
    severity: 'warning',
    raisesAlarm: true,
    knownIssue: 'IPOFFICE-111894',
    seed: '001:339',
  },

  // --- Other SSA alarm and platform texts (seeds-digest §5.9, §8.2, §9) ---
  {
    code: 'hold-music.load-failed',
    pattern: /^Failed to load HOLD Music source file\b(?:\s*Source Name\s*:\s*(?<musicSource>.+?))?\s*$/i,
    category: 'Generic',
    severity: 'minor',
    raisesAlarm: true,
    keyGroups: ['musicSource'],
    seed: '001:1148, 001:1169',
  },
  {
    code: 'backup.failed',
    pattern: /^Backup failed\b\s*:?\s*(?<failure>.*)$/i,
    category: 'Generic',
    severity: 'major',
    raisesAlarm: true,
    seed: '001:307',
  },
  {
    code: 'upgrade.failed',
    pattern: /\byum process died before completing its job\b/i,
    category: 'Generic',
    severity: 'major',
    raisesAlarm: true,
    seed: '001:475, 001:482',
  },

  // --- Security: "The system sends alarms or login failure" (003:2080-2082) ---
  {
    code: 'security.login-failed',
    pattern: /^Failed (?:password|publickey|keyboard-interactive\/pam) for (?:invalid user )?(?<account>\S+) from (?<fromAddress>\S+)/,
    category: 'Security',
    severity: 'warning',
    raisesAlarm: true,
    keyGroups: ['account'],
    seed: 'OpenSSH sshd on Linux Server Edition hosts',
  },
  {
    code: 'security.login-failed',
    pattern: new RegExp('^' + ACCOUNT + String.raw`.*?(?:\b(?:${LOGIN})\b.*?\b(?:${FAILED})\b|\b(?:${FAILED})\b.*?\b(?:${LOGIN})\b)`, 'i'),
    category: 'Security',
    severity: 'warning',
    raisesAlarm: true,
    keyGroups: ['account'],
    seed: '003:2080-2082, 003:1690',
  },
  {
    code: 'security.default-password',
    pattern: /\bdefault password|\bpasswords? (?:is |are )?(?:still )?(?:set to )?(?:the )?default\b/i,
    category: 'Security',
    severity: 'warning',
    raisesAlarm: true,
    seed: '003:2080-2081',
  },
  {
    code: 'audit.login',
    pattern: /^Accepted (?:password|publickey|keyboard-interactive\/pam) for (?<account>\S+) from (?<fromAddress>\S+)/,
    category: 'Security',
    severity: 'info',
    raisesAlarm: false,
    seed: 'OpenSSH sshd on Linux Server Edition hosts',
  },
  {
    code: 'audit.login',
    pattern: new RegExp('^' + ACCOUNT + String.raw`.*?\b(?:${LOGIN})\b`, 'i'),
    category: 'Security',
    severity: 'info',
    raisesAlarm: false,
    auditOnly: true,
    seed: '003:2083',
  },

  // --- Audit trail: the events Manager records (003:1197-1215, seeds-digest §5.8) ---
  { code: 'audit.config-changed', pattern: /\bConfiguration Changed\b\s*:?\s*(?<changed>.*)$/i, category: 'Generic', severity: 'info', raisesAlarm: false, seed: '003:1197-1198' },
  { code: 'audit.config-erased', pattern: /\bConfiguration Erased\b/i, category: 'Generic', severity: 'info', raisesAlarm: false, seed: '003:1200' },
  { code: 'audit.config-merged', pattern: /\bConfiguration merged\b/i, category: 'Generic', severity: 'info', raisesAlarm: false, seed: '003:1202' },
  { code: 'audit.write-immediate-reboot', pattern: /\bWrite with Immediate Reboot\b/i, category: 'Generic', severity: 'info', raisesAlarm: false, seed: '003:1214' },
  { code: 'audit.write-reboot-when-free', pattern: /\bWrite with Reboot When Free\b/i, category: 'Generic', severity: 'info', raisesAlarm: false, seed: '003:1215' },
  { code: 'audit.write-scheduled', pattern: /\bWrite at (?<writeAt>\d{1,2}:\d{2})\b/i, category: 'Generic', severity: 'info', raisesAlarm: false, seed: '003:1212-1213' },
  { code: 'audit.reboot', pattern: /\bReboot\b/i, category: 'Generic', severity: 'info', raisesAlarm: false, auditOnly: true, seed: '003:1204' },
  { code: 'audit.upgrade', pattern: /\bUpgrade\b/i, category: 'Generic', severity: 'info', raisesAlarm: false, auditOnly: true, seed: '003:1206' },
  { code: 'audit.cold-start', pattern: /\bCold Start\b/i, category: 'Generic', severity: 'info', raisesAlarm: false, auditOnly: true, seed: '003:1208' },
  { code: 'audit.warm-start', pattern: /\bWarm Start\b/i, category: 'Generic', severity: 'info', raisesAlarm: false, auditOnly: true, seed: '003:1210' },

  // --- System Monitor style lines: "[09:16:46  54896mS] CHANNEL: text" (001:339, 001:401-410) ---
  {
    code: 'sysmon',
    pattern: /^(?:\d{1,2}:\d{2}:\d{2}\s+)?(?:\d+mS\s+)?(?<sysmonChannel>[A-Z][A-Za-z0-9]{0,31}(?:Evt|Event)|PRN)\s*:/,
    category: 'Generic',
    severity: 'info',
    raisesAlarm: false,
    seed: '001:339, 001:401-410',
  },
];
