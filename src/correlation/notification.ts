import type { EventCategory } from '../events/categories.js';
import type { Severity } from '../events/severity.js';
import type { TransitionKind } from './alarm.js';

/**
 * The outbox: one row per alarm transition worth telling someone about, with
 * the reason it was or was not sent. `pending` rows are for the notifiers to
 * claim; `held` rows say why nothing was sent. A claimed row is `dispatched`
 * (its per-profile deliveries say what happens, notifiers/delivery.ts) until
 * every delivery is final: then `sent` (at least one profile got it), `failed`
 * (a profile's mail failed for good) or `skipped` (no profile took it).
 */
export const NOTIFICATION_STATUSES = ['pending', 'held', 'dispatched', 'sent', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export interface Notification {
  id: number;
  alarmId: number;
  transitionId: number | null;
  at: number;
  kind: TransitionKind;
  severity: Severity;
  category: EventCategory;
  nodeId: string | null;
  status: NotificationStatus;
  reason: string;
  attempts: number;
  updatedAt: number;
}

/** Transitions that produce a notification; acknowledgements and expiry are recorded but not announced. */
export const NOTIFIED_TRANSITIONS: readonly TransitionKind[] = ['raised', 'reopened', 'severity-changed', 'cleared'];
