import { z } from 'zod';
import { ALARM_STATES, type Alarm } from '../correlation/alarm.js';
import { EVENT_CATEGORIES } from '../events/categories.js';
import { PROBLEM_SEVERITIES, severityRank } from '../events/severity.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import { compareAlarms } from '../storage/alarm-order.js';
import type { AlarmQuery } from '../storage/store.js';

export const PAGE_SIZE = 50;
/** The store query reads at most this many alarms; filters by text, sorting and paging work on them. */
export const SCAN_LIMIT = 1000;

export const ALARM_SORTS = ['severity', 'lastSeen', 'firstSeen', 'count'] as const;
export type AlarmSort = (typeof ALARM_SORTS)[number];
export const STATE_FILTERS = ['open', ...ALARM_STATES, 'all'] as const;

/**
 * The alarms page's filters, all in the query string so every view is a deep
 * link. A page must open whatever the link says: a bad value falls back to its
 * default instead of answering 400.
 */
export const alarmListQuerySchema = z.object({
  state: z.enum(STATE_FILTERS).catch('open').default('open'),
  severity: z.enum(PROBLEM_SEVERITIES).optional().catch(undefined),
  category: z.enum(EVENT_CATEGORIES).optional().catch(undefined),
  customer: z.string().trim().max(200).optional().catch(undefined),
  site: z.string().trim().max(200).optional().catch(undefined),
  node: z.string().trim().max(200).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(ALARM_SORTS).catch('severity').default('severity'),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
  wall: z.string().optional().catch(undefined),
});
export type AlarmListQuery = z.infer<typeof alarmListQuerySchema>;

/** The store query for the filters the store understands (state, node, site/customer, category, severity). */
export function storeQueryFor(fleet: FleetIndex, q: AlarmListQuery): AlarmQuery {
  let nodeIds: string[] | undefined;
  if (q.site) nodeIds = fleet.nodeIdsOfSite(q.site);
  if (q.customer) {
    const ofCustomer = fleet.nodeIdsOfCustomer(q.customer);
    nodeIds = nodeIds ? nodeIds.filter((id) => ofCustomer.includes(id)) : ofCustomer;
  }
  return {
    ...(q.state === 'open' ? { open: true } : q.state === 'all' ? {} : { state: q.state }),
    ...(q.node ? { nodeId: q.node } : {}),
    ...(nodeIds ? { nodeIds } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.severity ? { minSeverity: q.severity } : {}),
    limit: SCAN_LIMIT,
  };
}

/** Text search (alarm text, code, node name, sender, entity, who acknowledged), then the chosen order. */
export function filterAndSort(alarms: readonly Alarm[], q: AlarmListQuery, fleet: FleetIndex): Alarm[] {
  const needle = q.q?.toLowerCase();
  const matched = needle ? alarms.filter((alarm) => searchText(alarm, fleet).includes(needle)) : [...alarms];
  return matched.sort(comparatorFor(q.sort));
}

export function pageOf<T>(rows: readonly T[], page: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  return { rows: rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE), page: current, pages };
}

function searchText(alarm: Alarm, fleet: FleetIndex): string {
  const node = alarm.nodeId ? fleet.node(alarm.nodeId)?.node.name ?? alarm.nodeId : '';
  const entity = alarm.entity ? JSON.stringify(alarm.entity) : '';
  return [alarm.text, alarm.code, node, alarm.nodeId ?? '', alarm.sourceAddress, entity, alarm.acknowledgedBy ?? '', ...alarm.annotations.map((a) => `${a.vendorId ?? ''} ${a.title}`)].join(' ').toLowerCase();
}

function comparatorFor(sort: AlarmSort): (a: Alarm, b: Alarm) => number {
  switch (sort) {
    case 'severity':
      return compareAlarms;
    case 'lastSeen':
      return (a, b) => b.lastSeen - a.lastSeen || b.id - a.id;
    case 'firstSeen':
      return (a, b) => b.firstSeen - a.firstSeen || b.id - a.id;
    case 'count':
      return (a, b) => b.occurrences - a.occurrences || severityRank(b.severity) - severityRank(a.severity) || b.id - a.id;
  }
}
