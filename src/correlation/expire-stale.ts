import type { Store } from '../storage/store.js';
import type { CorrelationConfig } from './policy.js';

const HOUR_MS = 3_600_000;
const BATCH = 1000;

/**
 * Clears open alarms nothing has reported for a long time (OpenNMS's GC and
 * fullGC), with an "expired" transition, so a device that never sends a
 * clear does not leave alarms open for ever. Acknowledged alarms get longer:
 * someone is working on them.
 */
export function expireStaleAlarms(store: Store, policy: CorrelationConfig['staleAlarms'], now: number): number {
  let expired = 0;
  const rules = [
    { state: 'active' as const, before: now - policy.unacknowledgedHours * HOUR_MS, hours: policy.unacknowledgedHours },
    { state: 'acknowledged' as const, before: now - policy.acknowledgedHours * HOUR_MS, hours: policy.acknowledgedHours },
  ];
  for (const rule of rules) {
    for (;;) {
      const stale = store.listAlarms({ state: rule.state, lastSeenBefore: rule.before, limit: BATCH });
      if (stale.length === 0) break;
      store.transaction(() => {
        for (const alarm of stale) {
          store.updateAlarm({ ...alarm, state: 'cleared', severity: 'cleared', clearedAt: now });
          store.insertTransition({
            alarmId: alarm.id,
            at: now,
            kind: 'expired',
            fromState: alarm.state,
            toState: 'cleared',
            severity: 'cleared',
            eventId: null,
            user: null,
            note: `no event for ${rule.hours} h`,
          });
        }
      });
      expired += stale.length;
    }
  }
  return expired;
}
