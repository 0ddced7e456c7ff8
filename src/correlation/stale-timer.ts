import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Store } from '../storage/store.js';
import { expireStaleAlarms } from './expire-stale.js';
import type { CorrelationConfig } from './policy.js';

/** Runs stale-alarm expiry every checkIntervalMinutes. Returns a function that stops it. */
export function startStaleAlarmTimer(store: Store, policy: CorrelationConfig['staleAlarms'], clock: Clock, log: Logger): () => void {
  const run = () => {
    try {
      const expired = expireStaleAlarms(store, policy, clock.now());
      if (expired > 0) log.info({ component: 'correlation', expired }, 'expired stale alarms');
    } catch (error) {
      log.error({ err: error, component: 'correlation' }, 'stale-alarm expiry failed; will try again');
    }
  };
  run();
  const timer = setInterval(run, policy.checkIntervalMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
