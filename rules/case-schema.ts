import { z } from 'zod';
import { RULE_EFFECTS } from '../src/correlation/rule-matcher.js';
import { EVENT_CATEGORIES } from '../src/events/categories.js';
import { EVENT_SOURCES } from '../src/events/event-sources.js';
import { AttributesSchema, EntityRefSchema } from '../src/events/fleet-event.js';
import { SEVERITIES } from '../src/events/severity.js';
import { LICENCE_SOURCES, NODE_ROLES, PLATFORMS } from '../src/fleet/node-schema.js';

/** The node the events come from; `null` in the file means an unknown sender. */
const caseNodeSchema = z.strictObject({
  id: z.string().min(1).optional(),
  role: z.enum(NODE_ROLES),
  platform: z.enum(PLATFORMS).optional(),
  version: z.string().min(1).optional(),
  licenceSource: z.enum(LICENCE_SOURCES).optional(),
});

/** The parts of a FleetEvent a rule can look at; the rest is filled in (see run-cases.ts). */
const caseEventSchema = z.strictObject({
  source: z.enum(EVENT_SOURCES).optional(),
  sourceAddress: z.string().min(1).optional(),
  entity: EntityRefSchema.nullable().optional(),
  category: z.enum(EVENT_CATEGORIES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  raisesAlarm: z.boolean().optional(),
  code: z.string().min(1).optional(),
  text: z.string().optional(),
  attributes: AttributesSchema.optional(),
});

/** Rule id → effect, for every rule of the catalogue that must match the event; `{}` when none may. */
const expectedMatchesSchema = z.record(z.string().min(1), z.enum(RULE_EFFECTS)).meta({
  expected: 'a mapping of rule id to effect (annotate, benign, raise), or {} for no match',
});

export const EXPOSURES = ['exposed', 'possible', 'none'] as const;

const caseSchema = z.strictObject({
  name: z.string().min(1),
  given: z.strictObject({
    node: caseNodeSchema.nullable(),
    events: z.array(caseEventSchema).optional(),
  }),
  expect: z.strictObject({
    /** One entry per given event, in order. */
    events: z.array(expectedMatchesSchema).optional(),
    /** What knownIssuesForNode() says about this file's rule for the given node. */
    exposure: z.enum(EXPOSURES).optional(),
  }),
}).superRefine((ruleCase, ctx) => {
  const given = ruleCase.given.events?.length ?? 0;
  const expected = ruleCase.expect.events?.length ?? 0;
  if (given !== expected) {
    ctx.addIssue({ code: 'custom', path: ['expect', 'events'], message: `one entry per given event: ${given} given, ${expected} expected` });
  }
  if (ruleCase.expect.events === undefined && ruleCase.expect.exposure === undefined) {
    ctx.addIssue({ code: 'custom', path: ['expect'], message: 'nothing to check: give events (one entry per given event) or exposure' });
  }
});

/** `rules/cases/known-issues/<rule-id>.yaml`: cases for one rule, run against the whole catalogue. */
export const caseFileSchema = z.strictObject({
  cases: z.array(caseSchema).min(1),
});

export type CaseFile = z.infer<typeof caseFileSchema>;
export type RuleCase = z.infer<typeof caseSchema>;
export type CaseNode = z.infer<typeof caseNodeSchema>;
export type CaseEvent = z.infer<typeof caseEventSchema>;
