import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import type { Alarm, AlarmState, AlarmTransition, TransitionKind } from '../correlation/alarm.js';
import type { Notification } from '../correlation/notification.js';
import type { Silence } from '../correlation/silence.js';
import { ALARM_STATES } from '../correlation/alarm.js';
import { CodedError } from '../errors.js';
import type { FleetEvent, StoredEvent } from '../events/fleet-event.js';
import { migrate } from './migrations.js';
import { alarmQuerySql } from './alarm-query-sql.js';
import { eventQuerySql } from './event-query-sql.js';
import type { QuerySql } from './query-sql.js';
import { statementCache } from './statement-cache.js';
import {
  alarmFromRow,
  alarmToRow,
  eventFromRow,
  eventToRow,
  transitionFromRow,
  transitionToRow,
  type AlarmRow,
  type EventRow,
  type TransitionRow,
} from './rows.js';
import { prepareRetention, type ApplyRetention } from './sqlite-retention.js';
import { SqliteOutbox } from './sqlite-outbox.js';
import { SqliteLicence } from './sqlite-licence.js';
import { SqliteDeliveries } from './sqlite-deliveries.js';
import { SqliteSilences } from './sqlite-silences.js';
import { SqliteUnmatched } from './sqlite-unmatched.js';
import { SqliteSsaEntries } from './sqlite-ssa-entries.js';
import { SqliteQos } from './sqlite-qos.js';
import { SqliteAudit } from './sqlite-audit.js';
import { SqliteResiliency } from './sqlite-resiliency.js';
import { SqliteSessions } from './sqlite-sessions.js';
import type { AlarmQuery, EventQuery, NotificationQuery, RetentionPolicy, Store, UnmatchedCluster } from './store.js';

export const DATABASE_FILE = 'ipo-observer.db';

/** How long a writer waits for another connection (e.g. the sqlite3 CLI) before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
const PAGE_CACHE_KIB = 64 * 1024;
/** Pages of WAL before an automatic checkpoint (4 KiB pages: 40 MiB), below WAL_SIZE_LIMIT_BYTES. */
const WAL_CHECKPOINT_PAGES = 10_000;

/**
 * Opens (creating if needed) `<dataDir>/ipo-observer.db` and migrates it.
 * Any failure becomes IPO_ERR_STORE_OPEN_FAILED naming the file and the cause.
 */
export function openSqliteStore(dataDir: string): SqliteStore {
  const path = join(dataDir, DATABASE_FILE);
  let db: BetterSqlite3.Database | undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(path);
    // WAL lets API reads run while the pipeline writes; NORMAL is durable across crashes in WAL mode
    // (a power cut can lose the last commits, not corrupt the file), and much faster than FULL.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // After a checkpoint, shrink a WAL that a big retention run grew, instead of keeping it at its peak size.
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    // Measured with bench/engine at 100,000 open alarms: correlation writes touch many index pages per event. A 64 MiB
    // page cache (SQLite's default is 2 MiB) and a checkpoint every 10,000 pages (40 MiB of WAL, not 4 MiB) write
    // each hot page once per checkpoint rather than once per few batches: about 1.45 times the events per second.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    migrate(db);
    return new SqliteStore(db);
  } catch (error) {
    db?.close();
    const cause = error instanceof Error ? error.message : String(error);
    throw new CodedError('IPO_ERR_STORE_OPEN_FAILED', `cannot open the store database ${path}: ${cause}`, { cause: error });
  }
}

/**
 * An open alarm of a node whose code starts with @prefix (inhibition's source). The code range [prefix, prefix +
 * U+10FFFF) is a seek in alarms_open_node_code; substr() keeps the match exact. alarm-query-plan.test.ts checks it.
 */
export const FIND_OPEN_ALARM_SQL = `SELECT * FROM alarms WHERE node_id = @node_id AND state IN ('active', 'acknowledged') AND id != @exclude
  AND code >= @prefix AND code < @prefix_end
  AND substr(code, 1, length(@prefix)) = @prefix AND (@category IS NULL OR category = @category) LIMIT 1`;

