import type { NodeFacts } from '../src/correlation/rule-matcher.js';
import type { FleetEvent } from '../src/events/fleet-event.js';
import { normaliseAddress } from '../src/fleet/normalise-address.js';
import { TEXT_MATCHES_FLAGS, type MatchConditions, type ReleaseSpecInput } from './match-schema.js';
import { parseReleaseSpec, releaseInRange, type ReleaseRange } from './release-range.js';
import { parseRelease, type IpoRelease } from './release.js';

/** What one event looks like to the conditions; the lowered text and parsed version are computed once, on demand. */
export interface MatchSubject {
  event: FleetEvent;
  node: NodeFacts | null;
  lowerText(): string;
  release(): IpoRelease | undefined;
}

export type Condition = (subject: MatchSubject) => boolean;

/** A scalar or a list, as the catalogue allows, read as a list. */
export function asList<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/** The ranges of a (validated) release spec or list of specs. */
export function releaseRanges(specs: ReleaseSpecInput | readonly ReleaseSpecInput[] | undefined): ReleaseRange[] {
  return asList(specs).map((spec) => {
    const parsed = parseReleaseSpec(spec);
    if ('error' in parsed) throw new Error(`release spec passed the schema but does not parse: ${parsed.error}`);
    return parsed.range;
  });
}

/**
 * Turns a rule's match conditions into predicates, cheapest first. `source` and `category` are left out when
 * the caller has already indexed on them. A condition on a node fact the event does not have (unknown sender,
 * no version configured, an unreadable version) does not hold.
 */
export function compileConditions(match: MatchConditions, options: { indexed: ReadonlySet<'source' | 'category'> }): Condition[] {
  const conditions: Condition[] = [];
  const oneOf = <T>(values: readonly T[], read: (subject: MatchSubject) => T | undefined): Condition => {
    const set = new Set(values);
    return (subject) => {
      const value = read(subject);
      return value !== undefined && set.has(value);
    };
  };

  if (match.source !== undefined && !options.indexed.has('source')) conditions.push(oneOf(asList(match.source), (s) => s.event.source));
  if (match.category !== undefined && !options.indexed.has('category')) conditions.push(oneOf(asList(match.category), (s) => s.event.category));
  if (match.code !== undefined) {
    const code = match.code;
    conditions.push((s) => s.event.code === code);
  }
  if (match.codePrefix !== undefined) {
    const prefix = match.codePrefix;
    conditions.push((s) => s.event.code.startsWith(prefix));
  }
  if (match.severity !== undefined) conditions.push(oneOf(asList(match.severity), (s) => s.event.severity));
  if (match.nodeKnown !== undefined) {
    const known = match.nodeKnown;
    conditions.push((s) => (s.node !== null) === known);
  }
  if (match.nodeRole !== undefined) conditions.push(oneOf(asList(match.nodeRole), (s) => s.node?.role));
  if (match.platform !== undefined) conditions.push(oneOf(asList(match.platform), (s) => s.node?.platform));
  if (match.licenceSource !== undefined) conditions.push(oneOf(asList(match.licenceSource), (s) => s.node?.licenceSource));
  if (match.sourceAddress !== undefined) conditions.push(addressCondition(match.sourceAddress));
  if (match.attributes !== undefined) conditions.push(attributesCondition(match.attributes));
  if (match.version !== undefined) {
    const ranges = releaseRanges(match.version);
    conditions.push((s) => {
      const release = s.release();
      return release !== undefined && ranges.some((range) => releaseInRange(release, range));
    });
  }
  for (const needle of asList(match.textContains)) {
    const lower = needle.toLowerCase();
    conditions.push((s) => s.lowerText().includes(lower));
  }
  if (match.textMatches !== undefined) {
    const pattern = new RegExp(match.textMatches, TEXT_MATCHES_FLAGS);
    conditions.push((s) => pattern.test(s.event.text));
  }
  return conditions;
}

function addressCondition(wanted: string): Condition {
  if (wanted === 'loopback') return (s) => isLoopback(s.event.sourceAddress);
  const address = normaliseAddress(wanted);
  return (s) => normaliseAddress(s.event.sourceAddress) === address;
}

/** 127.0.0.0/8, ::1, and 127.x written as an IPv4-mapped IPv6 address. */
export function isLoopback(address: string): boolean {
  const plain = normaliseAddress(address);
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/** Each named attribute must be present with that value; numbers and strings compare as text (YAML 411 = "411"). */
function attributesCondition(wanted: Record<string, string | number | boolean | null>): Condition {
  const entries = Object.entries(wanted);
  return (s) =>
    entries.every(([key, value]) => {
      if (!Object.hasOwn(s.event.attributes, key)) return false;
      const actual = s.event.attributes[key];
      return value === null || actual === null || actual === undefined ? actual === value : String(actual) === String(value);
    });
}

/** The node's configured version, parsed once per distinct text. */
export function releaseReader(): (node: NodeFacts | null) => IpoRelease | undefined {
  const cache = new Map<string, IpoRelease | undefined>();
  return (node) => {
    const text = node?.version;
    if (text === undefined) return undefined;
    if (!cache.has(text)) cache.set(text, parseRelease(text));
    return cache.get(text);
  };
}
