import { z } from 'zod';
import { EVENT_CATEGORIES } from '../events/categories.js';

/**
 * Correlation settings and their defaults. Stale-alarm ages follow OpenNMS's
 * alarmd defaults (GC after 3 days without an event for unacknowledged
 * alarms, fullGC after 8 days for any), except that we expire the alarm
 * (cleared, with an "expired" transition) instead of deleting it: the history
 * stays until storage retention removes it.
 */
export const DEFAULT_CORRELATION_CONFIG = {
  /** What a problem after a clear does: reopen the cleared alarm, or start a new one. */
  reoccurrence: 'reopen',
  flapping: { reopenCount: 3, windowMinutes: 60 },
  staleAlarms: { unacknowledgedHours: 72, acknowledgedHours: 192, checkIntervalMinutes: 5 },
  /** Folder with known-issues.yaml; relative paths resolve against the working directory. Empty = the shipped rules/. */
  rulesDir: '',
  inhibitRules: [
    {
      id: 'node-unreachable-inhibits-node-alarms',
      source: { codePrefix: 'poll.node-unreachable' },
      target: { codePrefix: '' },
      equal: ['node'],
    },
  ],
} as const;

const matcherSchema = z.strictObject({
  codePrefix: z.string().optional(),
  category: z.enum(EVENT_CATEGORIES).optional(),
});

/** Alertmanager's inhibit rule: while a source alarm is open, matching target alarms with equal fields are held back. */
export const inhibitRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  source: matcherSchema,
  target: matcherSchema,
  equal: z.array(z.enum(['node', 'entity'])).default(['node']),
});
export type InhibitRule = z.infer<typeof inhibitRuleSchema>;
export type AlarmMatcher = z.infer<typeof matcherSchema>;

export const correlationConfigSchema = z.strictObject({
  reoccurrence: z.enum(['reopen', 'new']).default(DEFAULT_CORRELATION_CONFIG.reoccurrence),
  flapping: z
    .strictObject({
      reopenCount: z.number().int().min(2).max(1000).default(DEFAULT_CORRELATION_CONFIG.flapping.reopenCount),
      windowMinutes: z.number().int().min(1).max(10080).default(DEFAULT_CORRELATION_CONFIG.flapping.windowMinutes),
    })
    .prefault({}),
  staleAlarms: z
    .strictObject({
      unacknowledgedHours: z.number().min(0.1).max(8760).default(DEFAULT_CORRELATION_CONFIG.staleAlarms.unacknowledgedHours),
      acknowledgedHours: z.number().min(0.1).max(8760).default(DEFAULT_CORRELATION_CONFIG.staleAlarms.acknowledgedHours),
      checkIntervalMinutes: z.number().min(0.1).max(1440).default(DEFAULT_CORRELATION_CONFIG.staleAlarms.checkIntervalMinutes),
    })
    .prefault({}),
  rulesDir: z.string().default(DEFAULT_CORRELATION_CONFIG.rulesDir),
  inhibitRules: z.array(inhibitRuleSchema).default(() => DEFAULT_CORRELATION_CONFIG.inhibitRules.map((rule) => ({ ...rule, equal: [...rule.equal] }))),
});

export type CorrelationConfig = z.infer<typeof correlationConfigSchema>;

/** True when the alarm's code and category satisfy the matcher (an empty matcher matches everything). */
export function alarmMatches(matcher: AlarmMatcher, alarm: { code: string; category: string }): boolean {
  if (matcher.codePrefix !== undefined && !alarm.code.startsWith(matcher.codePrefix)) return false;
  if (matcher.category !== undefined && alarm.category !== matcher.category) return false;
  return true;
}
