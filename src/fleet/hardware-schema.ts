import { z } from 'zod';
import { idSchema, nameSchema } from './field-schemas.js';

/** IP500 V2 base-card slots are 1 to 4; A and B name the other slots some platforms label by letter. */
export const CARD_SLOTS = ['1', '2', '3', '4', 'A', 'B'] as const;

/** Expansion modules plug into the control unit's numbered expansion ports. */
export const EXPANSION_PORT_MIN = 1;
export const EXPANSION_PORT_MAX = 12;

export const portSchema = z.strictObject({
  id: idSchema,
  name: nameSchema.optional(),
});

/** YAML reads `slot: 1` as a number; accept it and keep slots as strings. */
const slotSchema = z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.enum(CARD_SLOTS));

export const cardSchema = z.strictObject({
  id: idSchema,
  slot: slotSchema,
  /** Free text, as Manager shows it: "DS16B2", "ATM4U-V2", "PRI-U", "VCM64", "Combo". */
  type: nameSchema,
  name: nameSchema.optional(),
  ports: z.array(portSchema).optional(),
});

export const moduleSchema = z.strictObject({
  id: idSchema,
  expansionPort: z.number().int().min(EXPANSION_PORT_MIN).max(EXPANSION_PORT_MAX),
  type: nameSchema,
  name: nameSchema.optional(),
  ports: z.array(portSchema).optional(),
});

export type PortConfig = z.infer<typeof portSchema>;
export type CardConfig = z.infer<typeof cardSchema>;
export type ModuleConfig = z.infer<typeof moduleSchema>;
