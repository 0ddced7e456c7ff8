import { severityRank } from '../events/severity.js';
import { ALARM_ORDER_BY_SQL } from './alarm-order.js';
import { WhereBuilder, type QuerySql } from './query-sql.js';
import type { AlarmQuery } from './store.js';

/** Open first, then worst, then latest (see alarm-order.ts). The table is small: no index tricks needed. */
export function alarmQuerySql(query: AlarmQuery): QuerySql {
  const where = new WhereBuilder();
  if (query.state !== undefined) where.add('state = ?', query.state);
  else if (query.open === true) where.add(`state IN ('active', 'acknowledged')`);
  if (query.nodeId !== undefined) where.add('node_id = ?', query.nodeId);
  if (query.nodeIds !== undefined) where.addInList('node_id', query.nodeIds);
  if (query.category !== undefined) where.add('category = ?', query.category);
  if (query.minSeverity !== undefined) where.add('severity_rank >= ?', severityRank(query.minSeverity));
  if (query.lastSeenBefore !== undefined) where.add('last_seen < ?', query.lastSeenBefore);
  return { sql: `SELECT * FROM alarms${where.sql()} ORDER BY ${ALARM_ORDER_BY_SQL} LIMIT ?`, params: [...where.params, query.limit] };
}
