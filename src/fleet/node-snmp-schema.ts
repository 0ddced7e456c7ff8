import { z } from 'zod';
import { engineIdSchema, secretSchema } from '../../collectors/snmp/config.js';
import { ipAddressSchema } from './field-schemas.js';

/** Defaults of a node's `snmp.poll` block (collectors/snmp/README.md). */
export const DEFAULT_NODE_POLL = {
  enabled: true,
  port: 161,
  intervalSeconds: 60,
  version: 'v2c',
  missedPollsForUnreachable: 3,
} as const;

const pollSchema = z
  .strictObject({
    enabled: z.boolean().default(DEFAULT_NODE_POLL.enabled),
    /** The address to poll; default: the node's first address. */
    address: ipAddressSchema.optional(),
    port: z.number().int().min(1).max(65535).default(DEFAULT_NODE_POLL.port),
    intervalSeconds: z.number().int().min(1).max(86_400).default(DEFAULT_NODE_POLL.intervalSeconds),
    version: z.enum(['v2c', 'v3']).default(DEFAULT_NODE_POLL.version),
    /** v2c: the read community (secret). */
    community: secretSchema('community string').optional(),
    /** v3: a user name from collectors.snmp.users. */
    user: z.string().min(1).optional(),
    /** This many polls in a row without an answer raise poll.node-unreachable; the next answer clears it. */
    missedPollsForUnreachable: z.number().int().min(1).max(100).default(DEFAULT_NODE_POLL.missedPollsForUnreachable),
  })
  .superRefine((poll, ctx) => {
    if (poll.version === 'v2c' && !poll.community) ctx.addIssue({ code: 'custom', path: ['community'], message: 'is required when version is v2c' });
    if (poll.version === 'v3' && !poll.user) ctx.addIssue({ code: 'custom', path: ['user'], message: 'is required when version is v3' });
  });

/**
 * A node's SNMP settings (optional): which communities and v3 users it may
 * send traps with (narrowing collectors.snmp), the engine id of its v3 traps,
 * and polling.
 */
export const nodeSnmpSchema = z.strictObject({
  communities: z.array(secretSchema('community string')).min(1).optional(),
  users: z.array(z.string().min(1)).min(1).optional(),
  engineId: engineIdSchema.optional(),
  poll: pollSchema.optional(),
});

export type NodeSnmpConfig = z.infer<typeof nodeSnmpSchema>;
export type NodePollConfig = z.infer<typeof pollSchema>;
