import { pino } from 'pino';
import type { FleetEvent } from '../../src/events/fleet-event.js';
import { FleetIndex } from '../../src/fleet/fleet-index.js';
import { fleetSchema } from '../../src/fleet/fleet-schema.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import type { CollectorContext, PhoneDirectory, PhoneEntry } from '../types.js';

export interface FakeContext {
  ctx: CollectorContext;
  events: FleetEvent[];
  store: MemoryStore;
  counters: { received: number; refused: Record<string, number>; dropped: Record<string, number> };
  phones: PhoneEntry[];
  setNow(ms: number): void;
  advance(ms: number): void;
}

/** A CollectorContext for tests: captures events, a MemoryStore, a phone list, a settable clock, a fleet. */
export function createFakeContext(options: { now?: number; fleet?: unknown; store?: boolean } = {}): FakeContext {
  let now = options.now ?? Date.UTC(2026, 10, 21, 14, 0, 0);
  const phones: PhoneEntry[] = [];
  const directory: PhoneDirectory = {
    byAddress: (address) => phones.find((p) => p.address === address) ?? null,
    byExtension: (nodeId, extension) => phones.find((p) => p.nodeId === nodeId && p.extension === extension) ?? null,
  };
  const store = new MemoryStore();
  const fake: FakeContext = {
    events: [],
    store,
    phones,
    counters: { received: 0, refused: {}, dropped: {} },
    setNow: (ms) => void (now = ms),
    advance: (ms) => void (now += ms),
    ctx: undefined as unknown as CollectorContext,
  };
  const { counters } = fake;
  fake.ctx = {
    log: pino({ level: 'silent' }),
    clock: { now: () => now },
    emit: (event) => {
      fake.events.push(event);
      return 'accepted';
    },
    metrics: {
      received: (n = 1) => void (counters.received += n),
      accepted: () => undefined,
      refused: (reason, n = 1) => void (counters.refused[reason] = (counters.refused[reason] ?? 0) + n),
      dropped: (reason, n = 1) => void (counters.dropped[reason] = (counters.dropped[reason] ?? 0) + n),
    },
    phones: directory,
    ...(options.store !== false && { store }),
    ...(options.fleet !== undefined && { fleet: new FleetIndex(fleetSchema.parse(options.fleet)) }),
  };
  return fake;
}

/** Customer acme: site hq (node hq-ipo at 192.0.2.10) and site branch (node branch-ipo at 198.51.100.10). */
export const TEST_FLEET = {
  customers: [
    {
      id: 'acme',
      name: 'Acme',
      sites: [
        { id: 'hq', name: 'HQ', timeZone: 'Europe/London', nodes: [{ id: 'hq-ipo', name: 'HQ IP500', role: 'ip500v2', addresses: ['192.0.2.10'] }] },
        { id: 'branch', name: 'Branch', timeZone: 'Europe/London', nodes: [{ id: 'branch-ipo', name: 'Branch IPO', role: 'ip500v2', addresses: ['198.51.100.10'] }] },
      ],
    },
  ],
};
