import type { Alarm } from '../src/correlation/alarm.js';
import type { Notification } from '../src/correlation/notification.js';
import type { EventCategory } from '../src/events/categories.js';
import { severityRank, type ProblemSeverity } from '../src/events/severity.js';
import type { DeliveryStatus } from './delivery.js';
import type { Place } from './place.js';

/** The filters of a profile, whatever the notifier. */
export interface RouteFilter {
  id: string;
  categories: readonly EventCategory[];
  minSeverity: ProblemSeverity;
  customers: readonly string[];
  sites: readonly string[];
  sendResolved: boolean;
}

export interface RouteDecision {
  status: Extract<DeliveryStatus, 'grouped' | 'below-profile-severity' | 'not-in-profile'>;
  reason: string;
}

/**
 * Does this profile take this transition? Pure. Cleared and downgraded
 * alarms go only to profiles that were told the alarm was firing
 * (Alertmanager sends resolved notices only for what it notified); a cleared
 * transition is judged by the highest severity the alarm reached.
 */
export function route(filter: RouteFilter, notification: Notification, alarm: Alarm, place: Place, told: boolean): RouteDecision {
  if (filter.categories.length > 0 && !filter.categories.includes(alarm.category)) {
    return { status: 'not-in-profile', reason: `category ${alarm.category} is not in profile ${filter.id} (${filter.categories.join(', ')})` };
  }
  if (filter.customers.length > 0 && (place.customerId === null || !filter.customers.includes(place.customerId))) {
    return { status: 'not-in-profile', reason: `customer ${place.customerId ?? '(sender outside the fleet)'} is not in profile ${filter.id}` };
  }
  if (filter.sites.length > 0 && (place.siteId === null || !filter.sites.includes(place.siteId))) {
    return { status: 'not-in-profile', reason: `site ${place.siteId ?? '(sender outside the fleet)'} is not in profile ${filter.id}` };
  }
  const min = severityRank(filter.minSeverity);
  if (notification.kind === 'cleared') {
    if (!filter.sendResolved) return { status: 'not-in-profile', reason: `profile ${filter.id} does not take resolved notices (sendResolved: false)` };
    if (!told) return { status: 'not-in-profile', reason: `profile ${filter.id} was never told this alarm was firing, so no resolved notice` };
    return { status: 'grouped', reason: 'resolved notice waiting in its group' };
  }
  if (severityRank(notification.severity) >= min) return { status: 'grouped', reason: `waiting in its group (${notification.kind}, ${notification.severity})` };
  if (notification.kind === 'severity-changed' && told) {
    return { status: 'grouped', reason: `severity fell to ${notification.severity}, below ${filter.minSeverity}; sent because the profile was told the alarm was firing` };
  }
  return { status: 'below-profile-severity', reason: `${notification.severity} is below profile ${filter.id}'s minimum severity ${filter.minSeverity}` };
}

/** Would the profile take this open alarm as it is now? (Maintenance summaries and reminders.) */
export function profileTakes(filter: RouteFilter, alarm: Alarm, place: Place): boolean {
  if (filter.categories.length > 0 && !filter.categories.includes(alarm.category)) return false;
  if (filter.customers.length > 0 && (place.customerId === null || !filter.customers.includes(place.customerId))) return false;
  if (filter.sites.length > 0 && (place.siteId === null || !filter.sites.includes(place.siteId))) return false;
  return severityRank(alarm.severity) >= severityRank(filter.minSeverity);
}
