import type { AlarmState } from '../correlation/alarm.js';
import { severityRank } from '../events/severity.js';
import { ALARM_ORDER_BY_SQL, ALARM_STATE_ORDER, ALARM_STATE_RANK_SQL } from './alarm-order.js';
import { WhereBuilder, type QuerySql } from './query-sql.js';
import type { AlarmQuery } from './store.js';

const OPEN_STATES: readonly AlarmState[] = ['active', 'acknowledged'];

/**
 * Open first, then worst, then latest (see alarm-order.ts). A state filter is
 * written on the state rank, the leading term of the order and of the index
 * alarms_default_order, so SQLite walks that index in order and stops at the
 * limit: the first page of 100,000 open alarms costs a page, not a sort of all
 * of them. Stale expiry (lastSeenBefore) keeps `state = ?`, which the index on
 * (state, last_seen) answers better.
 */
export function alarmQuerySql(query: AlarmQuery): QuerySql {
  const where = new WhereBuilder();
  const states = query.state !== undefined ? [query.state] : query.open === true ? OPEN_STATES : null;
  if (states && query.lastSeenBefore !== undefined) where.add(`state IN (${states.map(() => '?').join(', ')})`, ...states);
  else if (states) {
    const ranks = states.map((state) => ALARM_STATE_ORDER[state]);
    where.add(`${ALARM_STATE_RANK_SQL} BETWEEN ? AND ?`, Math.min(...ranks), Math.max(...ranks));
  }
  if (query.nodeId !== undefined) where.add('node_id = ?', query.nodeId);
  if (query.nodeIds !== undefined) where.addInList('node_id', query.nodeIds);
  if (query.category !== undefined) where.add('category = ?', query.category);
  if (query.minSeverity !== undefined) where.add('severity_rank >= ?', severityRank(query.minSeverity));
  if (query.lastSeenBefore !== undefined) where.add('last_seen < ?', query.lastSeenBefore);
  return { sql: `SELECT * FROM alarms${where.sql()} ORDER BY ${ALARM_ORDER_BY_SQL} LIMIT ?`, params: [...where.params, query.limit] };
}
