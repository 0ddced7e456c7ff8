import type { EventCategory } from '../events/categories.js';
import type { Severity } from '../events/severity.js';
import type { TransitionKind } from './alarm.js';

/**
 * The outbox: one row per alarm transition worth telling someone about, with
 * the reason it was or was not sent. `pending` rows are for the notifiers
 * (email, issue 11) to claim; `held` rows say why nothing was sent.
 */
export const NOTIFICATION_STATUSES = ['pending', 'held', 'sent', 'failed'] as const;
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
