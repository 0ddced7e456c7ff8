import type BetterSqlite3 from 'better-sqlite3';

/**
 * Prepares each distinct SQL text once. Filtered lists build their SQL per query, but from
 * a few optional clauses, so there are few shapes and every later call reuses the statement.
 */
export function statementCache(db: BetterSqlite3.Database): (sql: string) => BetterSqlite3.Statement {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}
