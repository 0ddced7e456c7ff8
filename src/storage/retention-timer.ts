import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { retentionCutoffs } from './retention-cutoffs.js';
import type { RetentionPolicy, Store } from './store.js';

const RETENTION_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 86_400_000;

/** storage.retention: the store's policy plus how long the audit log is kept. */
export type RetentionSettings = RetentionPolicy & { auditDays: number };

/** Applies retention at start and then hourly. Returns a function that stops the timer. */
export function startRetention(store: Store, policy: RetentionSettings, clock: Clock, log: Logger): () => void {
  const run = () => {
    try {
      const removed = store.applyRetention(policy, clock.now());
      if (removed.events > 0 || removed.alarms > 0) log.info({ component: 'retention', ...removed }, 'retention removed old rows');
      // QoS call records (and their reports) are kept as long as events.
      const qosCalls = store.applyQosRetention(retentionCutoffs(policy, clock.now()).events);
      if (qosCalls > 0) log.info({ component: 'retention', qosCalls }, 'retention removed old call records');
      const auditEntries = store.deleteAuditBefore(clock.now() - policy.auditDays * DAY_MS);
      if (auditEntries > 0) log.info({ component: 'retention', auditEntries }, 'retention removed old audit log entries');
    } catch (error) {
      log.error({ err: error, component: 'retention' }, 'retention failed; will try again next hour');
    }
  };
  run();
  const timer = setInterval(run, RETENTION_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
