import type BetterSqlite3 from 'better-sqlite3';
import type { UnmatchedCluster } from './store.js';

interface ClusterRow {
  cluster_key: string;
  source: string;
  code: string;
  template: string;
  example_text: string;
  example_event_id: number | null;
  count: number;
  first_seen: number;
  last_seen: number;
}

/** Counts of events no rule matched, by template: what to write a rule for next. */
export class SqliteUnmatched {
  private readonly upsertStmt;
  private readonly listStmt;

  constructor(db: BetterSqlite3.Database) {
    this.upsertStmt = db.prepare<Omit<ClusterRow, 'count'>>(
      `INSERT INTO unmatched_clusters (cluster_key, source, code, template, example_text, example_event_id, count, first_seen, last_seen)
       VALUES (@cluster_key, @source, @code, @template, @example_text, @example_event_id, 1, @first_seen, @last_seen)
       ON CONFLICT (cluster_key) DO UPDATE SET count = count + 1, last_seen = max(last_seen, excluded.last_seen)`,
    );
    this.listStmt = db.prepare<[number], ClusterRow>('SELECT * FROM unmatched_clusters ORDER BY count DESC, last_seen DESC LIMIT ?');
  }

  record(cluster: { key: string; source: string; code: string; template: string; exampleText: string; exampleEventId: number | null; at: number }): void {
    this.upsertStmt.run({
      cluster_key: cluster.key,
      source: cluster.source,
      code: cluster.code,
      template: cluster.template,
      example_text: cluster.exampleText,
      example_event_id: cluster.exampleEventId,
      first_seen: cluster.at,
      last_seen: cluster.at,
    });
  }

  list(limit: number): UnmatchedCluster[] {
    return this.listStmt.all(limit).map((row) => ({
      key: row.cluster_key,
      source: row.source,
      code: row.code,
      template: row.template,
      exampleText: row.example_text,
      exampleEventId: row.example_event_id,
      count: row.count,
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
    }));
  }
}
