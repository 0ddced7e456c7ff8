import type { Place } from './place.js';

/** What a profile groups alarms by (Alertmanager's group_by over our fleet labels). */
export const GROUP_BY_LABELS = ['customer', 'site', 'node'] as const;
export type GroupByLabel = (typeof GROUP_BY_LABELS)[number];

/**
 * The group an alarm falls in for a profile, e.g. `customer=acme/site=hq/node=hq-primary`.
 * Senders outside the fleet group by their node id or address under customer/site "-".
 * An empty groupBy puts everything of the profile in one group ("all").
 */
export function groupKey(groupBy: readonly GroupByLabel[], place: Place, sourceAddress: string): string {
  if (groupBy.length === 0) return 'all';
  const value = (label: GroupByLabel) => (label === 'customer' ? place.customerId : label === 'site' ? place.siteId : place.nodeId ?? `unknown-${sourceAddress}`) ?? '-';
  return GROUP_BY_LABELS.filter((label) => groupBy.includes(label))
    .map((label) => `${label}=${value(label)}`)
    .join('/');
}

/** The same, for people: "Acme Dental / HQ / HQ Primary". */
export function groupLabel(groupBy: readonly GroupByLabel[], place: Place): string {
  if (groupBy.length === 0) return 'all alarms';
  const parts: string[] = [];
  if (groupBy.includes('customer')) parts.push(place.customerName ?? 'unknown customer');
  if (groupBy.includes('site')) parts.push(place.siteName ?? 'unknown site');
  if (groupBy.includes('node')) parts.push(place.nodeName);
  return parts.join(' / ');
}
