import type { FleetEvent } from '../../src/events/fleet-event.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { createFakeContext as createBaseContext } from '../../test/fakes/collector-context.js';
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

/** test/fakes' collector context plus what RTCP needs: a MemoryStore (unless store: false), a phone list, counted drops, a clock to advance. */
export function createFakeContext(options: { now?: number; fleet?: unknown; store?: boolean } = {}): FakeContext {
  let now = options.now ?? Date.UTC(2026, 10, 21, 14, 0, 0);
  const base = createBaseContext({ now, ...(options.fleet !== undefined && { fleet: options.fleet }) });
  const phones: PhoneEntry[] = [];
  const directory: PhoneDirectory = {
    byAddress: (address) => phones.find((p) => p.address === address) ?? null,
    byExtension: (nodeId, extension) => phones.find((p) => p.nodeId === nodeId && p.extension === extension) ?? null,
  };
  const store = new MemoryStore();
  const counters = base.counters;
  base.ctx.metrics.dropped = (reason, n = 1) => void (counters.dropped[reason] = (counters.dropped[reason] ?? 0) + n);
  base.ctx.phones = directory;
  if (options.store !== false) base.ctx.store = store;
  const setNow = (ms: number) => {
    now = ms;
    base.setNow(ms);
  };
  return { ctx: base.ctx, events: base.events, store, counters, phones, setNow, advance: (ms) => setNow(now + ms) };
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
