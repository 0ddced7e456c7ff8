import type { Alarm } from '../correlation/alarm.js';
import type { Notification } from '../correlation/notification.js';
import type {
  AttemptOutcome,
  Delivery,
  DeliveryQuery,
  DeliveryStatus,
  FiringDelivery,
  MessageQuery,
  NewDelivery,
  NewMessage,
  NotifierOutbox,
  OutboundMessage,
} from '../../notifiers/delivery.js';
import { OPEN_DELIVERY_STATUSES, TOLD_DELIVERY_STATUSES } from '../../notifiers/delivery.js';
import { deliveryReason } from './sqlite-deliveries.js';

export interface DeliveryState {
  deliveries: Delivery[];
  messages: OutboundMessage[];
}

/** The parts of MemoryStore's state the deliveries read; replaced wholesale when a transaction rolls back. */
export interface OutboxState {
  notifications: Notification[];
  alarms: Map<number, Alarm>;
  deliveries: DeliveryState;
}

export const emptyDeliveryState = (): DeliveryState => ({ deliveries: [], messages: [] });

const copy = <T>(value: T): T => structuredClone(value);

/** NotifierOutbox in plain arrays, the twin of SqliteDeliveries (store-contract-deliveries.ts checks both). */
export class MemoryDeliveries implements NotifierOutbox {
  constructor(private readonly state: () => OutboxState) {}

  private get d(): DeliveryState {
    return this.state().deliveries;
  }

  listPendingNotifications(limit: number): Notification[] {
    return this.state()
      .notifications.filter((n) => n.status === 'pending')
      .slice(0, limit)
      .map((n) => ({ ...n }));
  }

  profilesTold(notifier: string, alarmId: number): string[] {
    const told = this.d.deliveries.filter((x) => x.alarmId === alarmId && x.notifier === notifier && x.kind !== 'cleared' && TOLD_DELIVERY_STATUSES.includes(x.status));
    return [...new Set(told.map((x) => x.profile))].sort();
  }

  recordFanOut(notificationId: number, deliveries: NewDelivery[], at: number): Delivery[] {
    const notification = this.state().notifications.find((n) => n.id === notificationId);
    if (!notification) throw new Error(`FOREIGN KEY constraint failed: notification ${notificationId} does not exist`);
    for (const d of deliveries) {
      if (this.d.deliveries.some((x) => x.key === d.key)) continue;
      this.d.deliveries.push({ ...copy(d), id: this.d.deliveries.length + 1, messageId: null, createdAt: at, updatedAt: at });
    }
    if (notification.status === 'pending') Object.assign(notification, { status: 'dispatched', updatedAt: at });
    this.settle(notificationId, at);
    return this.d.deliveries.filter((x) => x.notificationId === notificationId).map(copy);
  }

  listDeliveries(query: DeliveryQuery): Delivery[] {
    return this.d.deliveries
      .filter(
        (x) =>
          (query.notifier === undefined || x.notifier === query.notifier) &&
          (query.profile === undefined || x.profile === query.profile) &&
          (query.statuses === undefined || query.statuses.includes(x.status)) &&
          (query.notificationIds === undefined || query.notificationIds.includes(x.notificationId)),
      )
      .slice(0, query.limit)
      .map(copy);
  }

  setDeliveryStatus(ids: readonly number[], status: DeliveryStatus, reason: string, at: number): void {
    const chosen = this.d.deliveries.filter((x) => ids.includes(x.id));
    for (const x of chosen) Object.assign(x, { status, reason, updatedAt: at });
    for (const id of new Set(chosen.map((x) => x.notificationId))) this.settle(id, at);
  }

  insertMessage(message: NewMessage, deliveryIds: readonly number[]): OutboundMessage {
    let stored = this.d.messages.find((m) => m.key === message.key);
    if (!stored) {
      stored = { ...copy(message), id: this.d.messages.length + 1, status: 'queued', attempts: 0, lastError: null, rejected: [], sentAt: null, updatedAt: message.createdAt };
      this.d.messages.push(stored);
    }
    const reason = `in message ${stored.id}: ${stored.subject}`;
    for (const x of this.d.deliveries) if (deliveryIds.includes(x.id)) Object.assign(x, { status: 'queued', messageId: stored.id, reason, updatedAt: message.createdAt });
    return copy(stored);
  }

