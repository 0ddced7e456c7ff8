import type BetterSqlite3 from 'better-sqlite3';
import type { TransitionKind } from '../correlation/alarm.js';
import type { Notification } from '../correlation/notification.js';
import type { EventCategory } from '../events/categories.js';
import type { Severity } from '../events/severity.js';
import type { NotificationQuery } from './store.js';

export interface NotificationRow {
  id: number;
  alarm_id: number;
  transition_id: number | null;
  at: number;
  kind: string;
  severity: string;
  category: string;
  node_id: string | null;
  status: string;
  reason: string;
  attempts: number;
  updated_at: number;
}

/** The notification outbox table: what correlation decided to send or hold, and why. */
export class SqliteOutbox {
  private readonly insertStmt;
  private readonly byAlarmStmt;
  private readonly byStatusStmt;
  private readonly allStmt;

  constructor(db: BetterSqlite3.Database) {
    this.insertStmt = db.prepare<Omit<NotificationRow, 'id'>>(
      `INSERT INTO notifications (alarm_id, transition_id, at, kind, severity, category, node_id, status, reason, attempts, updated_at)
       VALUES (@alarm_id, @transition_id, @at, @kind, @severity, @category, @node_id, @status, @reason, @attempts, @updated_at)`,
    );
    // Status filtered in SQL, before the LIMIT: filtering the fetched rows afterwards returned fewer than `limit`.
    this.byAlarmStmt = db.prepare<{ alarm_id: number; status: string | null; limit: number }, NotificationRow>(
      'SELECT * FROM notifications WHERE alarm_id = @alarm_id AND (@status IS NULL OR status = @status) ORDER BY id DESC LIMIT @limit',
    );
    this.byStatusStmt = db.prepare<[string, number], NotificationRow>('SELECT * FROM notifications WHERE status = ? ORDER BY id DESC LIMIT ?');
    this.allStmt = db.prepare<[number], NotificationRow>('SELECT * FROM notifications ORDER BY id DESC LIMIT ?');
  }

  insert(notification: Omit<Notification, 'id'>): Notification {
    const { lastInsertRowid } = this.insertStmt.run({
      alarm_id: notification.alarmId,
      transition_id: notification.transitionId,
      at: notification.at,
      kind: notification.kind,
      severity: notification.severity,
      category: notification.category,
      node_id: notification.nodeId,
      status: notification.status,
      reason: notification.reason,
      attempts: notification.attempts,
      updated_at: notification.updatedAt,
    });
    return { ...notification, id: Number(lastInsertRowid) };
  }

  list(query: NotificationQuery): Notification[] {
    const rows =
      query.alarmId !== undefined
        ? this.byAlarmStmt.all({ alarm_id: query.alarmId, status: query.status ?? null, limit: query.limit })
        : query.status !== undefined
          ? this.byStatusStmt.all(query.status, query.limit)
          : this.allStmt.all(query.limit);
    return rows.map(notificationFromRow);
  }
}

export function notificationFromRow(row: NotificationRow): Notification {
  return {
    id: row.id,
    alarmId: row.alarm_id,
    transitionId: row.transition_id,
    at: row.at,
    kind: row.kind as TransitionKind,
    severity: row.severity as Severity,
    category: row.category as EventCategory,
    nodeId: row.node_id,
    status: row.status as Notification['status'],
    reason: row.reason,
    attempts: row.attempts,
    updatedAt: row.updated_at,
  };
}
