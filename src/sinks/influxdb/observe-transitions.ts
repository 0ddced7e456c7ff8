import type { Alarm, AlarmTransition } from '../../correlation/alarm.js';
import type { Store } from '../../storage/store.js';

export type CommittedTransitions = Array<{ alarm: Alarm; transition: AlarmTransition }>;

/**
 * The same store, except that transitions inserted through it are reported once their transaction commits (with
 * the alarm as it stands then), and dropped if it rolls back. For the transitions made outside the pipeline:
 * acknowledge and unacknowledge (API) and stale-alarm expiry, which the pipeline's listeners never see.
 */
export function observeTransitions(store: Store, onCommitted: (items: CommittedTransitions) => void): Store {
  let depth = 0;
  let pending: AlarmTransition[] = [];
  const flush = () => {
    const committed = pending;
    pending = [];
    const items: CommittedTransitions = [];
    for (const transition of committed) {
      const alarm = store.getAlarm(transition.alarmId);
      if (alarm) items.push({ alarm, transition });
    }
    if (items.length > 0) onCommitted(items);
  };
  const overrides: Partial<Store> = {
    insertTransition(transition) {
      const saved = store.insertTransition(transition);
      pending.push(saved);
      if (depth === 0) flush();
      return saved;
    },
    transaction<T>(fn: () => T): T {
      depth += 1;
      let result: T;
      try {
        result = store.transaction(fn);
      } catch (error) {
        depth -= 1;
        if (depth === 0) pending = [];
        throw error;
      }
      depth -= 1;
      if (depth === 0) flush();
      return result;
    },
  };
  return new Proxy(store, {
    get(target, property) {
      if (property in overrides) return overrides[property as keyof Store];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
