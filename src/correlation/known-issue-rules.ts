import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KNOWN_ISSUES_FILE } from '../../rules/check.js';
import { knownIssuesForNode, type KnownIssueExposure, type NodeInventoryFacts } from '../../rules/known-issues-for-node.js';
import { loadKnownIssues } from '../../rules/load.js';
import type { KnownIssueRule } from '../../rules/schema.js';
import { createRuleMatcher } from '../../rules/matcher.js';
import type { RuleMatcher } from './rule-matcher.js';

/** The shipped catalogue folder (rules/ beside src/). */
export const SHIPPED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

/** A loaded known-issue catalogue: the matcher the engine uses and the per-node exposure listing. */
export interface KnownIssueRules {
  size: number;
  matcher: RuleMatcher;
  exposures(node: NodeInventoryFacts): KnownIssueExposure[];
  /** A rule by id (the licence engine's suspect flag quotes its title and workaround). */
  rule(id: string): KnownIssueRule | undefined;
}

export function rulesDirOf(configured: string): string {
  return configured === '' ? SHIPPED_RULES_DIR : configured;
}

/** Loads `<dir>/known-issues.yaml`; throws CodedError (IPO_ERR_RULES_*) naming every problem. */
export function loadKnownIssueRules(dir: string): KnownIssueRules {
  const catalogue = loadKnownIssues(join(dir, KNOWN_ISSUES_FILE));
  const matcher = createRuleMatcher(catalogue);
  return { size: matcher.size, matcher, exposures: (node) => knownIssuesForNode(catalogue, node), rule: (id) => catalogue.rules.find((rule) => rule.id === id) };
}
