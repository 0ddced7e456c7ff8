import type { Database } from 'better-sqlite3';

/**
 * Schema changes in order; migration i brings the database to version i + 1
 * (kept in PRAGMA user_version). Never edit a shipped migration: append one.
 *
 * AUTOINCREMENT so ids are never reused after retention empties a table:
 * API paging cursors (`beforeId`) and transitions' event_id stay unambiguous.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE alarms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reduction_key TEXT NOT NULL,
    source TEXT NOT NULL,
    code TEXT NOT NULL,
    node_id TEXT,
    source_address TEXT NOT NULL,
    entity_kind TEXT,
    entity_id TEXT,
    entity_name TEXT,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    severity_rank INTEGER NOT NULL,
    highest_severity TEXT NOT NULL,
    state TEXT NOT NULL,
    text TEXT NOT NULL,
    occurrences INTEGER NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    cleared_at INTEGER
  ) STRICT;
  CREATE INDEX alarms_reduction_key ON alarms (reduction_key, id);
  CREATE INDEX alarms_state_cleared_at ON alarms (state, cleared_at);
  CREATE INDEX alarms_node_id ON alarms (node_id);

  CREATE TABLE alarm_transitions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alarm_id INTEGER NOT NULL REFERENCES alarms (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    severity TEXT NOT NULL,
    event_id INTEGER,
    user TEXT,
    note TEXT
  ) STRICT;
  CREATE INDEX alarm_transitions_alarm_id ON alarm_transitions (alarm_id, id);

  CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at INTEGER NOT NULL,
    occurred_at INTEGER,
    source TEXT NOT NULL,
    collector TEXT NOT NULL,
    source_address TEXT NOT NULL,
    hostname TEXT,
    node_id TEXT,
    entity_kind TEXT,
    entity_id TEXT,
    entity_name TEXT,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    severity_rank INTEGER NOT NULL,
    code TEXT NOT NULL,
    alarm_key TEXT,
    raises_alarm INTEGER NOT NULL,
    text TEXT NOT NULL,
    attributes TEXT NOT NULL,
    raw_encoding TEXT NOT NULL,
    raw_data TEXT NOT NULL,
    -- An event outlives its alarm when clearedAlarmsDays < eventsDays: keep the event, forget the link.
    alarm_id INTEGER REFERENCES alarms (id) ON DELETE SET NULL
  ) STRICT;
  CREATE INDEX events_received_at ON events (received_at);
  CREATE INDEX events_node_id ON events (node_id, id);
  CREATE INDEX events_alarm_id ON events (alarm_id);
  CREATE INDEX events_severity_rank ON events (severity_rank, id);
  `,
  // 2: alarm acknowledgement and annotations; the notification outbox; silences; unmatched-event clusters.
  `
  ALTER TABLE alarms ADD COLUMN acknowledged_by TEXT;
  ALTER TABLE alarms ADD COLUMN acknowledged_at INTEGER;
  ALTER TABLE alarms ADD COLUMN annotations TEXT NOT NULL DEFAULT '[]';
  CREATE INDEX alarms_last_seen ON alarms (state, last_seen);
  CREATE INDEX alarm_transitions_kind ON alarm_transitions (alarm_id, kind, at);

  CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alarm_id INTEGER NOT NULL REFERENCES alarms (id) ON DELETE CASCADE,
    transition_id INTEGER,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    severity TEXT NOT NULL,
    category TEXT NOT NULL,
    node_id TEXT,
    status TEXT NOT NULL,
    reason TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX notifications_status ON notifications (status, id);
  CREATE INDEX notifications_alarm ON notifications (alarm_id, id);

  CREATE TABLE silences (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    matchers TEXT NOT NULL,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    comment TEXT NOT NULL,
    cancelled_at INTEGER,
    cancelled_by TEXT
  ) STRICT;
  CREATE INDEX silences_ends_at ON silences (ends_at);

  CREATE TABLE unmatched_clusters (
    cluster_key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    code TEXT NOT NULL,
    template TEXT NOT NULL,
    example_text TEXT NOT NULL,
    example_event_id INTEGER,
    count INTEGER NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX unmatched_clusters_last_seen ON unmatched_clusters (last_seen);
  `,
  // Notifier deliveries (one per outbox row and profile, UNIQUE key) and the messages that carry them (notifiers/delivery.ts).
  `
  CREATE TABLE notification_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    notifier TEXT NOT NULL,
    profile TEXT NOT NULL,
    group_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    recipients TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    rejected TEXT NOT NULL DEFAULT '[]',
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX notification_messages_due ON notification_messages (notifier, status, next_attempt_at);
  CREATE INDEX notification_messages_profile ON notification_messages (notifier, profile, created_at);
  CREATE INDEX notification_messages_group ON notification_messages (notifier, profile, group_key, id);

  CREATE TABLE notification_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    notification_id INTEGER NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    alarm_id INTEGER NOT NULL,
    notifier TEXT NOT NULL,
    profile TEXT NOT NULL,
    group_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    severity TEXT NOT NULL,
    category TEXT NOT NULL,
    at INTEGER NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NOT NULL,
    message_id INTEGER REFERENCES notification_messages (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX notification_deliveries_notification ON notification_deliveries (notification_id);
  CREATE INDEX notification_deliveries_alarm ON notification_deliveries (alarm_id, notifier, profile);
  CREATE INDEX notification_deliveries_status ON notification_deliveries (notifier, status, id);
  CREATE INDEX notification_deliveries_message ON notification_deliveries (message_id);
  `,
  // SSA alarm lists: the last snapshot of each node's list, entry by entry (collectors/ssa/diff.ts).
  `
  CREATE TABLE ssa_entries (
    node_id TEXT NOT NULL,
    list TEXT NOT NULL,
    alarm_key TEXT NOT NULL,
    text TEXT NOT NULL,
    occurrences INTEGER NOT NULL,
    state TEXT NOT NULL,
    last_date_of_error INTEGER,
    last_date_text TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (node_id, list, alarm_key)
  ) STRICT, WITHOUT ROWID;
  `,
  // QoS call records (one per call segment, RTCP streams and IP Office QoS notifications) and their reports over time.
  `
  CREATE TABLE qos_calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_key TEXT NOT NULL,
    source_address TEXT NOT NULL,
    ssrc INTEGER,
    remote_ssrc INTEGER,
    node_id TEXT,
    site_id TEXT,
    customer_id TEXT,
    extension TEXT,
    user_name TEXT,
    phone_type TEXT,
    remote_party TEXT,
    trunk TEXT,
    codec TEXT,
    clock_rate INTEGER,
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    last_report_at INTEGER NOT NULL,
    end_reason TEXT,
    attribution TEXT NOT NULL,
    reports INTEGER NOT NULL,
    jitter_max_ms REAL,
    jitter_mean_ms REAL,
    loss_percent REAL,
    loss_max_percent REAL,
    packets_lost INTEGER,
    rtt_max_ms REAL,
    rtt_mean_ms REAL,
    rtt_source TEXT,
    mos REAL,
    mos_min REAL,
    r_factor REAL,
    mos_source TEXT,
    mos_estimated INTEGER NOT NULL,
    thresholds TEXT NOT NULL,
    poor INTEGER NOT NULL,
    trap_event_id INTEGER,
    trap_call_id INTEGER,
    trap_jitter_ms REAL,
    trap_round_trip_ms REAL,
    trap_packet_loss REAL,
    trap_at INTEGER,
    details TEXT NOT NULL
  ) STRICT;
  CREATE INDEX qos_calls_started_at ON qos_calls (started_at);
  CREATE INDEX qos_calls_extension ON qos_calls (extension, started_at);
  CREATE INDEX qos_calls_node ON qos_calls (node_id, started_at);
  CREATE INDEX qos_calls_last_report ON qos_calls (last_report_at);
  CREATE INDEX qos_calls_trap_call ON qos_calls (node_id, trap_call_id) WHERE trap_call_id IS NOT NULL;

  CREATE TABLE qos_samples (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    call_id INTEGER NOT NULL REFERENCES qos_calls (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    jitter_ms REAL,
    loss_percent REAL,
    cumulative_lost INTEGER,
    rtt_ms REAL,
    mos REAL,
    r_factor REAL,
    details TEXT NOT NULL
  ) STRICT;
  CREATE INDEX qos_samples_call ON qos_samples (call_id, at);
  `,
  // Licence engine: each node's licence state per track and its changes of mode with their evidence (src/licence/).
  `
  CREATE TABLE licence_states (
    node_id TEXT NOT NULL,
    track TEXT NOT NULL,
    mode TEXT NOT NULL,
    since INTEGER NOT NULL,
    licence_source TEXT NOT NULL,
    configured_source TEXT NOT NULL,
    grace_started_at INTEGER,
    grace_expires_at INTEGER,
    reminder_key INTEGER,
    daily_alarms INTEGER NOT NULL,
    episode TEXT,
    shortages TEXT NOT NULL,
    suspect TEXT,
    last_evidence TEXT,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (node_id, track)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE licence_transitions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    node_id TEXT NOT NULL,
    track TEXT NOT NULL,
    at INTEGER NOT NULL,
    from_mode TEXT,
    to_mode TEXT NOT NULL,
    cause TEXT NOT NULL,
    event_ids TEXT NOT NULL,
    user TEXT,
    note TEXT
  ) STRICT;
  CREATE INDEX licence_transitions_node ON licence_transitions (node_id, id);
  `,
  // Audit log: who acknowledged, silenced, reloaded rules, signed in or out (src/audit/). Append-only.
  `
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    role TEXT,
    via TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT NOT NULL,
    remote_address TEXT
  ) STRICT;
  CREATE INDEX audit_log_actor ON audit_log (actor, id);
  CREATE INDEX audit_log_action ON audit_log (action, id);
  `,
  // Resiliency engine: incidents with their timelines, so an open one resumes after a restart (src/resiliency/).
  `
  CREATE TABLE resiliency_incidents (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    node_id TEXT NOT NULL,
    site_id TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    closed_at INTEGER,
    body TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX resiliency_incidents_opened ON resiliency_incidents (opened_at);
  `,
  // The alarm list's default order (alarm-order.ts, its state rank written out as it was then), so the first page
  // of open alarms is read from the index instead of sorting every open alarm.
  `
  CREATE INDEX alarms_default_order ON alarms (
    (CASE state WHEN 'active' THEN 0 WHEN 'acknowledged' THEN 1 WHEN 'cleared' THEN 2 ELSE 9 END),
    severity_rank DESC, last_seen DESC, id DESC
  );
  `,
  // Inhibition asks, for every alarm change, whether the node has an open alarm of a code prefix: a seek in the
  // node's open alarms by code, instead of reading each of the node's alarms.
  `
  CREATE INDEX alarms_open_node_code ON alarms (node_id, code) WHERE state IN ('active', 'acknowledged');
  `,
  // Signed-in sessions, so a restart does not sign everyone out (src/api/auth/sessions.ts). The key is the sha256
  // of the cookie value: the table holds nothing a reader could replay.
  `
  CREATE TABLE auth_sessions (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database up to SCHEMA_VERSION, each step in its own transaction. Returns the version it found. */
export function migrate(db: Database): number {
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found > SCHEMA_VERSION) {
    throw new Error(
      `its schema version ${found} is newer than this ipo-observer supports (${SCHEMA_VERSION}); ` +
        'run the ipo-observer release that wrote it, or point storage.dataDir at another folder',
    );
  }
  for (let version = found; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      // PRAGMA takes no bound parameters; the value is our own integer.
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return found;
}
