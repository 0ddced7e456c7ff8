import { z } from 'zod';
import { idSchema } from './field-schemas.js';

/** The services a node can hand to a backup (003:398-409; IP Office Line › SCN Resiliency Options, 001:1641-1680). */
export const BACKED_UP_SERVICES = ['phones', 'huntGroups', 'voicemail', 'oneXPortal', 'accs'] as const;
export type BackedUpService = (typeof BACKED_UP_SERVICES)[number];

/**
 * Which node takes over what when this node fails, the IP Office Lines (SCN) to its peers, and whether Voicemail
 * Pro runs Dual Active. Node ids refer to nodes of the fleet (checked by src/fleet/resilience-checks.ts).
 */
export const nodeResilienceSchema = z.strictObject({
  backup: z
    .strictObject({
      phones: idSchema.optional(),
      huntGroups: idSchema.optional(),
      voicemail: idSchema.optional(),
      oneXPortal: idSchema.optional(),
      /** ACCS (TFQ) moves to the Secondary and does not return by itself (IPOFFICE-81237). */
      accs: idSchema.optional(),
    })
    .optional(),
  /** Nodes this node has an IP Office Line (SCN) to. */
  lines: z.array(idSchema).optional(),
  /** Dual Active Voicemail Pro: the peer VMPro serves all mailboxes when one fails (003:503-509). */
  voicemailDualActive: z.boolean().optional(),
});
export type NodeResilience = z.infer<typeof nodeResilienceSchema>;
