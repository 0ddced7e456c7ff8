import type BetterSqlite3 from 'better-sqlite3';
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
import { WhereBuilder } from './query-sql.js';
import { statementCache } from './statement-cache.js';
import { deliveryFromRow, messageFromRow, messageToRow, notificationFromRow, type DeliveryRow, type MessageRow, type NotificationRow } from './delivery-rows.js';

const json = (values: readonly (string | number)[]) => JSON.stringify(values);
const OPEN = json(OPEN_DELIVERY_STATUSES);
const TOLD = json(TOLD_DELIVERY_STATUSES);

/**
 * Notifier deliveries and messages. Lists of ids and statuses go in as one
 * JSON parameter (`json_each`), so each query is one prepared statement.
 */
export class SqliteDeliveries implements NotifierOutbox {
  private readonly stmts;
  private readonly prepared: (sql: string) => BetterSqlite3.Statement;

  constructor(db: BetterSqlite3.Database) {
    this.prepared = statementCache(db);
    this.stmts = {
      pending: db.prepare<[number], NotificationRow>("SELECT * FROM notifications WHERE status = 'pending' ORDER BY id LIMIT ?"),
      told: db.prepare<[number, string, string], { profile: string }>(
        `SELECT DISTINCT profile FROM notification_deliveries WHERE alarm_id = ? AND notifier = ? AND kind != 'cleared'
           AND status IN (SELECT value FROM json_each(?)) ORDER BY profile`,
      ),
      insertDelivery: db.prepare(
        `INSERT OR IGNORE INTO notification_deliveries (idempotency_key, notification_id, alarm_id, notifier, profile, group_key, kind, severity,
           category, at, status, reason, message_id, created_at, updated_at)
         VALUES (@key, @notification_id, @alarm_id, @notifier, @profile, @group_key, @kind, @severity, @category, @at, @status, @reason, NULL, @now, @now)`,
      ),
      ofNotification: db.prepare<[number], DeliveryRow>('SELECT * FROM notification_deliveries WHERE notification_id = ? ORDER BY id'),
      markDispatched: db.prepare<[number, number]>("UPDATE notifications SET status = 'dispatched', updated_at = ? WHERE id = ? AND status = 'pending'"),
      settle: db.prepare<{ id: number; at: number; open: string }>(
        `UPDATE notifications SET updated_at = @at, status = CASE
           WHEN EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_id = notifications.id AND d.status = 'failed-permanent') THEN 'failed'
           WHEN EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_id = notifications.id AND d.status = 'sent') THEN 'sent'
           ELSE 'skipped' END
         WHERE id = @id AND status IN ('pending', 'dispatched') AND NOT EXISTS (
           SELECT 1 FROM notification_deliveries d WHERE d.notification_id = notifications.id AND d.status IN (SELECT value FROM json_each(@open)))`,
      ),
      setStatus: db.prepare<{ ids: string; status: string; reason: string; at: number }>(
        'UPDATE notification_deliveries SET status = @status, reason = @reason, updated_at = @at WHERE id IN (SELECT value FROM json_each(@ids))',
      ),
      notificationsOf: db.prepare<[string], { id: number }>('SELECT DISTINCT notification_id AS id FROM notification_deliveries WHERE id IN (SELECT value FROM json_each(?))'),
      insertMessage: db.prepare(
        `INSERT OR IGNORE INTO notification_messages (idempotency_key, notifier, profile, group_key, kind, recipients, subject, body, status, attempts,
           next_attempt_at, last_error, rejected, created_at, sent_at, updated_at)
         VALUES (@idempotency_key, @notifier, @profile, @group_key, @kind, @recipients, @subject, @body, 'queued', 0,
           @next_attempt_at, NULL, '[]', @created_at, NULL, @created_at)`,
      ),
      messageByKey: db.prepare<[string], MessageRow>('SELECT * FROM notification_messages WHERE idempotency_key = ?'),
      linkDeliveries: db.prepare<{ ids: string; message: number; reason: string; at: number }>(
        `UPDATE notification_deliveries SET status = 'queued', message_id = @message, reason = @reason, updated_at = @at
         WHERE id IN (SELECT value FROM json_each(@ids))`,
      ),
      due: db.prepare<[string, number, number], MessageRow>(
        `SELECT * FROM notification_messages WHERE notifier = ? AND status IN ('queued', 'retrying') AND next_attempt_at <= ?
         ORDER BY next_attempt_at, id LIMIT ?`,
      ),
      attempt: db.prepare(
        `UPDATE notification_messages SET status = @status, attempts = @attempts, next_attempt_at = @next_attempt_at, last_error = @last_error,
           rejected = @rejected, sent_at = @sent_at, updated_at = @at WHERE id = @id`,
      ),
      deliveriesOfMessage: db.prepare<[number], { id: number }>('SELECT id FROM notification_deliveries WHERE message_id = ?'),
      firing: db.prepare<[string, string, number], FiringDelivery>(
        `SELECT d.profile, d.group_key AS groupKey, d.alarm_id AS alarmId, m.created_at AS toldAt
         FROM notification_deliveries d
         JOIN notification_messages m ON m.id = d.message_id
         JOIN alarms a ON a.id = d.alarm_id AND a.state = 'active'
         WHERE d.notifier = ? AND d.kind != 'cleared' AND d.status IN (SELECT value FROM json_each(?))
           AND d.id = (SELECT max(d2.id) FROM notification_deliveries d2
                       WHERE d2.alarm_id = d.alarm_id AND d2.notifier = d.notifier AND d2.profile = d.profile AND d2.message_id IS NOT NULL)
         ORDER BY d.id LIMIT ?`,
      ),
      prune: db.prepare<[number]>("DELETE FROM notification_messages WHERE status IN ('sent', 'failed-permanent') AND created_at < ?"),
    };
  }

