import { z } from 'zod';
import { idSchema, ipAddressSchema, nameSchema } from './field-schemas.js';
import { cardSchema, moduleSchema } from './hardware-schema.js';
import { nodeSnmpSchema } from './node-snmp-schema.js';
import { nodeSsaSchema } from './node-ssa-schema.js';
import { nodeResilienceSchema } from './node-resilience-schema.js';

export const NODE_ROLES = ['primary', 'secondary', 'expansion', 'application-server', 'ip500v2', 'standalone'] as const;
export const PLATFORMS = ['linux-server', 'virtual', 'ip500v2', 'ip500v2a', 'cloud'] as const;
export const LICENCE_SOURCES = ['nodal', 'weblm', 'server-edition-central', 'subscription'] as const;

export const DEFAULT_LICENCE_SOURCE = 'nodal' satisfies (typeof LICENCE_SOURCES)[number];

/** IPO-MIB ipoGTEventDevID is a fixed 10-character string. */
export const DEVICE_ID_LENGTH = 10;

/** One IP Office system (a node of a solution, or a standalone unit). */
export const nodeSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  role: z.enum(NODE_ROLES),
  /** Every address the node may send from; events are matched on these first. */
  addresses: z.array(ipAddressSchema).min(1),
  /** Host names as the node reports them in syslog; matched case-insensitively. */
  hostnames: z.array(nameSchema).optional(),
  deviceId: z.string().length(DEVICE_ID_LENGTH).optional(),
  platform: z.enum(PLATFORMS).optional(),
  /** Free text, as the node reports it: "11.1.3.0 build 23". */
  version: nameSchema.optional(),
  licenceSource: z.enum(LICENCE_SOURCES).default(DEFAULT_LICENCE_SOURCE),
  cards: z.array(cardSchema).optional(),
  modules: z.array(moduleSchema).optional(),
  /** SNMP trap allowlists, v3 engine id and polling (collectors/snmp/README.md). */
  snmp: nodeSnmpSchema.optional(),
  /** How SSA alarm lists of this node print dates (collectors/ssa/README.md). */
  ssa: nodeSsaSchema.optional(),
  /** Backups, IP Office Lines and Dual Active VMPro (src/resiliency/README.md). */
  resilience: nodeResilienceSchema.optional(),
});

export type NodeConfig = z.infer<typeof nodeSchema>;
export type NodeRole = (typeof NODE_ROLES)[number];
export type Platform = (typeof PLATFORMS)[number];
export type LicenceSource = (typeof LICENCE_SOURCES)[number];
