import type BetterSqlite3 from 'better-sqlite3';
import type { SsaEntryState } from '../../collectors/ssa/entry-state.js';
import type { SsaEntryChanges } from './store.js';

interface EntryRow {
  alarm_key: string;
  text: string;
  occurrences: number;
  state: string;
  last_date_of_error: number | null;
  last_date_text: string;
}

/** The last SSA snapshot of each node's alarm list, entry by entry (collectors/ssa/diff.ts compares against it). */
export class SqliteSsaEntries {
  private readonly listStmt;
  private readonly upsertStmt;
  private readonly deleteStmt;

  constructor(db: BetterSqlite3.Database) {
    this.listStmt = db.prepare<[string, string], EntryRow>(
      'SELECT alarm_key, text, occurrences, state, last_date_of_error, last_date_text FROM ssa_entries WHERE node_id = ? AND list = ?',
    );
    this.upsertStmt = db.prepare<EntryRow & { node_id: string; list: string; updated_at: number }>(
      `INSERT INTO ssa_entries (node_id, list, alarm_key, text, occurrences, state, last_date_of_error, last_date_text, updated_at)
       VALUES (@node_id, @list, @alarm_key, @text, @occurrences, @state, @last_date_of_error, @last_date_text, @updated_at)
       ON CONFLICT (node_id, list, alarm_key) DO UPDATE SET text = excluded.text, occurrences = excluded.occurrences, state = excluded.state,
         last_date_of_error = excluded.last_date_of_error, last_date_text = excluded.last_date_text, updated_at = excluded.updated_at`,
    );
    this.deleteStmt = db.prepare<[string, string, string]>('DELETE FROM ssa_entries WHERE node_id = ? AND list = ? AND alarm_key = ?');
  }

  list(nodeId: string, list: string): SsaEntryState[] {
    return this.listStmt.all(nodeId, list).map((row) => ({
      key: row.alarm_key,
      text: row.text,
      occurrences: row.occurrences,
      state: row.state as SsaEntryState['state'],
      lastDateOfError: row.last_date_of_error,
      lastDateText: row.last_date_text,
    }));
  }

  /** Call inside a transaction (SqliteStore.saveSsaEntries does). */
  save(nodeId: string, list: string, changes: SsaEntryChanges, at: number): void {
    for (const entry of changes.upsert) {
      this.upsertStmt.run({
        node_id: nodeId,
        list,
        alarm_key: entry.key,
        text: entry.text,
        occurrences: entry.occurrences,
        state: entry.state,
        last_date_of_error: entry.lastDateOfError,
        last_date_text: entry.lastDateText,
        updated_at: at,
      });
    }
    for (const key of changes.remove) this.deleteStmt.run(nodeId, list, key);
  }
}
