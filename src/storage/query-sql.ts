/**
 * A SELECT built from a query object. Only column names and operators vary;
 * every value is a bound parameter. The SQL text depends only on which
 * filters are present, so the few shapes in use cache well as statements.
 */
export interface QuerySql {
  sql: string;
  params: unknown[];
}

/** Collects `clause = ?` conditions and their values in step. */
export class WhereBuilder {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(clause: string, ...values: unknown[]): void {
    this.clauses.push(clause);
    this.params.push(...values);
  }

  /** A list of ids binds as one JSON array, so a list of any length (or none) keeps one SQL shape. */
  addInList(column: string, values: readonly (string | number)[]): void {
    this.add(`${column} IN (SELECT value FROM json_each(?))`, JSON.stringify(values));
  }

  sql(extra: string[] = []): string {
    const all = [...extra, ...this.clauses];
    return all.length === 0 ? '' : ` WHERE ${all.join(' AND ')}`;
  }
}
