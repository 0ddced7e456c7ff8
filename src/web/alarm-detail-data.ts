import type { ApiDeps } from '../api/deps.js';
import { serialiseAlarm, serialiseEvent, serialiseNotification, serialiseTransition } from '../api/serialise.js';
import { serialiseDelivery } from '../api/serialise-deliveries.js';
import { alarmLinks } from '../correlation/alarm-links.js';

const RECENT_EVENTS = 50;
const NOTIFICATIONS_SHOWN = 50;
const MAX_DELIVERIES = 1000;

/** Everything the alarm page shows, read from the store in the API's shapes (and its deep links); null when the alarm does not exist. */
export function alarmDetailData(deps: Pick<ApiDeps, 'store' | 'fleet'>, id: number) {
  const alarm = deps.store.getAlarm(id);
  if (!alarm) return null;
  const notifications = deps.store.listNotifications({ alarmId: id, limit: NOTIFICATIONS_SHOWN });
  const deliveries = notifications.length > 0 ? deps.store.listDeliveries({ notificationIds: notifications.map((n) => n.id), limit: MAX_DELIVERIES }) : [];
  const messageIds = [...new Set(deliveries.map((d) => d.messageId).filter((m): m is number => m !== null))];
  const messages = new Map(messageIds.length > 0 ? deps.store.listMessages({ ids: messageIds, limit: messageIds.length }).map((m) => [m.id, m]) : []);
  return {
    alarm: serialiseAlarm(alarm, deps.fleet),
    transitions: deps.store.alarmTransitions(id).map(serialiseTransition),
    recentEvents: deps.store.listEvents({ alarmId: id, limit: RECENT_EVENTS }).map((event) => serialiseEvent(event, deps.fleet)),
    /** The call record, the resiliency incident, the incidents it is a symptom of: deep links to their pages. */
    links: alarmLinks(deps.store, alarm),
    notifications: notifications.map((row) => ({
      ...serialiseNotification(row),
      deliveries: deliveries.filter((d) => d.notificationId === row.id).map((d) => serialiseDelivery(d, messages)),
    })),
  };
}

export type AlarmDetail = NonNullable<ReturnType<typeof alarmDetailData>>;
