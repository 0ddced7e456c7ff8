import type { LicenceSource, NodeRole, Platform } from '../src/fleet/node-schema.js';
import { releaseRanges } from './compile-match.js';
import type { MatchKind } from './match-schema.js';
import { releaseInRange } from './release-range.js';
import { parseRelease } from './release.js';
import type { KnownIssueCatalogue, KnownIssueRule, RuleTier } from './schema.js';

/** What the inventory knows about a node; a fleet NodeConfig and the engine's NodeFacts both fit. */
export interface NodeInventoryFacts {
  role: NodeRole;
  platform?: Platform | undefined;
  version?: string | undefined;
  licenceSource: LicenceSource;
}

/** A fact a rule names that the node's inventory entry lacks (or has in a form that cannot be read). */
export type UncheckedFact = 'version' | 'platform';

export interface KnownIssueExposure {
  ruleId: string;
  vendorId?: string | undefined;
  title: string;
  tier: RuleTier;
  /** `inventory`: only this listing shows it; `event`: alarms that match it are annotated too. */
  matchKind: MatchKind;
  workaround: string;
  references: string[];
  /** The documented releases, for people: ["10.0", "10.0 to before 10.0 SP1"]. */
  releases: string[];
  /** `exposed`: every condition the rule names holds for the node; `possible`: some could not be checked. */
  certainty: 'exposed' | 'possible';
  unchecked: UncheckedFact[];
}

/**
 * The known issues a node is exposed to by its release, role, platform and licence source (the rule's
 * `releases`, `roles`, `platforms`, `licenceSources`), so the UI can say "this node is exposed to
 * IPOFFICE-…" before any alarm shows it. A named role or licence source that differs rules a node out; a
 * version or platform the inventory lacks does not, but makes the exposure only `possible`.
 */
export function knownIssuesForNode(catalogue: KnownIssueCatalogue, node: NodeInventoryFacts): KnownIssueExposure[] {
  const release = node.version === undefined ? undefined : parseRelease(node.version);
  const exposures: KnownIssueExposure[] = [];
  for (const rule of catalogue.rules) {
    if (rule.roles && !rule.roles.includes(node.role)) continue;
    if (rule.licenceSources && !rule.licenceSources.includes(node.licenceSource)) continue;
    const unchecked: UncheckedFact[] = [];
    if (rule.platforms) {
      if (node.platform === undefined) unchecked.push('platform');
      else if (!rule.platforms.includes(node.platform)) continue;
    }
    const ranges = releaseRanges(rule.releases);
    if (release === undefined) unchecked.push('version');
    else if (!ranges.some((range) => releaseInRange(release, range))) continue;
    exposures.push(exposure(rule, ranges.map((range) => range.text), unchecked));
  }
  return exposures;
}

function exposure(rule: KnownIssueRule, releases: string[], unchecked: UncheckedFact[]): KnownIssueExposure {
  return {
    ruleId: rule.id,
    ...(rule.vendorId !== undefined && { vendorId: rule.vendorId }),
    title: rule.title,
    tier: rule.tier,
    matchKind: rule.match.kind ?? 'event',
    workaround: rule.workaround,
    references: [...rule.references],
    releases,
    certainty: unchecked.length === 0 ? 'exposed' : 'possible',
    unchecked,
  };
}
