import { z } from 'zod';
import { DEFAULT_SSA_DATE_FORMAT, SSA_DATE_FORMATS } from '../../collectors/ssa/ssa-date.js';

/**
 * A node's `ssa:` block (collectors/ssa/README.md). Dates in SSA alarm lists
 * are read in the node's site time zone, as DD/MM/YYYY HH:MM:SS unless this
 * says otherwise; "auto" reads the order from each snapshot's own dates and
 * reports, never guesses, the ones that could be either.
 */
export const nodeSsaSchema = z.strictObject({
  dateFormat: z.enum(SSA_DATE_FORMATS).default(DEFAULT_SSA_DATE_FORMAT),
});

export type NodeSsaConfig = z.infer<typeof nodeSsaSchema>;
