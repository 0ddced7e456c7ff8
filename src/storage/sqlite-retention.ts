import type BetterSqlite3 from 'better-sqlite3';
import { retentionCutoffs } from './retention-cutoffs.js';
import type { RetentionPolicy } from './store.js';

/** Rows per DELETE: keeps each write transaction (and the WAL it grows) small, so readers and writers interleave. */
export const RETENTION_BATCH = 10_000;

export type ApplyRetention = (policy: RetentionPolicy, now: number) => { events: number; alarms: number };

/**
 * Prepares the batched deletes once. Events go first, so deleting alarms has
 * fewer event links to null out; transitions go with their alarm (ON DELETE CASCADE).
 */
export function prepareRetention(db: BetterSqlite3.Database, batch = RETENTION_BATCH): ApplyRetention {
  const deleteEvents = db.prepare('DELETE FROM events WHERE id IN (SELECT id FROM events WHERE received_at < ? LIMIT ?)');
  const deleteAlarms = db.prepare(
    `DELETE FROM alarms WHERE id IN (SELECT id FROM alarms WHERE state = 'cleared' AND cleared_at < ? LIMIT ?)`,
  );
  return (policy, now) => {
    const cutoffs = retentionCutoffs(policy, now);
    return { events: drainInBatches(deleteEvents, cutoffs.events, batch), alarms: drainInBatches(deleteAlarms, cutoffs.clearedAlarms, batch) };
  };
}

/** Runs a `DELETE … WHERE id IN (SELECT … < ? LIMIT ?)` statement until a batch comes back short; returns the rows removed. */
export function drainInBatches(statement: BetterSqlite3.Statement, cutoff: number, batch: number): number {
  let total = 0;
  for (;;) {
    const { changes } = statement.run(cutoff, batch);
    total += changes;
    if (changes < batch) return total;
  }
}
