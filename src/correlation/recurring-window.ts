import { z } from 'zod';
import { idSchema, timeZoneSchema } from '../fleet/field-schemas.js';
import { silenceMatchersSchema } from './silence.js';
import { addDays, localTime, zonedInstant } from '../time/zoned-time.js';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const DAY_MS = 86_400_000;
const MAX_DURATION_MINUTES = 7 * 24 * 60;

/**
 * A maintenance window that comes back (LibreNMS's recurring maintenance,
 * Alertmanager's time intervals): on the chosen weekdays and days of the
 * month, from `start` local time for `durationMinutes`. While it lasts,
 * matching alarms are recorded and their notifications held, like a one-off
 * maintenance silence; when it ends with alarms still active, the notifiers
 * send a summary.
 */
export const recurringWindowSchema = z.strictObject({
  id: idSchema,
  /** Same matchers as a silence: customerId, siteId, nodeId, category, codePrefix, textContains (at least one). */
  matchers: silenceMatchersSchema,
  /** Days it starts on; empty = every day. */
  weekdays: z.array(z.enum(WEEKDAYS)).default([]),
  /** Days of the month it starts on; empty = every day. With weekdays, both must match. */
  daysOfMonth: z.array(z.number().int().min(1).max(31)).default([]),
  start: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .meta({ expected: 'a local time HH:MM such as "02:00"' }),
  durationMinutes: z.number().int().min(1).max(MAX_DURATION_MINUTES),
  /** null = the local time of each alarm's site (UTC for senders outside the fleet). */
  timeZone: timeZoneSchema.nullable().default(null),
  comment: z.string().default(''),
});
export type RecurringWindow = z.infer<typeof recurringWindowSchema>;

export interface Occurrence {
  startsAt: number;
  endsAt: number;
}

type CivilDate = { year: number; month: number; day: number; weekday: number };

function startsOn(window: RecurringWindow, date: CivilDate): boolean {
  if (window.weekdays.length > 0 && !window.weekdays.includes(WEEKDAYS[date.weekday]!)) return false;
  if (window.daysOfMonth.length > 0 && !window.daysOfMonth.includes(date.day)) return false;
  return true;
}

function occurrenceOn(window: RecurringWindow, date: CivilDate, timeZone: string): Occurrence {
  const [hour, minute] = window.start.split(':').map(Number) as [number, number];
  const startsAt = zonedInstant(date, hour, minute, timeZone);
  return { startsAt, endsAt: startsAt + window.durationMinutes * 60_000 };
}

/** The occurrence `at` falls in (the latest-starting one if several overlap), or null. */
export function occurrenceAt(window: RecurringWindow, at: number, timeZone: string): Occurrence | null {
  const today = localTime(at, timeZone);
  const daysBack = Math.ceil(window.durationMinutes / 1440) + 1;
  for (let back = 0; back <= daysBack; back++) {
    const date = addDays(today, -back);
    if (!startsOn(window, date)) continue;
    const occurrence = occurrenceOn(window, date, timeZone);
    if (occurrence.startsAt <= at && at < occurrence.endsAt) return occurrence;
  }
  return null;
}

/** Occurrences that end in (from, to], oldest first; looks back at most 8 days before `to`. */
export function occurrencesEndingBetween(window: RecurringWindow, from: number, to: number, timeZone: string): Occurrence[] {
  const since = Math.max(from, to - 8 * DAY_MS);
  const first = localTime(since - window.durationMinutes * 60_000, timeZone);
  const days = Math.ceil((to - since) / DAY_MS) + Math.ceil(window.durationMinutes / 1440) + 2;
  const found: Occurrence[] = [];
  for (let i = 0; i <= days; i++) {
    const date = addDays(first, i);
    if (!startsOn(window, date)) continue;
    const occurrence = occurrenceOn(window, date, timeZone);
    if (occurrence.endsAt > since && occurrence.endsAt <= to && !found.some((o) => o.endsAt === occurrence.endsAt)) found.push(occurrence);
  }
  return found.sort((a, b) => a.endsAt - b.endsAt);
}

/** "sat 02:00 for 120 min (Europe/London)", for reasons and mails. */
export function describeWindow(window: RecurringWindow, timeZone: string): string {
  const days = [window.weekdays.length > 0 ? window.weekdays.join(',') : '', window.daysOfMonth.length > 0 ? `day ${window.daysOfMonth.join(',')}` : ''].filter(Boolean).join(' ');
  return `${days || 'daily'} ${window.start} for ${window.durationMinutes} min (${timeZone})`;
}