/** The Store on better-sqlite3. Fixed statements are prepared once; filtered lists cache one statement per SQL shape. */
export class SqliteStore implements Store {
  private readonly insertEventStmt;
  private readonly getEventStmt;
  private readonly insertAlarmStmt;
  private readonly updateAlarmStmt;
  private readonly getAlarmStmt;
  private readonly latestAlarmStmt;
  private readonly insertTransitionStmt;
  private readonly transitionsStmt;
  private readonly countByStateStmt;
  private readonly countTransitionsStmt;
  private readonly findOpenStmt;
  private readonly outbox: SqliteOutbox;
  /** Notifier deliveries and messages (NotifierOutbox), delegated below. */
  private readonly deliveries: SqliteDeliveries;
  private readonly silences: SqliteSilences;
  private readonly unmatched: SqliteUnmatched;
  private readonly ssaEntries: SqliteSsaEntries;
  /** QoS call records and samples (QosRepository), delegated below. */
  private readonly qos: SqliteQos;
  /** Licence states and transitions (LicenceRepository), delegated below. */
  private readonly licence: SqliteLicence;
  /** The audit log (AuditRepository), delegated below. */
  private readonly audit: SqliteAudit;
  /** Resiliency incidents (ResiliencyRepository), delegated below. */
  private readonly resiliency: SqliteResiliency;
  private readonly sessions: SqliteSessions;
  private readonly prepared: (sql: string) => BetterSqlite3.Statement;
  private readonly runInTransaction: (fn: () => unknown) => unknown;
  private readonly retention: ApplyRetention;

  /** Takes an open, migrated database; use openSqliteStore. `retentionBatch` is for tests. */
  constructor(
    private readonly db: BetterSqlite3.Database,
    options: { retentionBatch?: number } = {},
  ) {
    this.insertEventStmt = db.prepare<Omit<EventRow, 'id'>>(
      `INSERT INTO events (received_at, occurred_at, source, collector, source_address, hostname, node_id,
         entity_kind, entity_id, entity_name, category, severity, severity_rank, code, alarm_key, raises_alarm, text,
         attributes, raw_encoding, raw_data, alarm_id)
       VALUES (@received_at, @occurred_at, @source, @collector, @source_address, @hostname, @node_id,
         @entity_kind, @entity_id, @entity_name, @category, @severity, @severity_rank, @code, @alarm_key, @raises_alarm, @text,
         @attributes, @raw_encoding, @raw_data, @alarm_id)`,
    );
    this.getEventStmt = db.prepare<[number], EventRow>('SELECT * FROM events WHERE id = ?');
    this.insertAlarmStmt = db.prepare<Omit<AlarmRow, 'id'>>(
      `INSERT INTO alarms (reduction_key, source, code, node_id, source_address, entity_kind, entity_id, entity_name,
         category, severity, severity_rank, highest_severity, state, text, occurrences, first_seen, last_seen, cleared_at,
         acknowledged_by, acknowledged_at, annotations)
       VALUES (@reduction_key, @source, @code, @node_id, @source_address, @entity_kind, @entity_id, @entity_name,
         @category, @severity, @severity_rank, @highest_severity, @state, @text, @occurrences, @first_seen, @last_seen, @cleared_at,
         @acknowledged_by, @acknowledged_at, @annotations)`,
    );
    this.updateAlarmStmt = db.prepare<AlarmRow>(
      `UPDATE alarms SET reduction_key = @reduction_key, source = @source, code = @code, node_id = @node_id,
         source_address = @source_address, entity_kind = @entity_kind, entity_id = @entity_id, entity_name = @entity_name,
         category = @category, severity = @severity, severity_rank = @severity_rank, highest_severity = @highest_severity,
         state = @state, text = @text, occurrences = @occurrences, first_seen = @first_seen, last_seen = @last_seen,
         cleared_at = @cleared_at, acknowledged_by = @acknowledged_by, acknowledged_at = @acknowledged_at,
         annotations = @annotations
       WHERE id = @id`,
    );
    this.getAlarmStmt = db.prepare<[number], AlarmRow>('SELECT * FROM alarms WHERE id = ?');
    this.latestAlarmStmt = db.prepare<[string], AlarmRow>('SELECT * FROM alarms WHERE reduction_key = ? ORDER BY id DESC LIMIT 1');
    this.insertTransitionStmt = db.prepare<Omit<TransitionRow, 'id'>>(
      `INSERT INTO alarm_transitions (alarm_id, at, kind, from_state, to_state, severity, event_id, user, note)
       VALUES (@alarm_id, @at, @kind, @from_state, @to_state, @severity, @event_id, @user, @note)`,
    );
    this.transitionsStmt = db.prepare<[number], TransitionRow>('SELECT * FROM alarm_transitions WHERE alarm_id = ? ORDER BY id');
    this.countTransitionsStmt = db.prepare<[number, string, number], { count: number }>(
      'SELECT count(*) AS count FROM alarm_transitions WHERE alarm_id = ? AND kind = ? AND at >= ?',
    );
    // Inhibition asks this for every alarm change: it must not read the node's alarms into objects.
    this.findOpenStmt = db.prepare<{ node_id: string; prefix: string; prefix_end: string; category: string | null; exclude: number }, AlarmRow>(FIND_OPEN_ALARM_SQL);
    this.outbox = new SqliteOutbox(db);
    this.licence = new SqliteLicence(db);
    this.audit = new SqliteAudit(db);
    this.resiliency = new SqliteResiliency(db);
    this.sessions = new SqliteSessions(db);
    this.deliveries = new SqliteDeliveries(db);
    this.silences = new SqliteSilences(db);
    this.unmatched = new SqliteUnmatched(db);
    this.ssaEntries = new SqliteSsaEntries(db);
    this.qos = new SqliteQos(db);
    this.countByStateStmt = db.prepare<[], { state: AlarmState; count: number }>('SELECT state, count(*) AS count FROM alarms GROUP BY state');
    // better-sqlite3 turns a nested call into a SAVEPOINT: it joins the outer transaction,
    // and if it throws only its own writes are undone before the error reaches the outer fn.
    this.runInTransaction = db.transaction((fn: () => unknown) => fn());
    this.retention = prepareRetention(db, options.retentionBatch);
    this.prepared = statementCache(db);
  }

