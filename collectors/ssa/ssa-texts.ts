import type { EventCategory } from '../../src/events/categories.js';
import type { ProblemSeverity } from '../../src/events/severity.js';
import type { SsaList } from './snapshot.js';

/**
 * SSA alarm texts we recognise, as data: each gives the event code (`ssa.<list>.<code>`), category and severity.
 * Texts are the seeds' own (seeds-digest §2.5, §5.9, §9); codes and severities match the syslog collector's table
 * (collectors/syslog/ipo-messages.ts) so one IP Office text reads the same from either source. First match wins.
 * Known false alarms (DevLink3, System ID under WebLM, TLS on port 411, cleared licence alarms after a Select
 * restart) are not decided here: the known-issue catalogue (rules/known-issues.yaml) marks them.
 */
export interface SsaTextRule {
  code: string;
  pattern: RegExp;
  category: EventCategory;
  severity: ProblemSeverity;
  seed: string;
}

export const SSA_TEXT_RULES: readonly SsaTextRule[] = [
  // Licence texts of the Service Alarms tables, 001:1143-1187.
  { code: 'licence.configuration-error', pattern: /^License Configuration Error\b/i, category: 'License', severity: 'major', seed: '001:1152, 001:1137' },
  { code: 'licence.feature-not-licensed', pattern: /^Attempt to use a feature for which no license is installed\b/i, category: 'License', severity: 'minor', seed: '001:1146, 001:1147, 001:287' },
  { code: 'licence.insufficient', pattern: /^There are insufficient licenses for this configuration\b/i, category: 'License', severity: 'major', seed: '001:1149, 001:1151' },
  { code: 'licence.sip-channels-exceeded', pattern: /^SIP Channel License Exceeded\b/i, category: 'License', severity: 'major', seed: '001:1150' },
  { code: 'licence.weblm-server-error', pattern: /^WebLM Server Error\b/i, category: 'License', severity: 'major', seed: '001:1145, 001:1154' },
  { code: 'licence.weblm-error-mode', pattern: /\bWebLM Error Mode\b/i, category: 'License', severity: 'major', seed: '001:295' },
  { code: 'licence.system-id-changed', pattern: /^System ID has changed\b/i, category: 'License', severity: 'warning', seed: '001:294' },
  // Not a licence alarm, in the same list (001:1148; "Hold Music" at 001:1169): music on hold is an application.
  { code: 'hold-music.load-failed', pattern: /^Failed to load HOLD Music source file\b/i, category: 'Applications', severity: 'minor', seed: '001:1148, 001:1169' },
  // 16xx phones failing TLS to fetch settings raise TLS alarms in SSA (002:1580; the text is not given).
  { code: 'security.tls', pattern: /\bTLS\b/i, category: 'Security', severity: 'warning', seed: '002:1580' },
];

/** What an unrecognised text in each list is about; its severity is indeterminate (X.733: cannot be determined). */
const LIST_CATEGORY: Record<SsaList, EventCategory> = {
  configuration: 'Generic',
  service: 'Generic',
  trunk: 'Trunk lines',
  link: 'Generic',
  security: 'Security',
};

export interface ClassifiedText {
  code: string;
  category: EventCategory;
  severity: ProblemSeverity;
}

export function classifyText(text: string, list: SsaList): ClassifiedText {
  // 001:287 quotes the text: '"Attempt to use a feature …" License Type:DevLink3 External Recorder'.
  const bare = text.replace(/^["'\s]+/, '');
  const rule = SSA_TEXT_RULES.find((candidate) => candidate.pattern.test(bare));
  if (!rule) return { code: 'unclassified', category: LIST_CATEGORY[list], severity: 'indeterminate' };
  return { code: rule.code, category: rule.category, severity: rule.severity };
}
