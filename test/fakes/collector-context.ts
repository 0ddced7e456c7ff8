import { pino, type Logger } from 'pino';
import type { FleetEvent } from '../../src/events/fleet-event.js';
import type { BackPressure, CollectorContext, EmitResult } from '../../collectors/types.js';
import { fleetIndexOf } from './fleet-fixture.js';

export interface FakeContext {
  ctx: CollectorContext;
  events: FleetEvent[];
  counters: { received: number; accepted: number; refused: Record<string, number>; dropped: Record<string, number> };
  /** What emit() answers next: 'queue-full' plays a full pipeline. */
  emitResult: EmitResult;
  setNow(ms: number): void;
  /** With `backPressure: true`: offers refused (kept by the collector, not dropped), and a drain that calls onDrain's listeners. */
  deferred: number;
  drain(): void;
}

/** A CollectorContext for tests: captures events, counts into a plain object, silent log, optional fleet (raw YAML-like object). */
export function createFakeContext(options: { now?: number; log?: Logger; fleet?: unknown; backPressure?: boolean } = {}): FakeContext {
  let now = options.now ?? Date.UTC(2026, 10, 21, 4, 20, 0);
  const fake: FakeContext = {
    events: [],
    counters: { received: 0, accepted: 0, refused: {}, dropped: {} },
    emitResult: 'accepted',
    setNow: (ms) => void (now = ms),
    deferred: 0,
    drain: () => {
      for (const fn of [...drainListeners]) fn();
    },
    ctx: undefined as unknown as CollectorContext,
  };
  const { counters } = fake;
  const drainListeners = new Set<() => void>();
  const backPressure: BackPressure = {
    offer: (event) => {
      if (fake.emitResult !== 'accepted') {
        fake.deferred++;
        return fake.emitResult;
      }
      fake.events.push(event);
      counters.accepted++;
      return 'accepted';
    },
    onDrain: (fn) => {
      drainListeners.add(fn);
      return () => void drainListeners.delete(fn);
    },
  };
  fake.ctx = {
    log: options.log ?? pino({ level: 'silent' }),
    clock: { now: () => now },
    emit: (event) => {
      if (fake.emitResult === 'accepted') {
        fake.events.push(event);
        counters.accepted++;
      } else counters.dropped[fake.emitResult] = (counters.dropped[fake.emitResult] ?? 0) + 1;
      return fake.emitResult;
    },
    metrics: {
      received: (n = 1) => void (counters.received += n),
      accepted: () => undefined,
      refused: (reason, n = 1) => void (counters.refused[reason] = (counters.refused[reason] ?? 0) + n),
      dropped: () => undefined,
    },
    ...(options.fleet !== undefined && { fleet: fleetIndexOf(options.fleet) }),
    ...(options.backPressure && { backPressure }),
  };
  return fake;
}

/** A one-customer, one-site fleet with the given nodes (raw, as in YAML). */
export function fleetWith(nodes: unknown[]): unknown {
  return { customers: [{ id: 'acme', name: 'Acme', sites: [{ id: 'hq', name: 'HQ', timeZone: 'Europe/London', nodes }] }] };
}
