import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import type { FleetEvent } from '../../src/events/fleet-event.js';
import { acmeFleet } from '../../test/fakes/fleet-fixture.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import type { CollectorContext, EmitResult } from '../types.js';
import { fleetLookup } from './fleet-lookup.js';
import { SsaIngest } from './ingest.js';
import { createSsaMetrics } from './ssa-metrics.js';

/** A Primary on 9.1 with nodal licences in London, a US node printing MM/DD/YYYY, and one on "auto". */
export function ssaTestFleet() {
  return acmeFleet(
    [
      { id: 'hq-primary', name: 'HQ Primary', role: 'primary', addresses: ['10.0.0.10'], version: '9.1.0.0 build 437', licenceSource: 'nodal' },
      { id: 'hq-auto', name: 'HQ auto', role: 'expansion', addresses: ['10.0.0.12'], ssa: { dateFormat: 'auto' } },
    ],
    [{ id: 'ny', name: 'New York', timeZone: 'America/New_York', nodes: [{ id: 'ny-ip500', name: 'NY', role: 'ip500v2', addresses: ['10.1.0.10'], ssa: { dateFormat: 'MM/DD/YYYY' } }] }],
  );
}

/** The seed's three Service Alarms tables in one of the test data forms. */
export function seedTable(n: 1 | 2 | 3, format: 'tsv' | 'csv' | 'json'): Buffer {
  return readFileSync(new URL(`testdata/service-alarms-${n}.${format}`, import.meta.url));
}

export interface SsaHarness {
  ctx: CollectorContext;
  store: MemoryStore;
  events: FleetEvent[];
  ingest: SsaIngest;
  /** Accept `n` more events, then answer queue-full until called with null. */
  queueRoom(n: number | null): void;
  refused: Record<string, number>;
  /** A fresh SsaIngest on the same store: what a restart sees. */
  restart(): SsaIngest;
}

/** SsaIngest on a MemoryStore with a fake context that records every emitted event. */
export function ssaHarness(options: { now?: number; store?: MemoryStore; stored?: () => Promise<void>; storeWaitMs?: number } = {}): SsaHarness {
  const store = options.store ?? new MemoryStore();
  const events: FleetEvent[] = [];
  const refused: Record<string, number> = {};
  let room: number | null = null;
  const ctx: CollectorContext = {
    log: pino({ level: 'silent' }),
    clock: { now: () => options.now ?? Date.UTC(2026, 0, 21, 10, 0, 0) },
    emit: (event): EmitResult => {
      if (room !== null && room-- <= 0) return 'queue-full';
      events.push(event);
      return 'accepted';
    },
    metrics: { received: () => {}, accepted: () => {}, refused: (reason) => void (refused[reason] = (refused[reason] ?? 0) + 1), dropped: () => {} },
    fleet: ssaTestFleet(),
    store,
    ...(options.stored && { stored: options.stored }),
  };
  const make = () =>
    new SsaIngest({
      ctx,
      store,
      lookup: fleetLookup(ctx.fleet!),
      metrics: createSsaMetrics(),
      storeWaitMs: options.storeWaitMs ?? 1000,
    });
  return { ctx, store, events, ingest: make(), queueRoom: (n) => void (room = n), refused, restart: make };
}
