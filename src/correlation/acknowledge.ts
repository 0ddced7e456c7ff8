import { CodedError } from '../errors.js';
import type { Store } from '../storage/store.js';
import type { Alarm, AlarmTransition } from './alarm.js';

export interface AcknowledgeRequest {
  alarmId: number;
  user: string;
  note: string | null;
  at: number;
}

/** Marks an active alarm acknowledged by a user, with an optional note, as a stored transition. */
export function acknowledgeAlarm(store: Store, request: AcknowledgeRequest): { alarm: Alarm; transition: AlarmTransition } {
  return store.transaction(() => {
    const alarm = requireAlarm(store, request.alarmId);
    if (alarm.state !== 'active') {
      throw new CodedError('IPO_ERR_CONFLICT', `alarm ${alarm.id} is ${alarm.state}; only an active alarm can be acknowledged`);
    }
    const updated: Alarm = { ...alarm, state: 'acknowledged', acknowledgedBy: request.user, acknowledgedAt: request.at };
    store.updateAlarm(updated);
    const transition = store.insertTransition({
      alarmId: alarm.id,
      at: request.at,
      kind: 'acknowledged',
      fromState: 'active',
      toState: 'acknowledged',
      severity: alarm.severity,
      eventId: null,
      user: request.user,
      note: request.note,
    });
    return { alarm: updated, transition };
  });
}

/** Returns an acknowledged alarm to active (someone took it back), as a stored transition. */
export function unacknowledgeAlarm(store: Store, request: AcknowledgeRequest): { alarm: Alarm; transition: AlarmTransition } {
  return store.transaction(() => {
    const alarm = requireAlarm(store, request.alarmId);
    if (alarm.state !== 'acknowledged') {
      throw new CodedError('IPO_ERR_CONFLICT', `alarm ${alarm.id} is ${alarm.state}; only an acknowledged alarm can be unacknowledged`);
    }
    const updated: Alarm = { ...alarm, state: 'active', acknowledgedBy: null, acknowledgedAt: null };
    store.updateAlarm(updated);
    const transition = store.insertTransition({
      alarmId: alarm.id,
      at: request.at,
      kind: 'unacknowledged',
      fromState: 'acknowledged',
      toState: 'active',
      severity: alarm.severity,
      eventId: null,
      user: request.user,
      note: request.note,
    });
    return { alarm: updated, transition };
  });
}

function requireAlarm(store: Store, id: number): Alarm {
  const alarm = store.getAlarm(id);
  if (!alarm) throw new CodedError('IPO_ERR_NOT_FOUND', `alarm ${id} does not exist (it may have been removed by retention)`);
  return alarm;
}
