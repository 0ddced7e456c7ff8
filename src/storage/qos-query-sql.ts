import type { QosCallQuery } from '../qos/qos-call.js';

export interface QosSql {
  sql: string;
  params: Record<string, string | number>;
}

/**
 * Calls are found by their start; a time range asks for calls overlapping it, and
 * this bounds how far before `from` a call may have started and still be found
 * (so the started_at index limits the scan). Longer calls are found by their start.
 */
export const QOS_MAX_SEGMENT_MS = 24 * 60 * 60 * 1000;

/** A node filter as one bound JSON array, so one statement serves any number of nodes. */
const NODE_FILTER = 'node_id IN (SELECT value FROM json_each(@nodes))';

/** Only the filters given become SQL, so each combination is its own cached statement and can use its index. */
export function qosCallQuerySql(query: QosCallQuery): QosSql {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: query.limit };
  if (query.extension !== undefined) {
    where.push('extension = @extension');
    params['extension'] = query.extension;
  }
  if (query.trunk !== undefined) {
    where.push('trunk = @trunk');
    params['trunk'] = query.trunk;
  }
  if (query.nodeIds !== undefined) {
    where.push(NODE_FILTER);
    params['nodes'] = JSON.stringify(query.nodeIds);
  }
  if (query.to !== undefined) {
    where.push('started_at < @to');
    params['to'] = query.to;
  }
  if (query.from !== undefined) {
    where.push('last_report_at >= @from', 'started_at >= @earliest');
    params['from'] = query.from;
    params['earliest'] = query.from - QOS_MAX_SEGMENT_MS;
  }
  if (query.poor !== undefined) {
    where.push('poor = @poor');
    params['poor'] = query.poor ? 1 : 0;
  }
  if (query.before !== undefined) {
    where.push('(started_at < @beforeStart OR (started_at = @beforeStart AND id < @beforeId))');
    params['beforeStart'] = query.before.startedAt;
    params['beforeId'] = query.before.id;
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return { sql: `SELECT * FROM qos_calls ${clause} ORDER BY started_at DESC, id DESC LIMIT @limit`, params };
}

const GROUPS = {
  site: { key: "coalesce(site_id, 'unattributed')", node: 'NULL', filter: '', by: 'customer_id, site_id' },
  trunk: { key: 'trunk', node: 'node_id', filter: 'AND trunk IS NOT NULL', by: 'node_id, trunk' },
  extension: { key: 'extension', node: 'node_id', filter: 'AND extension IS NOT NULL', by: 'node_id, extension' },
} as const;

/** One summary table: calls overlapping [from, to) grouped by site, trunk or extension; most poor calls first. */
export function qosSummarySql(by: keyof typeof GROUPS, query: { nodeIds?: string[]; from: number; to: number; limit: number }): QosSql {
  const group = GROUPS[by];
  const params: Record<string, string | number> = { from: query.from, earliest: query.from - QOS_MAX_SEGMENT_MS, to: query.to, limit: query.limit };
  let nodes = '';
  if (query.nodeIds !== undefined) {
    nodes = `AND ${NODE_FILTER}`;
    params['nodes'] = JSON.stringify(query.nodeIds);
  }
  const sql = `SELECT ${group.node} AS node_id, ${by === 'site' ? 'site_id' : 'max(site_id)'} AS site_id, max(customer_id) AS customer_id,
      ${group.key} AS key, count(*) AS calls, sum(poor) AS poor_calls, avg(mos) AS mos_mean, min(mos_min) AS mos_min,
      max(jitter_max_ms) AS jitter_max_ms, avg(loss_percent) AS loss_mean_percent, max(rtt_max_ms) AS rtt_max_ms
    FROM qos_calls
    WHERE started_at < @to AND started_at >= @earliest AND last_report_at >= @from ${group.filter} ${nodes}
    GROUP BY ${group.by} ORDER BY poor_calls DESC, calls DESC, key LIMIT @limit`;
  return { sql, params };
}
