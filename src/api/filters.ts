import { z } from 'zod';
import { ALARM_STATES } from '../correlation/alarm.js';
import { EVENT_CATEGORIES } from '../events/categories.js';
import { EVENT_SOURCES } from '../events/event-sources.js';
import { SEVERITIES } from '../events/severity.js';
import type { FleetIndex } from '../fleet/fleet-index.js';

/** Query-string filters shared by the list endpoints. Values arrive as strings; numbers are coerced. */
export const limitSchema = z.coerce.number().int().min(1).max(1000).default(100);

const timeSchema = z.union([z.coerce.number().int().nonnegative(), z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))]);

export const alarmFiltersSchema = z.strictObject({
  state: z.enum([...ALARM_STATES, 'open']).optional().describe('"open" = active or acknowledged'),
  node: z.string().optional(),
  site: z.string().optional(),
  customer: z.string().optional(),
  severity: z.enum(SEVERITIES).optional().describe('this severity or worse'),
  category: z.enum(EVENT_CATEGORIES).optional(),
  limit: limitSchema,
});

export const eventFiltersSchema = z.strictObject({
  node: z.string().optional(),
  site: z.string().optional(),
  customer: z.string().optional(),
  source: z.enum(EVENT_SOURCES).optional(),
  severity: z.enum(SEVERITIES).optional().describe('this severity or worse'),
  category: z.enum(EVENT_CATEGORIES).optional(),
  since: timeSchema.optional().describe('epoch ms or ISO 8601'),
  until: timeSchema.optional().describe('epoch ms or ISO 8601'),
  unknownSource: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  alarmId: z.coerce.number().int().positive().optional(),
  beforeId: z.coerce.number().int().positive().optional(),
  limit: limitSchema,
});

/** Turns site/customer filters into the node ids they stand for; undefined when neither is given. */
export function nodeIdsFor(fleet: FleetIndex, filters: { site?: string | undefined; customer?: string | undefined }): string[] | undefined {
  let ids: string[] | undefined;
  if (filters.site !== undefined) ids = fleet.nodeIdsOfSite(filters.site);
  if (filters.customer !== undefined) {
    const ofCustomer = fleet.nodeIdsOfCustomer(filters.customer);
    ids = ids ? ids.filter((id) => ofCustomer.includes(id)) : ofCustomer;
  }
  return ids;
}
