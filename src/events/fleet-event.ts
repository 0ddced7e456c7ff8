import { z } from 'zod';
import { EVENT_CATEGORIES } from './categories.js';
import { EVENT_SOURCES } from './event-sources.js';
import { SEVERITIES } from './severity.js';

/** The part of a node an event is about: a card, a module or a port. Empty means the node itself. */
export const EntityRefSchema = z.strictObject({
  kind: z.enum(['card', 'module', 'port', 'application', 'extension', 'trunk', 'link']),
  id: z.string().min(1),
  name: z.string().optional(),
});
export type EntityRef = z.infer<typeof EntityRefSchema>;

/** Typed attributes: scalars only, so they store, index and serialise without surprises. */
export const AttributeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const AttributesSchema = z.record(z.string(), AttributeValueSchema);
export type Attributes = z.infer<typeof AttributesSchema>;

/** The original input, kept verbatim for support: text when it decodes as UTF-8, else base64. */
export const RawInputSchema = z.strictObject({
  encoding: z.enum(['utf8', 'base64']),
  data: z.string(),
});
export type RawInput = z.infer<typeof RawInputSchema>;

/**
 * One normalised event, whatever the source. Collectors produce it with
 * `nodeId` unresolved; the correlation normalise stage resolves the node against the fleet.
 */
export const FleetEventSchema = z.strictObject({
  receivedAt: z.number().int().nonnegative().describe('epoch milliseconds when the collector received it'),
  occurredAt: z.number().int().nonnegative().optional().describe('epoch ms the device says it happened'),
  source: z.enum(EVENT_SOURCES),
  collector: z.string().min(1).describe('collector type that produced it, e.g. "syslog"'),
  sourceAddress: z.string().describe('IP address the input came from (after proxy/NAT identity rules)'),
  hostname: z.string().optional().describe('device-reported host name, if any'),
  nodeId: z.string().nullable().describe('resolved fleet node id; null when the source is not in the fleet'),
  entity: EntityRefSchema.nullable(),
  category: z.enum(EVENT_CATEGORIES),
  severity: z.enum(SEVERITIES),
  raisesAlarm: z
    .boolean()
    .describe('true for a problem report (an IP Office alarm, a failure trap, a rule match); false for plain messages, which are stored and searchable but raise nothing'),
  code: z.string().min(1).describe('stable machine code of the kind of event, e.g. "syslog.alarm.service"'),
  alarmKey: z.string().optional().describe('what tells two problems of the same code and entity apart'),
  text: z.string(),
  attributes: AttributesSchema,
  raw: RawInputSchema,
});
export type FleetEvent = z.infer<typeof FleetEventSchema>;

/** An event after it has been stored: it has an id. */
export type StoredEvent = FleetEvent & { id: number; alarmId: number | null };

/** Keeps bytes as text when they are valid UTF-8, else as base64, so nothing is lost. */
export function rawInput(bytes: Uint8Array): RawInput {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return { encoding: 'utf8', data: decoder.decode(bytes) };
  } catch {
    return { encoding: 'base64', data: Buffer.from(bytes).toString('base64') };
  }
}
