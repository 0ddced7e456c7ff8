import type { Alarm, AlarmState } from '../correlation/alarm.js';
import { severityRank } from '../events/severity.js';

/** Open alarms first: what needs attention, then what someone has taken, then history. */
export const ALARM_STATE_ORDER: Record<AlarmState, number> = { active: 0, acknowledged: 1, cleared: 2 };

/**
 * ALARM_STATE_ORDER in SQL. The index alarms_default_order (migrations.ts) is on this very expression, so a
 * query that filters and orders by it reads its first page from the index instead of sorting every alarm.
 */
export const ALARM_STATE_RANK_SQL = `CASE state ${Object.entries(ALARM_STATE_ORDER)
  .map(([state, rank]) => `WHEN '${state}' THEN ${rank}`)
  .join(' ')} ELSE 9 END`;

/** The SQL twin of compareAlarms, so both stores list alarms in the same order (and the order of alarms_default_order). */
export const ALARM_ORDER_BY_SQL = `${ALARM_STATE_RANK_SQL}, severity_rank DESC, last_seen DESC, id DESC`;

/** State (open first), then worst severity, then most recently seen; id breaks ties so order is stable. */
export function compareAlarms(a: Alarm, b: Alarm): number {
  return (
    ALARM_STATE_ORDER[a.state] - ALARM_STATE_ORDER[b.state] ||
    severityRank(b.severity) - severityRank(a.severity) ||
    b.lastSeen - a.lastSeen ||
    b.id - a.id
  );
}
