import type { Alarm, TransitionKind } from '../correlation/alarm.js';
import type { Decision } from '../correlation/decision.js';
import { messageTemplate, unmatchedClusterKey } from '../correlation/message-template.js';
import type { StoredEvent } from '../events/fleet-event.js';
import type { Store } from '../storage/store.js';

export interface RecordedDecision {
  event: StoredEvent;
  alarm: Alarm | null;
  /** What changed on the alarm: empty for a mere repeat. */
  transitions: TransitionKind[];
  /** Notifications that became pending (for the notifiers to pick up). */
  pendingNotifications: number;
}

/**
 * Stores what correlation decided: the alarm first (so the event can point to
 * it), then the event, the transitions it caused and their notification
 * decisions, and, when no rule matched, the event's unmatched cluster. Call
 * inside a store transaction.
 */
export function recordDecision(store: Store, decision: Decision): RecordedDecision {
  let alarm: Alarm | null = null;
  if (decision.alarm) {
    if (decision.alarm.id === 0) {
      const { id: _unsaved, ...fields } = decision.alarm;
      alarm = store.insertAlarm(fields);
    } else {
      store.updateAlarm(decision.alarm);
      alarm = decision.alarm;
    }
  }
  const event = store.insertEvent(decision.event, alarm?.id ?? null);
  let pendingNotifications = 0;
  if (alarm) {
    const transitionIds = decision.transitions.map((transition) => store.insertTransition({ ...transition, alarmId: alarm!.id, eventId: event.id }).id);
    for (const notification of decision.notifications) {
      store.insertNotification({
        alarmId: alarm.id,
        transitionId: transitionIds[notification.transitionIndex] ?? null,
        at: event.receivedAt,
        kind: notification.kind,
        severity: alarm.severity,
        category: alarm.category,
        nodeId: alarm.nodeId,
        status: notification.status,
        reason: notification.reason,
        attempts: 0,
        updatedAt: event.receivedAt,
      });
      if (notification.status === 'pending') pendingNotifications += 1;
    }
  }
  if (decision.matches.length === 0) {
    const template = messageTemplate(event.text);
    store.recordUnmatched({
      key: unmatchedClusterKey(event.source, event.code, template),
      source: event.source,
      code: event.code,
      template,
      exampleText: event.text.slice(0, 500),
      exampleEventId: event.id,
      at: event.receivedAt,
    });
  }
  return { event, alarm, transitions: decision.transitions.map((transition) => transition.kind), pendingNotifications };
}
