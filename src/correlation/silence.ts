import { z } from 'zod';
import { EVENT_CATEGORIES } from '../events/categories.js';

/** What a silence applies to; every given field must match. At least one is required (no silencing everything by accident). */
export const silenceMatchersSchema = z
  .strictObject({
    nodeId: z.string().min(1).optional(),
    siteId: z.string().min(1).optional(),
    customerId: z.string().min(1).optional(),
    category: z.enum(EVENT_CATEGORIES).optional(),
    codePrefix: z.string().min(1).optional(),
    textContains: z.string().min(1).optional(),
  })
  .refine((m) => Object.values(m).some((v) => v !== undefined), { message: 'a silence needs at least one matcher' });
export type SilenceMatchers = z.infer<typeof silenceMatchersSchema>;

export const SILENCE_KINDS = ['silence', 'maintenance'] as const;
export type SilenceKind = (typeof SILENCE_KINDS)[number];

/** A time window in which matching alarms are still recorded but their notifications are held (Alertmanager's silence). */
export interface Silence {
  id: number;
  kind: SilenceKind;
  matchers: SilenceMatchers;
  startsAt: number;
  endsAt: number;
  createdBy: string;
  createdAt: number;
  comment: string;
  cancelledAt: number | null;
  cancelledBy: string | null;
}

export interface AlarmFacts {
  nodeId: string | null;
  siteId: string | null;
  customerId: string | null;
  category: string;
  code: string;
  text: string;
}

export function silenceActive(silence: Silence, now: number): boolean {
  return silence.cancelledAt === null && silence.startsAt <= now && now < silence.endsAt;
}

export function silenceMatches(matchers: SilenceMatchers, alarm: AlarmFacts): boolean {
  if (matchers.nodeId !== undefined && alarm.nodeId !== matchers.nodeId) return false;
  if (matchers.siteId !== undefined && alarm.siteId !== matchers.siteId) return false;
  if (matchers.customerId !== undefined && alarm.customerId !== matchers.customerId) return false;
  if (matchers.category !== undefined && alarm.category !== matchers.category) return false;
  if (matchers.codePrefix !== undefined && !alarm.code.startsWith(matchers.codePrefix)) return false;
  if (matchers.textContains !== undefined && !alarm.text.toLowerCase().includes(matchers.textContains.toLowerCase())) return false;
  return true;
}
