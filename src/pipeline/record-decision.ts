import type { Alarm, TransitionKind } from '../correlation/alarm.js';
import type { Decision } from '../correlation/decision.js';
import type { StoredEvent } from '../events/fleet-event.js';
import type { Store } from '../storage/store.js';

export interface RecordedDecision {
  event: StoredEvent;
  alarm: Alarm | null;
  /** What changed on the alarm: empty for a mere repeat. */
  transitions: TransitionKind[];
}

/**
 * Stores what correlation decided: the alarm first (so the event can point to
 * it), then the event, then the transitions that event caused. Call inside a
 * store transaction.
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
  if (alarm) {
    for (const transition of decision.transitions) store.insertTransition({ ...transition, alarmId: alarm.id, eventId: event.id });
  }
  return { event, alarm, transitions: decision.transitions.map((transition) => transition.kind) };
}