  transaction<T>(fn: () => T): T {
    return this.runInTransaction(fn) as T;
  }

  insertEvent(event: FleetEvent, alarmId: number | null): StoredEvent {
    const { lastInsertRowid } = this.insertEventStmt.run(eventToRow(event, alarmId));
    return { ...event, id: Number(lastInsertRowid), alarmId };
  }

  getEvent(id: number): StoredEvent | null {
    const row = this.getEventStmt.get(id);
    return row ? eventFromRow(row) : null;
  }

  listEvents(query: EventQuery): StoredEvent[] {
    return this.all<EventRow>(eventQuerySql(query)).map(eventFromRow);
  }

  findLatestByReductionKey(reductionKey: string): Alarm | null {
    const row = this.latestAlarmStmt.get(reductionKey);
    return row ? alarmFromRow(row) : null;
  }

  insertAlarm(alarm: Omit<Alarm, 'id'>): Alarm {
    const { lastInsertRowid } = this.insertAlarmStmt.run(alarmToRow(alarm));
    return { ...alarm, id: Number(lastInsertRowid) };
  }

  updateAlarm(alarm: Alarm): void {
    const { changes } = this.updateAlarmStmt.run({ ...alarmToRow(alarm), id: alarm.id });
    if (changes === 0) throw new Error(`cannot update alarm ${alarm.id}: it does not exist`);
  }

  getAlarm(id: number): Alarm | null {
    const row = this.getAlarmStmt.get(id);
    return row ? alarmFromRow(row) : null;
  }

  listAlarms(query: AlarmQuery): Alarm[] {
    return this.all<AlarmRow>(alarmQuerySql(query)).map(alarmFromRow);
  }

  insertTransition(transition: Omit<AlarmTransition, 'id'>): AlarmTransition {
    const { lastInsertRowid } = this.insertTransitionStmt.run(transitionToRow(transition));
    return { ...transition, id: Number(lastInsertRowid) };
  }

  alarmTransitions(alarmId: number): AlarmTransition[] {
    return this.transitionsStmt.all(alarmId).map(transitionFromRow);
  }

  findOpenAlarm(query: { nodeId: string; codePrefix?: string | undefined; category?: string | undefined; excludeId: number }): Alarm | null {
    const prefix = query.codePrefix ?? '';
    const row = this.findOpenStmt.get({ node_id: query.nodeId, prefix, prefix_end: `${prefix}\u{10FFFF}`, category: query.category ?? null, exclude: query.excludeId });
    return row ? alarmFromRow(row) : null;
  }

  countTransitionsSince(alarmId: number, kind: TransitionKind, since: number): number {
    return this.countTransitionsStmt.get(alarmId, kind, since)?.count ?? 0;
  }

  insertNotification(notification: Omit<Notification, 'id'>): Notification {
    return this.outbox.insert(notification);
  }

  listNotifications(query: NotificationQuery): Notification[] {
    return this.outbox.list(query);
  }

  listPendingNotifications: Store['listPendingNotifications'] = (limit) => this.deliveries.listPendingNotifications(limit);
  profilesTold: Store['profilesTold'] = (notifier, alarmId) => this.deliveries.profilesTold(notifier, alarmId);
  recordFanOut: Store['recordFanOut'] = (id, deliveries, at) => this.deliveries.recordFanOut(id, deliveries, at);
  listDeliveries: Store['listDeliveries'] = (query) => this.deliveries.listDeliveries(query);
  setDeliveryStatus: Store['setDeliveryStatus'] = (ids, status, reason, at) => this.deliveries.setDeliveryStatus(ids, status, reason, at);
  insertMessage: Store['insertMessage'] = (message, deliveryIds) => this.deliveries.insertMessage(message, deliveryIds);
  listDueMessages: Store['listDueMessages'] = (notifier, now, limit) => this.deliveries.listDueMessages(notifier, now, limit);
  listMessages: Store['listMessages'] = (query) => this.deliveries.listMessages(query);
  recordAttempt: Store['recordAttempt'] = (id, outcome) => this.deliveries.recordAttempt(id, outcome);
  listFiringDeliveries: Store['listFiringDeliveries'] = (notifier, limit) => this.deliveries.listFiringDeliveries(notifier, limit);
  pruneMessages: Store['pruneMessages'] = (before) => this.deliveries.pruneMessages(before);

