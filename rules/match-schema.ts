import { z } from 'zod';
import { EVENT_CATEGORIES } from '../src/events/categories.js';
import { EVENT_SOURCES } from '../src/events/event-sources.js';
import { AttributeValueSchema } from '../src/events/fleet-event.js';
import { SEVERITIES } from '../src/events/severity.js';
import { LICENCE_SOURCES, NODE_ROLES, PLATFORMS } from '../src/fleet/node-schema.js';
import { parseReleaseSpec } from './release-range.js';
import { parseRelease } from './release.js';

/** `event`: matched against each event. `inventory`: no event shows it; only knownIssuesForNode() lists it. */
export const MATCH_KINDS = ['event', 'inventory'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** The keys that look at the event itself; an event rule needs at least one, or it would match everything a node sends. */
export const EVENT_CONDITIONS = ['source', 'code', 'codePrefix', 'category', 'severity', 'textContains', 'textMatches', 'sourceAddress', 'attributes'] as const;
/** The keys that look at the node the event came from. */
export const NODE_CONDITIONS = ['nodeKnown', 'nodeRole', 'platform', 'licenceSource', 'version'] as const;

/** Regular expressions are compiled with these flags, by the loader and by the matcher alike. */
export const TEXT_MATCHES_FLAGS = 'i';

const always = () => true;

/** One value, or a non-empty list of them (any one may match). */
export function oneOrMany<T extends z.ZodType>(item: T) {
  return z.union([item, z.array(item).min(1)]);
}

export const releaseTextSchema = z.string().refine((text) => parseRelease(text) !== undefined, {
  message: 'expected an IP Office release such as "10.0", "9.1.4", "10.0 SP1" or "10.0.0.1 build 300"',
});

const releaseBoundsSchema = z
  .strictObject({
    from: releaseTextSchema.optional(),
    before: releaseTextSchema.optional(),
    through: releaseTextSchema.optional(),
  })
  .superRefine((bounds, ctx) => {
    if (typeof bounds !== 'object' || bounds === null) return;
    // Unreadable bounds are reported by their own schema; only judge the range when all of them read.
    const texts = [bounds.from, bounds.before, bounds.through].filter((text) => text !== undefined);
    if (texts.some((text) => typeof text !== 'string' || parseRelease(text) === undefined)) return;
    const parsed = parseReleaseSpec(bounds);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: `invalid release range: ${parsed.error}` });
  }, { when: always });

/** "10.0" (the whole 10.0 line) or `{ from, before | through }`; see release-range.ts. */
export const releaseSpecSchema = z.union([releaseTextSchema, releaseBoundsSchema]).meta({
  expected: 'a release such as "10.0" or a range such as { from: "10.0", before: "10.0 SP1" }',
});

const textMatchesSchema = z.string().min(1).superRefine((source, ctx) => {
  try {
    new RegExp(source, TEXT_MATCHES_FLAGS);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `regular expression ${JSON.stringify(source)} does not compile: ${(error as Error).message}` });
  }
});

/** Every condition given must hold. Text conditions ignore case. */
export const matchSchema = z
  .strictObject({
    kind: z.enum(MATCH_KINDS).optional(),
    source: oneOrMany(z.enum(EVENT_SOURCES)).optional(),
    code: z.string().min(1).optional(),
    codePrefix: z.string().min(1).optional(),
    category: oneOrMany(z.enum(EVENT_CATEGORIES)).optional(),
    severity: oneOrMany(z.enum(SEVERITIES)).optional(),
    textContains: oneOrMany(z.string().min(1)).optional(),
    textMatches: textMatchesSchema.optional(),
    sourceAddress: z.union([z.literal('loopback'), z.ipv4(), z.ipv6()]).optional(),
    attributes: z.record(z.string().min(1), AttributeValueSchema).optional(),
    nodeKnown: z.boolean().optional(),
    nodeRole: oneOrMany(z.enum(NODE_ROLES)).optional(),
    platform: oneOrMany(z.enum(PLATFORMS)).optional(),
    licenceSource: oneOrMany(z.enum(LICENCE_SOURCES)).optional(),
    version: oneOrMany(releaseSpecSchema).optional(),
  })
  .superRefine((match, ctx) => {
    // Runs even when a field failed (so one message lists everything): read the value defensively.
    if (typeof match !== 'object' || match === null || Array.isArray(match)) return;
    const given = Object.keys(match).filter((key) => key !== 'kind');
    if (match.kind === 'inventory') {
      if (given.length > 0) ctx.addIssue({ code: 'custom', message: `an inventory rule has no event to match; remove ${given.join(', ')}` });
      return;
    }
    if (!given.some((key) => (EVENT_CONDITIONS as readonly string[]).includes(key))) {
      ctx.addIssue({ code: 'custom', message: `no event condition: give at least one of ${EVENT_CONDITIONS.join(', ')} (or kind: inventory)` });
    }
    if (match.code !== undefined && match.codePrefix !== undefined) ctx.addIssue({ code: 'custom', path: ['codePrefix'], message: 'give code or codePrefix, not both' });
  }, { when: always });

export type ReleaseSpecInput = z.infer<typeof releaseSpecSchema>;
export type MatchConditions = z.infer<typeof matchSchema>;
