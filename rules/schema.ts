import { z } from 'zod';
import { RULE_EFFECTS } from '../src/correlation/rule-matcher.js';
import { EVENT_CATEGORIES } from '../src/events/categories.js';
import { PROBLEM_SEVERITIES } from '../src/events/severity.js';
import { LICENCE_SOURCES, NODE_ROLES, PLATFORMS } from '../src/fleet/node-schema.js';
import { matchSchema, releaseSpecSchema } from './match-schema.js';
import { editorJsonSchema } from './editor-json-schema.js';

/**
 * How a monitor can see the issue (seeds-digest.md §0): A exact text or state, M a measurable symptom,
 * B a version/platform/topology condition, C an inferred signal. Tier N issues are not in the catalogue.
 */
export const RULE_TIERS = ['A', 'M', 'B', 'C'] as const;
export type RuleTier = (typeof RULE_TIERS)[number];

const always = () => true;

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const idSchema = z
  .string()
  .regex(ID_PATTERN)
  .meta({ expected: 'a kebab-case id such as "ipoffice-111618-system-id-changed-weblm"' });

const vendorIdSchema = z.string().regex(/^IPOFFICE-\d+$/).meta({ expected: 'a vendor id such as "IPOFFICE-111618"' });

/** `001:294` or `001:332-334`: seed file prefix and 1-based line (or range), as seeds-digest.md cites them. */
export const REFERENCE_PATTERN = /^(00\d):(\d+)(?:-(\d+))?$/;

const referenceSchema = z
  .string()
  .regex(REFERENCE_PATTERN)
  .meta({ expected: 'a seed citation such as "001:294" or "001:332-334"' })
  .superRefine((text, ctx) => {
    const citation = REFERENCE_PATTERN.exec(text);
    if (!citation) return; // the pattern reports it
    const [, , first, last] = citation;
    if (Number(first) < 1) ctx.addIssue({ code: 'custom', message: `line numbers start at 1; got "${text}"` });
    else if (last !== undefined && Number(last) <= Number(first)) ctx.addIssue({ code: 'custom', message: `the range must end after it starts; got "${text}"` });
  });

const raiseSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)+$/).meta({ expected: 'a dotted event code such as "known-issue.backup-failed"' }),
  severity: z.enum(PROBLEM_SEVERITIES),
  category: z.enum(EVENT_CATEGORIES),
});

/** One known issue: where it is documented, where it applies, how to recognise it, and what to do. */
export const ruleSchema = z
  .strictObject({
    id: idSchema,
    vendorId: vendorIdSchema.optional(),
    title: z.string().min(1),
    tier: z.enum(RULE_TIERS),
    references: z.array(referenceSchema).min(1),
    /** Releases the seed documents the issue in; knownIssuesForNode() lists the rule for nodes running them. */
    releases: z.array(releaseSpecSchema).min(1),
    roles: z.array(z.enum(NODE_ROLES)).min(1).optional(),
    platforms: z.array(z.enum(PLATFORMS)).min(1).optional(),
    licenceSources: z.array(z.enum(LICENCE_SOURCES)).min(1).optional(),
    match: matchSchema,
    effect: z.enum(RULE_EFFECTS),
    raise: raiseSchema.optional(),
    workaround: z.string().min(1),
  })
  .superRefine((rule, ctx) => {
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return;
    checkId(rule, (message) => ctx.addIssue({ code: 'custom', path: ['id'], message }));
    if (rule.effect === 'raise' && rule.raise === undefined) ctx.addIssue({ code: 'custom', path: ['raise'], message: 'required when effect is "raise": give code, severity and category' });
    if (rule.effect !== 'raise' && rule.raise !== undefined) ctx.addIssue({ code: 'custom', path: ['raise'], message: `only allowed when effect is "raise" (effect is ${JSON.stringify(rule.effect)})` });
    const inventory = typeof rule.match === 'object' && rule.match !== null && rule.match.kind === 'inventory';
    if (inventory && rule.effect !== 'annotate') ctx.addIssue({ code: 'custom', path: ['effect'], message: `an inventory rule can only annotate (no event to hold back or raise); got ${JSON.stringify(rule.effect)}` });
  }, { when: always });

/** A known-issue catalogue file: `kind`, `version` and its rules. */
export const knownIssueCatalogueSchema = z
  .strictObject({
    kind: z.literal('known-issues'),
    version: z.literal(1),
    rules: z.array(ruleSchema).min(1),
  })
  .superRefine((catalogue, ctx) => {
    const rules: unknown = typeof catalogue === 'object' && catalogue !== null ? catalogue.rules : undefined;
    if (!Array.isArray(rules)) return;
    const seen = new Map<string, number>();
    rules.forEach((rule: unknown, index) => {
      const id = typeof rule === 'object' && rule !== null ? (rule as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `id "${id}" is already used by rules[${first}]` });
    });
  }, { when: always });

export type KnownIssueRule = z.infer<typeof ruleSchema>;
export type KnownIssueCatalogue = z.infer<typeof knownIssueCatalogueSchema>;

/**
 * JSON Schema of the catalogue for editors (known-issues.schema.json, named by the catalogue's
 * `# yaml-language-server: $schema=` line). Cross-checks (unique ids, regular expressions, release ranges) are
 * not in it: `ipo-observer check-rules` runs them.
 */
export function knownIssuesJsonSchema(): Record<string, unknown> {
  return editorJsonSchema(knownIssueCatalogueSchema);
}

/** A vendor issue's id starts with its number ("ipoffice-111618-…"); an id without one must not look like it has. */
function checkId(rule: { id?: unknown; vendorId?: unknown }, report: (message: string) => void): void {
  if (typeof rule.id !== 'string' || !ID_PATTERN.test(rule.id)) return; // the id pattern reports it
  if (typeof rule.vendorId === 'string') {
    const prefix = `${rule.vendorId.toLowerCase()}-`;
    if (!rule.id.startsWith(prefix)) report(`must start with "${prefix}" (from vendorId ${rule.vendorId}); got "${rule.id}"`);
  } else if (rule.id.startsWith('ipoffice-')) {
    report(`starts like a vendor issue id but the rule has no vendorId; add vendorId or use another prefix such as "caveat-"`);
  }
}
