import type { Counter, MetricsRegistry } from '../src/metrics/registry.js';

export interface NotifierMetrics {
  deliveries: Counter;
  messages: Counter;
  attempts: Counter;
  /** Registers the gauges read at scrape time. */
  watch(notifier: string, grouped: () => number, profiles: Array<{ profile: string; braking: () => boolean }>): void;
}

export function createNotifierMetrics(registry: MetricsRegistry): NotifierMetrics {
  return {
    deliveries: registry.counter('ipo_notifier_deliveries_total', 'Per-profile decisions on alarm transitions, by status (grouped, below-profile-severity, not-in-profile, inhibited, silenced, suppressed-by-brake)'),
    messages: registry.counter('ipo_notifier_messages_total', 'Messages created, by profile and kind (alarms, reminder, digest, maintenance-summary)'),
    attempts: registry.counter('ipo_notifier_attempts_total', 'Send attempts, by profile and result (sent, retry, failed-permanent)'),
    watch(notifier, grouped, profiles) {
      registry.gauge('ipo_notifier_grouped', 'Alarm transitions waiting in their group for group wait or group interval', () => [{ labels: { notifier }, value: grouped() }]);
      registry.gauge('ipo_notifier_brake_engaged', '1 while a profile’s storm brake holds messages for a digest', () =>
        profiles.map(({ profile, braking }) => ({ labels: { notifier, profile }, value: braking() ? 1 : 0 })),
      );
    },
  };
}
