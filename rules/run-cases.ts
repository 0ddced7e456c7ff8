import type { NodeFacts, RuleEffect, RuleMatcher } from '../src/correlation/rule-matcher.js';
import { FleetEventSchema, type FleetEvent } from '../src/events/fleet-event.js';
import { isProblem } from '../src/events/severity.js';
import { DEFAULT_LICENCE_SOURCE } from '../src/fleet/node-schema.js';
import type { CaseEvent, CaseFile, CaseNode } from './case-schema.js';
import { knownIssuesForNode } from './known-issues-for-node.js';
import type { KnownIssueCatalogue } from './schema.js';

/** What running one rule's case file found. Positives expect the file's rule to match (or the node to be exposed). */
export interface CaseFileOutcome {
  events: number;
  exposures: number;
  positives: number;
  negatives: number;
  failures: string[];
}

const CASE_NODE_ID = 'node-under-test';
const CASE_SOURCE_ADDRESS = '192.0.2.10';

/**
 * Runs the cases of `ruleId`'s file against the whole catalogue: each event must match exactly the rules its
 * expectation names, with those effects, so a case also catches another rule matching where it should not.
 */
export function runRuleCases(ruleId: string, file: CaseFile, matcher: RuleMatcher, catalogue: KnownIssueCatalogue): CaseFileOutcome {
  const known = new Set(catalogue.rules.map((rule) => rule.id));
  const outcome: CaseFileOutcome = { events: 0, exposures: 0, positives: 0, negatives: 0, failures: [] };
  for (const ruleCase of file.cases) {
    const node = caseNodeFacts(ruleCase.given.node);
    const fail = (what: string) => outcome.failures.push(`case "${ruleCase.name}"${what}`);

    (ruleCase.given.events ?? []).forEach((given, index) => {
      const expected = ruleCase.expect.events?.[index] ?? {};
      const event = caseEvent(given, node);
      const label = `, event ${index + 1} (${event.source} ${JSON.stringify(event.text)})`;
      for (const id of Object.keys(expected)) if (!known.has(id)) fail(`${label}: expects unknown rule "${id}"`);
      const got = Object.fromEntries(matcher.match(event, node).map((match) => [match.ruleId, match.effect]));
      if (!sameMatches(expected, got)) fail(`${label}: expected ${show(expected)}; got ${show(got)}`);
      outcome.events++;
      if (ruleId in expected) outcome.positives++;
      else outcome.negatives++;
    });

    if (ruleCase.expect.exposure !== undefined) {
      const wanted = ruleCase.expect.exposure;
      const found = node === null ? undefined : knownIssuesForNode(catalogue, node).find((exposure) => exposure.ruleId === ruleId);
      const got = found?.certainty ?? 'none';
      if (got !== wanted) fail(`: expected exposure ${wanted} to ${ruleId}; got ${got}`);
      outcome.exposures++;
      if (wanted === 'none') outcome.negatives++;
      else outcome.positives++;
    }
  }
  return outcome;
}

/** The engine's view of a case node; `null` stays an unknown sender. */
export function caseNodeFacts(node: CaseNode | null): NodeFacts | null {
  if (node === null) return null;
  return {
    nodeId: node.id ?? CASE_NODE_ID,
    role: node.role,
    platform: node.platform,
    version: node.version,
    licenceSource: node.licenceSource ?? DEFAULT_LICENCE_SOURCE,
  };
}

/** A whole FleetEvent from the parts a case gives, checked against the event schema so cases stay realistic. */
export function caseEvent(given: CaseEvent, node: NodeFacts | null): FleetEvent {
  const source = given.source ?? 'syslog';
  const severity = given.severity ?? 'major';
  const text = given.text ?? '';
  return FleetEventSchema.parse({
    receivedAt: 0,
    source,
    collector: source,
    sourceAddress: given.sourceAddress ?? CASE_SOURCE_ADDRESS,
    nodeId: node?.nodeId ?? null,
    entity: given.entity ?? null,
    category: given.category ?? 'Generic',
    severity,
    raisesAlarm: given.raisesAlarm ?? isProblem(severity),
    code: given.code ?? `${source}.event`,
    text,
    attributes: given.attributes ?? {},
    raw: { encoding: 'utf8', data: text },
  });
}

function sameMatches(expected: Record<string, RuleEffect>, got: Record<string, RuleEffect>): boolean {
  const keys = Object.keys(expected);
  return keys.length === Object.keys(got).length && keys.every((key) => got[key] === expected[key]);
}

function show(matches: Record<string, RuleEffect>): string {
  const entries = Object.entries(matches).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? '{}' : `{ ${entries.map(([id, effect]) => `${id}: ${effect}`).join(', ')} }`;
}