  listDueMessages(notifier: string, now: number, limit: number): OutboundMessage[] {
    return this.d.messages
      .filter((m) => m.notifier === notifier && (m.status === 'queued' || m.status === 'retrying') && m.nextAttemptAt <= now)
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id)
      .slice(0, limit)
      .map(copy);
  }

  listMessages(query: MessageQuery): OutboundMessage[] {
    return this.d.messages
      .filter(
        (m) =>
          (query.ids === undefined || query.ids.includes(m.id)) &&
          (query.notifier === undefined || m.notifier === query.notifier) &&
          (query.profile === undefined || m.profile === query.profile) &&
          (query.groupKey === undefined || m.groupKey === query.groupKey) &&
          (query.status === undefined || m.status === query.status) &&
          (query.kinds === undefined || query.kinds.includes(m.kind)) &&
          (query.since === undefined || m.createdAt >= query.since),
      )
      .reverse()
      .slice(0, query.limit)
      .map(copy);
  }

  recordAttempt(messageId: number, outcome: AttemptOutcome): void {
    const message = this.d.messages.find((m) => m.id === messageId);
    if (!message) return;
    Object.assign(message, {
      status: outcome.status,
      attempts: outcome.attempts,
      nextAttemptAt: outcome.nextAttemptAt,
      lastError: outcome.lastError,
      rejected: [...outcome.rejected],
      sentAt: outcome.status === 'sent' ? outcome.at : null,
      updatedAt: outcome.at,
    });
    const ids = this.d.deliveries.filter((x) => x.messageId === messageId).map((x) => x.id);
    this.setDeliveryStatus(ids, outcome.status, deliveryReason(messageId, outcome), outcome.at);
  }

  listFiringDeliveries(notifier: string, limit: number): FiringDelivery[] {
    const latest = new Map<string, Delivery>();
    for (const x of this.d.deliveries) if (x.notifier === notifier && x.messageId !== null) latest.set(`${x.alarmId}\u0000${x.profile}`, x);
    const found: FiringDelivery[] = [];
    for (const x of [...latest.values()].sort((a, b) => a.id - b.id)) {
      if (x.kind === 'cleared' || !TOLD_DELIVERY_STATUSES.includes(x.status) || this.state().alarms.get(x.alarmId)?.state !== 'active') continue;
      const message = this.d.messages.find((m) => m.id === x.messageId)!;
      found.push({ profile: x.profile, groupKey: x.groupKey, alarmId: x.alarmId, toldAt: message.createdAt });
    }
    return found.slice(0, limit);
  }

  pruneMessages(before: number): number {
    const gone = new Set(this.d.messages.filter((m) => (m.status === 'sent' || m.status === 'failed-permanent') && m.createdAt < before).map((m) => m.id));
    this.d.messages = this.d.messages.filter((m) => !gone.has(m.id));
    for (const x of this.d.deliveries) if (x.messageId !== null && gone.has(x.messageId)) x.messageId = null;
    return gone.size;
  }

  /** Same rule as the SQL: once no delivery is open, failed beats sent beats skipped. */
  private settle(notificationId: number, at: number): void {
    const notification = this.state().notifications.find((n) => n.id === notificationId);
    if (!notification || (notification.status !== 'pending' && notification.status !== 'dispatched')) return;
    const mine = this.d.deliveries.filter((x) => x.notificationId === notificationId);
    if (mine.some((x) => OPEN_DELIVERY_STATUSES.includes(x.status))) return;
    const status = mine.some((x) => x.status === 'failed-permanent') ? 'failed' : mine.some((x) => x.status === 'sent') ? 'sent' : 'skipped';
    Object.assign(notification, { status, updatedAt: at });
  }
}
