import type { TransitionKind } from '../src/correlation/alarm.js';
import type { Notification } from '../src/correlation/notification.js';
import type { EventCategory } from '../src/events/categories.js';
import type { Severity } from '../src/events/severity.js';

/**
 * What happened to one outbox row (one alarm transition) for one profile of
 * one notifier. Open statuses are still moving; the others are final.
 * - grouped: waiting in its group for group wait / group interval;
 * - queued, retrying: in a message that is not sent yet;
 * - suppressed-by-brake: the profile hit its storm brake; listed in the next digest;
 * - sent, failed-permanent: the message's outcome;
 * - below-profile-severity, not-in-profile: the profile's filters did not take it;
 * - inhibited, silenced: held back at flush time (a root-cause alarm or a silence/maintenance window appeared during group wait).
 */
export const DELIVERY_STATUSES = [
  'grouped',
  'queued',
  'retrying',
  'suppressed-by-brake',
  'sent',
  'failed-permanent',
  'below-profile-severity',
  'not-in-profile',
  'inhibited',
  'silenced',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const OPEN_DELIVERY_STATUSES: readonly DeliveryStatus[] = ['grouped', 'queued', 'retrying', 'suppressed-by-brake'];
/** A profile counts as told about an alarm once a firing delivery is in one of these. */
export const TOLD_DELIVERY_STATUSES: readonly DeliveryStatus[] = ['grouped', 'queued', 'retrying', 'suppressed-by-brake', 'sent'];

export interface Delivery {
  id: number;
  /** `<notificationId>:<notifier>:<profile>`, UNIQUE: one delivery per transition per profile, across restarts. */
  key: string;
  notificationId: number;
  alarmId: number;
  notifier: string;
  profile: string;
  /** e.g. `customer=acme/site=hq/node=hq-primary`, from the profile's groupBy. */
  groupKey: string;
  kind: TransitionKind;
  severity: Severity;
  category: EventCategory;
  /** When the transition happened. */
  at: number;
  status: DeliveryStatus;
  reason: string;
  messageId: number | null;
  createdAt: number;
  updatedAt: number;
}

export type NewDelivery = Omit<Delivery, 'id' | 'messageId' | 'createdAt' | 'updatedAt'>;

export const MESSAGE_KINDS = ['alarms', 'reminder', 'digest', 'maintenance-summary'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_STATUSES = ['queued', 'retrying', 'sent', 'failed-permanent'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** One rendered message (an email), stored before it is sent so a retry sends the same bytes. */
export interface OutboundMessage {
  id: number;
  /** UNIQUE; derived from what the message carries, so creating it twice is a no-op. */
  key: string;
  notifier: string;
  profile: string;
  groupKey: string;
  kind: MessageKind;
  recipients: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  /** Recipients the server refused for good while it accepted the others. */
  rejected: string[];
  createdAt: number;
  sentAt: number | null;
  updatedAt: number;
}

export type NewMessage = Omit<OutboundMessage, 'id' | 'status' | 'attempts' | 'lastError' | 'rejected' | 'sentAt' | 'updatedAt'>;

export interface AttemptOutcome {
  status: 'sent' | 'retrying' | 'failed-permanent';
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  rejected: string[];
  at: number;
}

export interface DeliveryQuery {
  notifier?: string;
  profile?: string;
  statuses?: readonly DeliveryStatus[];
  notificationIds?: readonly number[];
  limit: number;
}

export interface MessageQuery {
  ids?: readonly number[];
  notifier?: string;
  profile?: string;
  groupKey?: string;
  status?: MessageStatus;
  kinds?: readonly MessageKind[];
  /** created_at at or after. */
  since?: number;
  limit: number;
}

/** An alarm a profile was told is firing and that is still active (repeat reminders after a restart). */
export interface FiringDelivery {
  profile: string;
  groupKey: string;
  alarmId: number;
  /** When the message that told it was created. */
  toldAt: number;
}

/**
 * The storage the notifiers need: the outbox rows correlation wrote, and
 * per-profile deliveries and messages. Implemented by SqliteStore and
 * MemoryStore (store-contract-deliveries.ts keeps them alike).
 */
export interface NotifierOutbox {
  /** Outbox rows waiting for the notifiers, oldest first. */
  listPendingNotifications(limit: number): Notification[];
  /** Profiles of the notifier told (or about to be told) that the alarm is firing. */
  profilesTold(notifier: string, alarmId: number): string[];
  /**
   * Stores the per-profile decisions for one outbox row and marks the row
   * `dispatched` (or settles it at once when every decision is final).
   * Idempotent on the delivery key. Returns the row's deliveries as stored.
   */
  recordFanOut(notificationId: number, deliveries: NewDelivery[], at: number): Delivery[];
  /** Oldest first. */
  listDeliveries(query: DeliveryQuery): Delivery[];
  /** Moves deliveries to a status without a message (brake, inhibition at flush…) and settles their outbox rows. */
  setDeliveryStatus(ids: readonly number[], status: DeliveryStatus, reason: string, at: number): void;
  /** Creates the message (or returns the one with the same key) and moves its deliveries to `queued`. */
  insertMessage(message: NewMessage, deliveryIds: readonly number[]): OutboundMessage;
  /** Queued or retrying messages whose next attempt is due, soonest first. */
  listDueMessages(notifier: string, now: number, limit: number): OutboundMessage[];
  /** Newest first. */
  listMessages(query: MessageQuery): OutboundMessage[];
  /** Records a send attempt on the message and its deliveries, and settles their outbox rows. */
  recordAttempt(messageId: number, outcome: AttemptOutcome): void;
  /** Latest firing delivery per alarm and profile, for alarms still active. */
  listFiringDeliveries(notifier: string, limit: number): FiringDelivery[];
  /** Deletes sent and failed messages created before `before`; their deliveries keep their status. */
  pruneMessages(before: number): number;
}
