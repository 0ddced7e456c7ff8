import { pino } from 'pino';
import { createEmailNotifier } from '../../notifiers/email/index.js';
import { emailConfigSchema } from '../../notifiers/email/config.js';
import type { RunningNotifier } from '../../notifiers/running-notifier.js';
import { CorrelationEngine } from '../../src/correlation/engine.js';
import type { RecurringWindow } from '../../src/correlation/recurring-window.js';
import type { RuleMatcher } from '../../src/correlation/rule-matcher.js';
import { SilenceCache } from '../../src/correlation/silence-cache.js';
import type { FleetEvent } from '../../src/events/fleet-event.js';
import type { FleetIndex } from '../../src/fleet/fleet-index.js';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { recordDecision } from '../../src/pipeline/record-decision.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import type { Store } from '../../src/storage/store.js';
import { CaptureTransport } from './capture-transport.js';
import { makeEvent } from './event-fixture.js';
import { FakeClock } from './fake-clock.js';
import { fleetIndexOf } from './fleet-fixture.js';
import { makeStageContext } from './stage-context.js';

/** Two customers: acme (hq: two nodes; branch: one) and globex (one node). Sites in London and New York. */
export function notifierFleet(): FleetIndex {
  const node = (id: string, address: string, role = 'primary') => ({ id, name: id.toUpperCase(), role, addresses: [address] });
  return fleetIndexOf({
    customers: [
      {
        id: 'acme',
        name: 'Acme Dental',
        sites: [
          { id: 'hq', name: 'HQ', timeZone: 'Europe/London', nodes: [node('hq-primary', '10.0.0.10'), node('hq-secondary', '10.0.0.11', 'secondary')] },
          { id: 'branch', name: 'Branch', timeZone: 'Europe/London', nodes: [node('br-1', '10.0.1.10')] },
        ],
      },
      { id: 'globex', name: 'Globex', sites: [{ id: 'main', name: 'Main', timeZone: 'America/New_York', nodes: [node('gx-1', '10.1.0.10')] }] },
    ],
  });
}

export interface NotifierHarnessOptions {
  email?: Record<string, unknown>;
  store?: Store;
  clock?: FakeClock;
  transport?: CaptureTransport;
  windows?: RecurringWindow[];
  fleet?: FleetIndex;
  rules?: () => RuleMatcher;
  /** Send through the transport the email config describes (SMTP, folder) instead of a CaptureTransport. */
  configuredTransport?: boolean;
  env?: NodeJS.ProcessEnv;
  dataDir?: string;
  /** The notifier's timer step once start() is called (default 500 ms). */
  tickMs?: number;
}

/**
 * Correlation and the email notifier on one store with a fake clock:
 * feed() runs an event through the engine and stores the decision, as the
 * pipeline does; advance() moves the clock and runs one notifier step.
 * Sends go to a CaptureTransport.
 */
export function notifierHarness(options: NotifierHarnessOptions = {}) {
  const store = options.store ?? new MemoryStore();
  const clock = options.clock ?? new FakeClock();
  const fleet = options.fleet ?? notifierFleet();
  const transport = options.transport ?? new CaptureTransport();
  const windows = options.windows ?? [];
  const silences = new SilenceCache(store, clock);
  const ctx = makeStageContext(store, { clock, fleet, silences: () => silences.list(), maintenanceWindows: () => windows, ...(options.rules && { rules: options.rules }) });
  const engine = new CorrelationEngine(ctx);
  const config = emailConfigSchema.parse({ ...options.email });
  const metrics = new MetricsRegistry();
  const make = (): RunningNotifier =>
    createEmailNotifier(config, {
      store,
      fleet,
      clock,
      log: pino({ level: 'silent' }),
      metrics,
      dataDir: options.dataDir ?? '/nonexistent',
      publicUrl: 'http://127.0.0.1:8080',
      inhibitRules: ctx.inhibitRules,
      silences: () => silences.list(),
      maintenanceWindows: () => windows,
      ...(!options.configuredTransport && { transport }),
      ...(options.env && { env: options.env }),
      random: () => 1,
      ...(options.tickMs !== undefined && { tickMs: options.tickMs }),
    })!;
  let notifier = make();
  const feed = (event: Partial<FleetEvent> = {}) => {
    const decision = engine.decide(makeEvent({ receivedAt: clock.now(), ...event }));
    return store.transaction(() => recordDecision(store, decision));
  };
  return {
    store,
    clock,
    fleet,
    transport,
    silences,
    metrics,
    feed,
    get notifier() {
      return notifier;
    },
    /** Moves the clock and runs one notifier step. */
    async advance(ms: number) {
      clock.advance(ms);
      await notifier.tick();
    },
    /** A new notifier on the same store, as after a restart. */
    async restart() {
      await notifier.stop();
      notifier = make();
    },
  };
}