  listPendingNotifications(limit: number): Notification[] {
    return this.stmts.pending.all(limit).map(notificationFromRow);
  }

  profilesTold(notifier: string, alarmId: number): string[] {
    return this.stmts.told.all(alarmId, notifier, TOLD).map((row) => row.profile);
  }

  recordFanOut(notificationId: number, deliveries: NewDelivery[], at: number): Delivery[] {
    for (const d of deliveries) {
      this.stmts.insertDelivery.run({
        key: d.key,
        notification_id: notificationId,
        alarm_id: d.alarmId,
        notifier: d.notifier,
        profile: d.profile,
        group_key: d.groupKey,
        kind: d.kind,
        severity: d.severity,
        category: d.category,
        at: d.at,
        status: d.status,
        reason: d.reason,
        now: at,
      });
    }
    this.stmts.markDispatched.run(at, notificationId);
    this.stmts.settle.run({ id: notificationId, at, open: OPEN });
    return this.stmts.ofNotification.all(notificationId).map(deliveryFromRow);
  }

  listDeliveries(query: DeliveryQuery): Delivery[] {
    const where = new WhereBuilder();
    if (query.notifier !== undefined) where.add('notifier = ?', query.notifier);
    if (query.profile !== undefined) where.add('profile = ?', query.profile);
    if (query.statuses !== undefined) where.addInList('status', query.statuses);
    if (query.notificationIds !== undefined) where.addInList('notification_id', query.notificationIds);
    return this.all<DeliveryRow>(`SELECT * FROM notification_deliveries${where.sql()} ORDER BY id LIMIT ?`, [...where.params, query.limit]).map(deliveryFromRow);
  }

  setDeliveryStatus(ids: readonly number[], status: DeliveryStatus, reason: string, at: number): void {
    if (ids.length === 0) return;
    this.stmts.setStatus.run({ ids: json(ids), status, reason, at });
    this.settleDeliveries(ids, at);
  }

  insertMessage(message: NewMessage, deliveryIds: readonly number[]): OutboundMessage {
    this.stmts.insertMessage.run(messageToRow(message));
    const stored = messageFromRow(this.stmts.messageByKey.get(message.key)!);
    if (deliveryIds.length > 0) {
      this.stmts.linkDeliveries.run({ ids: json(deliveryIds), message: stored.id, reason: `in message ${stored.id}: ${stored.subject}`, at: message.createdAt });
    }
    return stored;
  }

  listDueMessages(notifier: string, now: number, limit: number): OutboundMessage[] {
    return this.stmts.due.all(notifier, now, limit).map(messageFromRow);
  }

  listMessages(query: MessageQuery): OutboundMessage[] {
    const where = new WhereBuilder();
    if (query.ids !== undefined) where.addInList('id', query.ids);
    if (query.notifier !== undefined) where.add('notifier = ?', query.notifier);
    if (query.profile !== undefined) where.add('profile = ?', query.profile);
    if (query.groupKey !== undefined) where.add('group_key = ?', query.groupKey);
    if (query.status !== undefined) where.add('status = ?', query.status);
    if (query.kinds !== undefined) where.addInList('kind', query.kinds);
    if (query.since !== undefined) where.add('created_at >= ?', query.since);
    return this.all<MessageRow>(`SELECT * FROM notification_messages${where.sql()} ORDER BY id DESC LIMIT ?`, [...where.params, query.limit]).map(messageFromRow);
  }

  recordAttempt(messageId: number, outcome: AttemptOutcome): void {
    this.stmts.attempt.run({
      id: messageId,
      status: outcome.status,
      attempts: outcome.attempts,
      next_attempt_at: outcome.nextAttemptAt,
      last_error: outcome.lastError,
      rejected: JSON.stringify(outcome.rejected),
      sent_at: outcome.status === 'sent' ? outcome.at : null,
      at: outcome.at,
    });
    const ids = this.stmts.deliveriesOfMessage.all(messageId).map((row) => row.id);
    if (ids.length === 0) return;
    const reason = deliveryReason(messageId, outcome);
    this.stmts.setStatus.run({ ids: json(ids), status: outcome.status, reason, at: outcome.at });
    this.settleDeliveries(ids, outcome.at);
  }

  listFiringDeliveries(notifier: string, limit: number): FiringDelivery[] {
    return this.stmts.firing.all(notifier, TOLD, limit);
  }

  pruneMessages(before: number): number {
    return this.stmts.prune.run(before).changes;
  }

  private settleDeliveries(ids: readonly number[], at: number): void {
    for (const { id } of this.stmts.notificationsOf.all(json(ids))) this.stmts.settle.run({ id, at, open: OPEN });
  }

  private all<R>(sql: string, params: unknown[]): R[] {
    return this.prepared(sql).all(...params) as R[];
  }
}

/** The delivery's reason after an attempt on its message (shared with the MemoryStore twin). */
export function deliveryReason(messageId: number, outcome: AttemptOutcome): string {
  const rejected = outcome.rejected.length > 0 ? `; refused by the server for: ${outcome.rejected.join(', ')}` : '';
  if (outcome.status === 'sent') return `sent in message ${messageId} (attempt ${outcome.attempts})${rejected}`;
  if (outcome.status === 'retrying') return `message ${messageId} attempt ${outcome.attempts} failed, retrying at ${new Date(outcome.nextAttemptAt).toISOString()}: ${outcome.lastError ?? ''}`;
  return `message ${messageId} failed for good after ${outcome.attempts} attempts: ${outcome.lastError ?? ''}${rejected}`;
}
