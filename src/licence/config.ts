import { z } from 'zod';
import { PROBLEM_SEVERITIES } from '../events/severity.js';

/**
 * The `licence:` section. The modes and transitions are the catalogue's (rules/licence-states.yaml); these are the
 * operator's choices: how loud a grace gets as it runs out, and how often the countdown is checked.
 */
export const DEFAULT_LICENCE_CONFIG = {
  /** The grace alarm's severity: `onEntry` until the first step applies; a step applies at or below its days remaining. */
  escalation: {
    onEntry: 'minor',
    steps: [
      { daysRemaining: 7, severity: 'major' },
      { daysRemaining: 1, severity: 'critical' },
    ],
  },
  /** How often the countdowns are checked: grace expiry and the daily reminders happen within this much of their time. */
  checkIntervalSeconds: 60,
} as const;

const stepSchema = z.strictObject({
  daysRemaining: z.number().int().min(0).max(365),
  severity: z.enum(PROBLEM_SEVERITIES),
});

export const licenceConfigSchema = z.strictObject({
  escalation: z
    .strictObject({
      onEntry: z.enum(PROBLEM_SEVERITIES).default(DEFAULT_LICENCE_CONFIG.escalation.onEntry),
      steps: z
        .array(stepSchema)
        .max(30)
        .default(() => DEFAULT_LICENCE_CONFIG.escalation.steps.map((step) => ({ ...step })))
        .superRefine((steps, ctx) => {
          const seen = new Set<number>();
          steps.forEach((step, index) => {
            if (seen.has(step.daysRemaining)) ctx.addIssue({ code: 'custom', path: [index, 'daysRemaining'], message: `${step.daysRemaining} days remaining is given twice` });
            seen.add(step.daysRemaining);
          });
        }),
    })
    .prefault({}),
  checkIntervalSeconds: z.number().int().min(1).max(3600).default(DEFAULT_LICENCE_CONFIG.checkIntervalSeconds),
});

export type LicenceConfig = z.infer<typeof licenceConfigSchema>;
export type EscalationPolicy = LicenceConfig['escalation'];
