import { z } from 'zod';
import { recurringWindowSchema } from '../src/correlation/recurring-window.js';
import { DEFAULT_EMAIL_CONFIG, emailConfigSchema } from './email/config.js';

export const DEFAULT_NOTIFIERS_CONFIG = {
  maintenanceWindows: [],
  email: DEFAULT_EMAIL_CONFIG,
} as const;

/**
 * The `notifiers:` section. Recurring maintenance windows sit here, beside
 * the notifiers, because they decide who is told what and when: correlation
 * holds matching alarms' notifications while one lasts, and the notifiers
 * send a summary when it ends with alarms still open.
 */
export const notifiersConfigSchema = z
  .strictObject({
    maintenanceWindows: z.array(recurringWindowSchema).default([]),
    email: emailConfigSchema.prefault({}),
  })
  .superRefine(
    (c, ctx) => {
      const seen = new Set<string>();
      (Array.isArray(c?.maintenanceWindows) ? c.maintenanceWindows : []).forEach((w, i) => {
        if (typeof w?.id !== 'string') return;
        if (seen.has(w.id)) ctx.addIssue({ code: 'custom', path: ['maintenanceWindows', i, 'id'], message: `maintenance window id "${w.id}" is used twice; ids must be unique` });
        seen.add(w.id);
      });
    },
    { when: () => true },
  );

export type NotifiersConfig = z.infer<typeof notifiersConfigSchema>;
