import type BetterSqlite3 from 'better-sqlite3';
import type { Silence, SilenceKind, SilenceMatchers } from '../correlation/silence.js';

interface SilenceRow {
  id: number;
  kind: string;
  matchers: string;
  starts_at: number;
  ends_at: number;
  created_by: string;
  created_at: number;
  comment: string;
  cancelled_at: number | null;
  cancelled_by: string | null;
}

/** Silences and maintenance windows. Few rows: the engine keeps them in memory and reloads after a change. */
export class SqliteSilences {
  private readonly insertStmt;
  private readonly listStmt;
  private readonly getStmt;
  private readonly cancelStmt;

  constructor(db: BetterSqlite3.Database) {
    this.insertStmt = db.prepare<Omit<SilenceRow, 'id'>>(
      `INSERT INTO silences (kind, matchers, starts_at, ends_at, created_by, created_at, comment, cancelled_at, cancelled_by)
       VALUES (@kind, @matchers, @starts_at, @ends_at, @created_by, @created_at, @comment, @cancelled_at, @cancelled_by)`,
    );
    this.listStmt = db.prepare<[number], SilenceRow>('SELECT * FROM silences WHERE cancelled_at IS NULL AND ends_at >= ? ORDER BY id DESC');
    this.getStmt = db.prepare<[number], SilenceRow>('SELECT * FROM silences WHERE id = ?');
    this.cancelStmt = db.prepare<[number, string, number]>('UPDATE silences SET cancelled_at = ?, cancelled_by = ? WHERE id = ? AND cancelled_at IS NULL');
  }

  insert(silence: Omit<Silence, 'id'>): Silence {
    const { lastInsertRowid } = this.insertStmt.run({
      kind: silence.kind,
      matchers: JSON.stringify(silence.matchers),
      starts_at: silence.startsAt,
      ends_at: silence.endsAt,
      created_by: silence.createdBy,
      created_at: silence.createdAt,
      comment: silence.comment,
      cancelled_at: silence.cancelledAt,
      cancelled_by: silence.cancelledBy,
    });
    return { ...silence, id: Number(lastInsertRowid) };
  }

  list(endedAfter = Number.MIN_SAFE_INTEGER): Silence[] {
    return this.listStmt.all(endedAfter).map(fromRow);
  }

  cancel(id: number, by: string, at: number): Silence | null {
    const { changes } = this.cancelStmt.run(at, by, id);
    if (changes === 0) return null;
    const row = this.getStmt.get(id);
    return row ? fromRow(row) : null;
  }
}

function fromRow(row: SilenceRow): Silence {
  return {
    id: row.id,
    kind: row.kind as SilenceKind,
    matchers: JSON.parse(row.matchers) as SilenceMatchers,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    comment: row.comment,
    cancelledAt: row.cancelled_at,
    cancelledBy: row.cancelled_by,
  };
}
