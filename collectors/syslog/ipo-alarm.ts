import type { EventCategory } from '../../src/events/categories.js';

/**
 * The IP Office alarm convention we accept in syslog MSG (no public sample of
 * IP Office alarm syslog text exists, see README "Accepted messages"):
 *   Alarm: <Group>: <text>                 raises
 *   Alarm Cleared: <Group>: <text>         clears
 *   Alarm: <Group>: Cleared: <text>        clears
 * <Group> is optional. Keywords are matched without regard to case.
 */
export interface IpoAlarm {
  /** Stable code suffix: 'trunk', 'license', ... or the group slug when unknown; 'generic' when there is none. */
  group: string;
  category: EventCategory;
  cleared: boolean;
  /** The alarm text after the group and any "Cleared:". */
  text: string;
}

interface GroupInfo {
  group: string;
  category: EventCategory;
}

// Groups follow IP Office's alarm classes (System Status / IPO-MIB Configuration, Service, Trunk, Link)
// and its email event categories; spellings that mean the same thing share one code.
const GROUPS = new Map<string, GroupInfo>([
  ['generic', { group: 'generic', category: 'Generic' }],
  ['configuration', { group: 'configuration', category: 'Generic' }],
  ['service', { group: 'service', category: 'Generic' }],
  ['link', { group: 'link', category: 'Generic' }],
  ['trunk', { group: 'trunk', category: 'Trunk lines' }],
  ['license', { group: 'license', category: 'License' }],
  ['licence', { group: 'license', category: 'License' }],
  ['application', { group: 'application', category: 'Applications' }],
  ['applications', { group: 'application', category: 'Applications' }],
  ['qos', { group: 'qos', category: 'QoS' }],
  ['quality-of-service', { group: 'qos', category: 'QoS' }],
  ['security', { group: 'security', category: 'Security' }],
  ['expansion', { group: 'expansion', category: 'Expansion modules' }],
  ['expansion-modules', { group: 'expansion', category: 'Expansion modules' }],
  ['vcm', { group: 'vcm', category: 'VCM' }],
  ['voicemail', { group: 'voicemail', category: 'Embedded Voicemail Card' }],
  ['embedded-voicemail', { group: 'voicemail', category: 'Embedded Voicemail Card' }],
  ['phone-change', { group: 'phone-change', category: 'Phone change' }],
  ['resiliency', { group: 'resiliency', category: 'Resiliency' }],
]);

const HEAD = /^alarm(\s+cleared)?\s*:\s*/i;
// A group is a short word or two, then ':'; anything longer or with other punctuation is alarm text.
const GROUP = /^([A-Za-z][A-Za-z0-9 _/&-]{0,31}?)\s*:\s*/;
const CLEARED = /^cleared\s*:\s*/i;

/** Reads the convention from a syslog MSG; null when the MSG is not an alarm line. */
export function readIpoAlarm(message: string): IpoAlarm | null {
  let rest = message.trim();
  const head = HEAD.exec(rest);
  if (!head) return null;
  let cleared = head[1] !== undefined;
  rest = rest.slice(head[0].length);

  let info: GroupInfo = { group: 'generic', category: 'Generic' };
  const group = GROUP.exec(rest);
  if (group && !CLEARED.test(rest)) {
    info = groupInfo(group[1]!);
    rest = rest.slice(group[0].length);
  }
  const clearedWord = CLEARED.exec(rest);
  if (clearedWord) {
    cleared = true;
    rest = rest.slice(clearedWord[0].length);
  }
  return { ...info, cleared, text: rest.trim() };
}

function groupInfo(name: string): GroupInfo {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return GROUPS.get(slug) ?? { group: slug || 'generic', category: 'Generic' };
}

/** The alarm key: the alarm text trimmed, whitespace collapsed, lowercased, so a clear finds its raise. */
export function alarmKeyOf(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
