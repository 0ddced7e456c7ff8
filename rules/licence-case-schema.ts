import { z } from 'zod';
import { EVENT_CATEGORIES } from '../src/events/categories.js';
import { EVENT_SOURCES } from '../src/events/event-sources.js';
import { AttributesSchema } from '../src/events/fleet-event.js';
import { SEVERITIES } from '../src/events/severity.js';
import { LICENCE_SOURCES, NODE_ROLES } from '../src/fleet/node-schema.js';

/** "30d", "12h", "11d12h", "90m": how far a step moves the clock. */
export const DURATION_PATTERN = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

const nodeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  role: z.enum(NODE_ROLES),
  licenceSource: z.enum(LICENCE_SOURCES).default('nodal'),
  customer: z.string().min(1).optional(),
});

/** The parts of an event the signals look at; the rest is filled in (source ssa, category License, severity major). */
const eventSchema = z.strictObject({
  source: z.enum(EVENT_SOURCES).optional(),
  code: z.string().min(1).optional(),
  category: z.enum(EVENT_CATEGORIES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  text: z.string().optional(),
  attributes: AttributesSchema.optional(),
});

const alarmExpectation = z.union([z.enum(SEVERITIES), z.literal('none')]).meta({ expected: 'a severity the newest alarm of that code has (cleared when it cleared), or none' });

const expectSchema = z.strictObject({
  /** Licence-track mode of the step's node. */
  mode: z.string().min(1).optional(),
  /** Modes by track, e.g. { select: select-not-licensed }. */
  modes: z.record(z.string().min(1), z.string().min(1)).optional(),
  daysRemaining: z.number().int().min(0).nullable().optional(),
  dailyAlarms: z.number().int().min(0).optional(),
  /** Licence types short, each once, in the order they came. */
  shortages: z.array(z.string().min(1)).optional(),
  suspect: z.string().min(1).nullable().optional(),
  /** Code of an engine alarm → the severity of its newest alarm on the node ("cleared" once cleared), or none. */
  alarms: z.record(z.string().min(1), alarmExpectation).optional(),
});

const stepSchema = z
  .strictObject({
    /** The node the step is about; default the first given node. */
    node: z.string().min(1).optional(),
    send: eventSchema.optional(),
    after: z.string().regex(DURATION_PATTERN).meta({ expected: 'a duration such as "30d", "12h" or "11d12h"' }).optional(),
    assert: z.strictObject({ mode: z.string().min(1), user: z.string().min(1).default('case-file'), note: z.string().optional(), graceDaysRemaining: z.number().int().min(0).optional() }).optional(),
    expect: expectSchema.optional(),
  })
  .superRefine((step, ctx) => {
    if (typeof step !== 'object' || step === null) return;
    const actions = ['send', 'after', 'assert'].filter((key) => (step as Record<string, unknown>)[key] !== undefined);
    if (actions.length !== 1) ctx.addIssue({ code: 'custom', message: `give exactly one of send, after, assert; got ${actions.length === 0 ? 'none' : actions.join(' and ')}` });
  }, { when: () => true });

/** `rules/cases/licence-states/<name>.yaml`: one scenario, run on the engine with a hand-moved clock. */
export const licenceCaseFileSchema = z.strictObject({
  name: z.string().min(1),
  given: z.strictObject({ nodes: z.array(nodeSchema).min(1) }),
  steps: z.array(stepSchema).min(1),
});

export type LicenceCaseFile = z.infer<typeof licenceCaseFileSchema>;
export type LicenceCaseStep = LicenceCaseFile['steps'][number];

/** Milliseconds of a validated duration. */
export function durationMs(text: string): number {
  const [, d, h, m] = DURATION_PATTERN.exec(text) ?? [];
  return (Number(d ?? 0) * 24 * 60 + Number(h ?? 0) * 60 + Number(m ?? 0)) * 60_000;
}
