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
