import type BetterSqlite3 from 'better-sqlite3';
import type { LicenceSource } from '../fleet/node-schema.js';
import type { LicenceRepository, LicenceTransitionQuery } from '../licence/licence-repository.js';
import type { LicenceState, LicenceTransition } from '../licence/state.js';

interface StateRow {
  node_id: string;
  track: string;
  mode: string;
  since: number;
  licence_source: string;
  configured_source: string;
  grace_started_at: number | null;
  grace_expires_at: number | null;
  reminder_key: number | null;
  daily_alarms: number;
  episode: string | null;
  shortages: string;
  suspect: string | null;
  last_evidence: string | null;
  updated_at: number;
}

interface TransitionRow {
  id: number;
  node_id: string;
  track: string;
  at: number;
  from_mode: string | null;
  to_mode: string;
  cause: string;
  event_ids: string;
  user: string | null;
  note: string | null;
}

/** The licence tables (licence_states, licence_transitions): the SQLite half of LicenceRepository. */
export class SqliteLicence implements LicenceRepository {
  private readonly upsertStmt;
  private readonly listStmt;
  private readonly insertTransitionStmt;
  private readonly transitionsStmt;
  private readonly trackTransitionsStmt;

  constructor(db: BetterSqlite3.Database) {
    this.upsertStmt = db.prepare<StateRow>(
      `INSERT OR REPLACE INTO licence_states (node_id, track, mode, since, licence_source, configured_source, grace_started_at,
         grace_expires_at, reminder_key, daily_alarms, episode, shortages, suspect, last_evidence, updated_at)
       VALUES (@node_id, @track, @mode, @since, @licence_source, @configured_source, @grace_started_at,
         @grace_expires_at, @reminder_key, @daily_alarms, @episode, @shortages, @suspect, @last_evidence, @updated_at)`,
    );
    this.listStmt = db.prepare<[], StateRow>('SELECT * FROM licence_states');
    this.insertTransitionStmt = db.prepare<Omit<TransitionRow, 'id'>>(
      `INSERT INTO licence_transitions (node_id, track, at, from_mode, to_mode, cause, event_ids, user, note)
       VALUES (@node_id, @track, @at, @from_mode, @to_mode, @cause, @event_ids, @user, @note)`,
    );
    this.transitionsStmt = db.prepare<[string, number], TransitionRow>('SELECT * FROM licence_transitions WHERE node_id = ? ORDER BY id DESC LIMIT ?');
    this.trackTransitionsStmt = db.prepare<[string, string, number], TransitionRow>(
      'SELECT * FROM licence_transitions WHERE node_id = ? AND track = ? ORDER BY id DESC LIMIT ?',
    );
  }

  listLicenceStates(): LicenceState[] {
    return this.listStmt.all().map(stateFromRow);
  }

  saveLicenceState(state: LicenceState): void {
    this.upsertStmt.run(stateToRow(state));
  }

  insertLicenceTransition(transition: Omit<LicenceTransition, 'id'>): LicenceTransition {
    const { lastInsertRowid } = this.insertTransitionStmt.run({
      node_id: transition.nodeId,
      track: transition.track,
      at: transition.at,
      from_mode: transition.fromMode,
      to_mode: transition.toMode,
      cause: transition.cause,
      event_ids: JSON.stringify(transition.eventIds),
      user: transition.user,
      note: transition.note,
    });
    return { ...transition, eventIds: [...transition.eventIds], id: Number(lastInsertRowid) };
  }

  listLicenceTransitions(query: LicenceTransitionQuery): LicenceTransition[] {
    const rows = query.track === undefined ? this.transitionsStmt.all(query.nodeId, query.limit) : this.trackTransitionsStmt.all(query.nodeId, query.track, query.limit);
    return rows.map(transitionFromRow);
  }
}

export function stateToRow(state: LicenceState): StateRow {
  return {
    node_id: state.nodeId,
    track: state.track,
    mode: state.mode,
    since: state.since,
    licence_source: state.licenceSource,
    configured_source: state.configuredSource,
    grace_started_at: state.graceStartedAt,
    grace_expires_at: state.graceExpiresAt,
    reminder_key: state.reminderKey,
    daily_alarms: state.dailyAlarms,
    episode: state.episode,
    shortages: JSON.stringify(state.shortages),
    suspect: state.suspect,
    last_evidence: state.lastEvidence === null ? null : JSON.stringify(state.lastEvidence),
    updated_at: state.updatedAt,
  };
}

export function stateFromRow(row: StateRow): LicenceState {
  return {
    nodeId: row.node_id,
    track: row.track,
    mode: row.mode,
    since: row.since,
    licenceSource: row.licence_source as LicenceSource,
    configuredSource: row.configured_source as LicenceSource,
    graceStartedAt: row.grace_started_at,
    graceExpiresAt: row.grace_expires_at,
    reminderKey: row.reminder_key,
    dailyAlarms: row.daily_alarms,
    episode: row.episode,
    shortages: JSON.parse(row.shortages) as LicenceState['shortages'],
    suspect: row.suspect,
    lastEvidence: row.last_evidence === null ? null : (JSON.parse(row.last_evidence) as LicenceState['lastEvidence']),
    updatedAt: row.updated_at,
  };
}

function transitionFromRow(row: TransitionRow): LicenceTransition {
  return {
    id: row.id,
    nodeId: row.node_id,
    track: row.track,
    at: row.at,
    fromMode: row.from_mode,
    toMode: row.to_mode,
    cause: row.cause,
    eventIds: JSON.parse(row.event_ids) as number[],
    user: row.user,
    note: row.note,
  };
}
