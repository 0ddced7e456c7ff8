import { pino, type Logger } from 'pino';
import type { FleetEvent } from '../../src/events/fleet-event.js';
import type { CollectorContext } from '../types.js';

/** What a test can look at after driving the collector. */
export interface FakeContext {
  ctx: CollectorContext;
  events: FleetEvent[];
  counters: { received: number; accepted: number; refused: Record<string, number>; dropped: Record<string, number> };
  /** Moves the injected clock. */
  setNow(ms: number): void;
}

/** A CollectorContext for tests: captures emitted events, counts into a plain object, silent log by default. */
export function createFakeContext(options: { now?: number; log?: Logger } = {}): FakeContext {
  let now = options.now ?? Date.UTC(2026, 10, 21, 4, 20, 0);
  const events: FleetEvent[] = [];
  const counters: FakeContext['counters'] = { received: 0, accepted: 0, refused: {}, dropped: {} };
  const ctx: CollectorContext = {
    log: options.log ?? pino({ level: 'silent' }),
    clock: { now: () => now },
    emit: (event) => {
      events.push(event);
      return 'accepted';
    },
    metrics: {
      received: (n = 1) => void (counters.received += n),
      accepted: (n = 1) => void (counters.accepted += n),
      refused: (reason, n = 1) => void (counters.refused[reason] = (counters.refused[reason] ?? 0) + n),
      dropped: (reason, n = 1) => void (counters.dropped[reason] = (counters.dropped[reason] ?? 0) + n),
    },
  };
  return { ctx, events, counters, setNow: (ms) => void (now = ms) };
}
