import type { NodeFacts, RuleMatch, RuleMatcher } from '../src/correlation/rule-matcher.js';
import { EVENT_CATEGORIES, type EventCategory } from '../src/events/categories.js';
import { EVENT_SOURCES, type EventSource } from '../src/events/event-sources.js';
import type { FleetEvent } from '../src/events/fleet-event.js';
import { asList, compileConditions, releaseReader, type Condition, type MatchSubject } from './compile-match.js';
import type { KnownIssueCatalogue, KnownIssueRule } from './schema.js';

interface CompiledRule {
  conditions: readonly Condition[];
  result: RuleMatch;
}

const INDEXED = new Set(['source', 'category'] as const);

/**
 * Builds the matcher for a loaded catalogue. Regular expressions are compiled and release ranges parsed here,
 * once. Rules are indexed by (source, category), so an event is only tested against the rules that can match
 * its source and category, in catalogue order; inventory rules never match events (see knownIssuesForNode).
 * Matches come back in catalogue order, the same objects each time (treat them as read-only).
 */
export function createRuleMatcher(catalogue: KnownIssueCatalogue): RuleMatcher {
  const eventRules = catalogue.rules.filter((rule) => rule.match.kind !== 'inventory');
  const compiled = eventRules.map((rule) => ({ rule, compiled: compileRule(rule) }));
  const index = new Map<string, readonly CompiledRule[]>();
  for (const source of EVENT_SOURCES) {
    for (const category of EVENT_CATEGORIES) {
      const fits = compiled.filter(({ rule }) => accepts(rule.match.source, source) && accepts(rule.match.category, category));
      index.set(indexKey(source, category), fits.map((entry) => entry.compiled));
    }
  }
  const readRelease = releaseReader();

  return {
    size: catalogue.rules.length,
    match(event: FleetEvent, node: NodeFacts | null): RuleMatch[] {
      const candidates = index.get(indexKey(event.source, event.category));
      if (!candidates || candidates.length === 0) return [];
      let lower: string | undefined;
      const subject: MatchSubject = {
        event,
        node,
        lowerText: () => (lower ??= event.text.toLowerCase()),
        release: () => readRelease(node),
      };
      const matches: RuleMatch[] = [];
      for (const candidate of candidates) {
        if (holds(candidate.conditions, subject)) matches.push(candidate.result);
      }
      return matches;
    },
  };
}

function compileRule(rule: KnownIssueRule): CompiledRule {
  const result: RuleMatch = Object.freeze({
    ruleId: rule.id,
    ...(rule.vendorId !== undefined && { vendorId: rule.vendorId }),
    title: rule.title,
    effect: rule.effect,
    workaround: rule.workaround,
    references: Object.freeze([...rule.references]) as string[],
    ...(rule.raise !== undefined && { raise: Object.freeze({ ...rule.raise }) }),
  });
  return { conditions: compileConditions(rule.match, { indexed: INDEXED }), result };
}

function holds(conditions: readonly Condition[], subject: MatchSubject): boolean {
  for (const condition of conditions) if (!condition(subject)) return false;
  return true;
}

function accepts<T>(condition: T | readonly T[] | undefined, value: T): boolean {
  return condition === undefined || asList(condition).includes(value);
}

function indexKey(source: EventSource, category: EventCategory): string {
  return `${source}\u0000${category}`;
}
