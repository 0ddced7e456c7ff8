import type { EventCategory } from '../events/categories.js';
import type { FleetEvent } from '../events/fleet-event.js';
import type { ProblemSeverity } from '../events/severity.js';
import type { NodeRole } from '../fleet/fleet-schema.js';
import type { LicenceSource, Platform } from '../fleet/node-schema.js';

/** What the rules may know about the node an event came from (null facts when the sender is unknown). */
export interface NodeFacts {
  nodeId: string;
  role: NodeRole;
  platform?: Platform | undefined;
  /** As configured, e.g. "10.0.0.1 build 300" or "9.1.4"; rules compare it as a release. */
  version?: string | undefined;
  licenceSource: LicenceSource;
}

/**
 * What a matching rule does to the alarm:
 * - annotate: the alarm carries the known issue and its workaround;
 * - benign: the alarm is kept and annotated, but notifications are held back (a documented false alarm);
 * - raise: the event raises an alarm even if it is a plain message (e.g. a known failure text in syslog).
 */
export const RULE_EFFECTS = ['annotate', 'benign', 'raise'] as const;
export type RuleEffect = (typeof RULE_EFFECTS)[number];

export interface RuleMatch {
  /** Stable kebab-case id, e.g. "ipoffice-111618-system-id-changed-weblm". */
  ruleId: string;
  /** The vendor's id, e.g. "IPOFFICE-111618"; absent for unnamed caveats. */
  vendorId?: string | undefined;
  title: string;
  effect: RuleEffect;
  /** The workaround or explanation, in our own words. */
  workaround: string;
  /** Seed citations such as "001:294". */
  references: string[];
  /** For effect "raise": how the derived alarm looks. */
  raise?: { code: string; severity: ProblemSeverity; category: EventCategory } | undefined;
}

/** Matches an event against a rule catalogue. Pure; a new matcher replaces the old one on reload. */
export interface RuleMatcher {
  match(event: FleetEvent, node: NodeFacts | null): RuleMatch[];
  /** How many rules are loaded (health and reload reports). */
  readonly size: number;
}

/** The matcher used when no catalogue is loaded. */
export const emptyRuleMatcher: RuleMatcher = { match: () => [], size: 0 };
