import type { TransitionKind } from '../correlation/alarm.js';
import type { EventCategory } from '../events/categories.js';
import type { Severity } from '../events/severity.js';
import type { Delivery, DeliveryStatus, MessageKind, MessageStatus, NewMessage, OutboundMessage } from '../../notifiers/delivery.js';

export { notificationFromRow, type NotificationRow } from './sqlite-outbox.js';

export interface DeliveryRow {
  id: number;
  idempotency_key: string;
  notification_id: number;
  alarm_id: number;
  notifier: string;
  profile: string;
  group_key: string;
  kind: string;
  severity: string;
  category: string;
  at: number;
  status: string;
  reason: string;
  message_id: number | null;
  created_at: number;
  updated_at: number;
}

export interface MessageRow {
  id: number;
  idempotency_key: string;
  notifier: string;
  profile: string;
  group_key: string;
  kind: string;
  recipients: string;
  subject: string;
  /** JSON: { text, html, headers }. */
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  rejected: string;
  created_at: number;
  sent_at: number | null;
  updated_at: number;
}

export function deliveryFromRow(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    key: row.idempotency_key,
    notificationId: row.notification_id,
    alarmId: row.alarm_id,
    notifier: row.notifier,
    profile: row.profile,
    groupKey: row.group_key,
    kind: row.kind as TransitionKind,
    severity: row.severity as Severity,
    category: row.category as EventCategory,
    at: row.at,
    status: row.status as DeliveryStatus,
    reason: row.reason,
    messageId: row.message_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function messageToRow(message: NewMessage): Omit<MessageRow, 'id' | 'status' | 'attempts' | 'last_error' | 'rejected' | 'sent_at' | 'updated_at'> {
  return {
    idempotency_key: message.key,
    notifier: message.notifier,
    profile: message.profile,
    group_key: message.groupKey,
    kind: message.kind,
    recipients: JSON.stringify(message.recipients),
    subject: message.subject,
    body: JSON.stringify({ text: message.text, html: message.html, headers: message.headers }),
    next_attempt_at: message.nextAttemptAt,
    created_at: message.createdAt,
  };
}

export function messageFromRow(row: MessageRow): OutboundMessage {
  const body = JSON.parse(row.body) as { text: string; html: string; headers: Record<string, string> };
  return {
    id: row.id,
    key: row.idempotency_key,
    notifier: row.notifier,
    profile: row.profile,
    groupKey: row.group_key,
    kind: row.kind as MessageKind,
    recipients: JSON.parse(row.recipients) as string[],
    subject: row.subject,
    text: body.text,
    html: body.html,
    headers: body.headers,
    status: row.status as MessageStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    rejected: JSON.parse(row.rejected) as string[],
    createdAt: row.created_at,
    sentAt: row.sent_at,
    updatedAt: row.updated_at,
  };
}
