import { z } from 'zod';
import { checkFleet } from './fleet-checks.js';
import { idSchema, nameSchema, timeZoneSchema } from './field-schemas.js';
import { nodeSchema } from './node-schema.js';

export { LICENCE_SOURCES, NODE_ROLES, PLATFORMS, type NodeConfig, type NodeRole } from './node-schema.js';

export const siteSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  /** Local time of the site, for displays and business-hours rules. */
  timeZone: timeZoneSchema,
  nodes: z.array(nodeSchema),
});

export const customerSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  sites: z.array(siteSchema),
});

/**
 * The `fleet:` section: customers, their sites and each site's IP Office nodes.
 * The cross-checks run even when some field is invalid (`when`), so one
 * message lists every problem; they read the value defensively for that reason.
 */
export const fleetSchema = z
  .strictObject({
    customers: z.array(customerSchema),
  })
  .superRefine(
    (fleet, ctx) => checkFleet(fleet, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
    { when: () => true },
  );

export type FleetConfig = z.infer<typeof fleetSchema>;
export type CustomerConfig = z.infer<typeof customerSchema>;
export type SiteConfig = z.infer<typeof siteSchema>;
