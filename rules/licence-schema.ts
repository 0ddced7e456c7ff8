import { z } from 'zod';
import { LICENCE_SOURCES, NODE_ROLES } from '../src/fleet/node-schema.js';
import { checkLicenceCatalogue } from './licence-cross-checks.js';
import { matchSchema } from './match-schema.js';
import { REFERENCE_PATTERN } from './schema.js';
import { editorJsonSchema } from './editor-json-schema.js';

const always = () => true;

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const idSchema = z.string().regex(ID_PATTERN).meta({ expected: 'a kebab-case id such as "weblm-error"' });

const referenceSchema = z.string().regex(REFERENCE_PATTERN).meta({ expected: 'a seed citation such as "001:1249" or "001:1245-1250"' });
const referencesSchema = z.array(referenceSchema).min(1);

/** What a node in a mode gets from the engine: a countdown alarm, a critical "features lost" alarm, or none. */
export const MODE_ALARMS = ['none', 'grace', 'features-lost'] as const;
export type ModeAlarm = (typeof MODE_ALARMS)[number];

/** `configuration-error` fires on a problem (or info) event, `configuration-error.cleared` on its clear. */
export const CLEARED_SUFFIX = '.cleared';
const signalRefSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.cleared)?$/)
  .meta({ expected: 'a signal id, or a signal id followed by ".cleared", such as "licence-server-link-down.cleared"' });

const graceSchema = z.strictObject({
  /** null: the seed names a grace period but not its length (Server Edition central licensing, 004:393). */
  days: z.number().int().min(1).max(365).nullable(),
  /** The mode the node enters when the grace runs out; null when it has no documented end. */
  expiresTo: idSchema.nullable(),
  /** The device raises an alarm every day of the grace (subscription, 000:68); we mirror it. */
  dailyAlarm: z.boolean().default(false),
});

export const modeSchema = z.strictObject({
  id: idSchema,
  track: idSchema,
  /** The name IP Office shows (Manager, SSA), matched case-insensitively by mode reports. */
  name: z.string().min(1),
  /** Other spellings a report may use, e.g. Manager's "License / License Configuration Error (…)". */
  aliases: z.array(z.string().min(1)).optional(),
  /** Licence sources (fleet `licenceSource`) the mode belongs to; absent: any. */
  licenceSources: z.array(z.enum(LICENCE_SOURCES)).min(1).optional(),
  /** Whether the configured features work in this mode (virtual grace licences count). */
  licensed: z.boolean(),
  grace: graceSchema.optional(),
  alarm: z.enum(MODE_ALARMS),
  /** What stops working in this mode, for the fleet view; a grace mode lists nothing (its expiresTo mode does). */
  featuresLost: z.array(z.string().min(1)).default([]),
  references: referencesSchema,
  /** true when the seed does not state the mode's behaviour and we reasoned it (seeds-digest.md "(inferred)"). */
  inferred: z.boolean().default(false),
  summary: z.string().min(1),
});

const initialSchema = z.strictObject({
  licenceSource: z.enum(LICENCE_SOURCES).optional(),
  roles: z.array(z.enum(NODE_ROLES)).min(1).optional(),
  mode: idSchema,
});

export const trackSchema = z.strictObject({
  id: idSchema,
  summary: z.string().min(1),
  /** The first entry that fits a node gives its starting mode; a node no entry fits has no state on this track. */
  initial: z.array(initialSchema).min(1),
});

export const signalSchema = z.strictObject({
  id: idSchema,
  summary: z.string().min(1),
  references: referencesSchema.optional(),
  /** Any one of these, each as a known-issue rule's `match` (every condition in it must hold). */
  match: z.array(matchSchema).min(1),
  /** Raised: the licence type (regex group `licenceType`, else attributes.licenceType) is short; cleared: no longer. */
  shortage: z.boolean().default(false),
  /** For a shortage signal whose text may not name the type. */
  licenceType: z.string().min(1).optional(),
  /** Kept as the node's latest evidence but moves no mode (e.g. LKS Error and Change notifications). */
  evidenceOnly: z.boolean().default(false),
});

export const transitionSchema = z.strictObject({
  from: z.array(idSchema).min(1),
  on: signalRefSchema,
  to: idSchema,
  references: referencesSchema,
  inferred: z.boolean().default(false),
  /** A known-issue rule id: entering this way while no licence shortage is active is a documented false state. */
  suspect: idSchema.optional(),
});

/** `rules/licence-states.yaml`: the licence modes of IP Office, what moves a node between them, and the timers. */
export const licenceCatalogueSchema = z
  .strictObject({
    kind: z.literal('licence-states'),
    version: z.literal(1),
    tracks: z.array(trackSchema).min(1),
    modes: z.array(modeSchema).min(1),
    signals: z.array(signalSchema).min(1),
    transitions: z.array(transitionSchema).min(1),
  })
  .superRefine((catalogue, ctx) => checkLicenceCatalogue(catalogue, (path, message) => ctx.addIssue({ code: 'custom', path, message })), { when: always });

export type LicenceCatalogue = z.infer<typeof licenceCatalogueSchema>;
export type LicenceMode = z.infer<typeof modeSchema>;
export type LicenceSignal = z.infer<typeof signalSchema>;
export type LicenceTransitionRule = z.infer<typeof transitionSchema>;
export type LicenceTrack = z.infer<typeof trackSchema>;

/** JSON Schema of the catalogue for editors (licence-states.schema.json); cross-checks are not in it. */
export function licenceStatesJsonSchema(): Record<string, unknown> {
  return editorJsonSchema(licenceCatalogueSchema);
}