  insertSilence(silence: Omit<Silence, 'id'>): Silence {
    return this.silences.insert(silence);
  }

  listSilences(query: { endedAfter?: number } = {}): Silence[] {
    return this.silences.list(query.endedAfter);
  }

  cancelSilence(id: number, by: string, at: number): Silence | null {
    return this.silences.cancel(id, by, at);
  }

  recordUnmatched(cluster: Parameters<Store['recordUnmatched']>[0]): void {
    this.unmatched.record(cluster);
  }

  listUnmatched(limit: number): UnmatchedCluster[] {
    return this.unmatched.list(limit);
  }

  countAlarmsByState(): Record<AlarmState, number> {
    const counts = Object.fromEntries(ALARM_STATES.map((state) => [state, 0])) as Record<AlarmState, number>;
    for (const { state, count } of this.countByStateStmt.all()) counts[state] = count;
    return counts;
  }

  applyRetention(policy: RetentionPolicy, now: number): { events: number; alarms: number } {
    const removed = this.retention(policy, now);
    // The process runs for months and close() is rare: refresh planner statistics here (hourly), cheap when fresh.
    this.db.pragma('optimize');
    return removed;
  }

  listSsaEntries(nodeId: string, list: string): ReturnType<Store['listSsaEntries']> {
    return this.ssaEntries.list(nodeId, list);
  }

  saveSsaEntries(...[nodeId, list, changes, at]: Parameters<Store['saveSsaEntries']>): void {
    this.transaction(() => this.ssaEntries.save(nodeId, list, changes, at));
  }

  insertQosCall: Store['insertQosCall'] = (call) => this.qos.insertQosCall(call);
  updateQosCall: Store['updateQosCall'] = (id, update) => this.qos.updateQosCall(id, update);
  attachQosTrap: Store['attachQosTrap'] = (id, trap, fill) => this.qos.attachQosTrap(id, trap, fill);
  insertQosSamples: Store['insertQosSamples'] = (samples) => this.qos.insertQosSamples(samples);
  getQosCall: Store['getQosCall'] = (id) => this.qos.getQosCall(id);
  listQosCalls: Store['listQosCalls'] = (query) => this.qos.listQosCalls(query);
  listQosSamples: Store['listQosSamples'] = (callId, limit) => this.qos.listQosSamples(callId, limit);
  findQosCallForTrap: Store['findQosCallForTrap'] = (match) => this.qos.findQosCallForTrap(match);
  summariseQos: Store['summariseQos'] = (query) => this.qos.summariseQos(query);
  qosWindow: Store['qosWindow'] = (since, until) => this.qos.qosWindow(since, until);
  applyQosRetention: Store['applyQosRetention'] = (before) => this.qos.applyQosRetention(before);

  listLicenceStates: Store['listLicenceStates'] = () => this.licence.listLicenceStates();
  saveLicenceState: Store['saveLicenceState'] = (state) => this.licence.saveLicenceState(state);
  insertLicenceTransition: Store['insertLicenceTransition'] = (transition) => this.licence.insertLicenceTransition(transition);
  listLicenceTransitions: Store['listLicenceTransitions'] = (query) => this.licence.listLicenceTransitions(query);

  insertAudit: Store['insertAudit'] = (entry) => this.audit.insertAudit(entry);
  listAudit: Store['listAudit'] = (query) => this.audit.listAudit(query);
  deleteAuditBefore: Store['deleteAuditBefore'] = (before) => this.audit.deleteAuditBefore(before);

  listResiliencyIncidents: Store['listResiliencyIncidents'] = (query) => this.resiliency.listResiliencyIncidents(query);
  saveResiliencyIncident: Store['saveResiliencyIncident'] = (incident) => this.resiliency.saveResiliencyIncident(incident);
  deleteClosedResiliencyIncidents: Store['deleteClosedResiliencyIncidents'] = (closedBefore) => this.resiliency.deleteClosedResiliencyIncidents(closedBefore);
  listSessions: Store['listSessions'] = () => this.sessions.listSessions();
  saveSession: Store['saveSession'] = (session) => this.sessions.saveSession(session);
  deleteSession: Store['deleteSession'] = (key) => this.sessions.deleteSession(key);

  close(): void {
    if (!this.db.open) return;
    // Lets SQLite refresh its planner statistics if they are stale; cheap when they are not.
    this.db.pragma('optimize');
    this.db.close();
  }

  private all<R>({ sql, params }: QuerySql): R[] {
    return this.prepared(sql).all(...params) as R[];
  }
}
