import type { FleetEvent } from '../../src/events/fleet-event.js';
import { acmeFleet } from './fleet-fixture.js';
import { engineHarness } from './engine-harness.js';
import { ResiliencyEngine } from '../../src/resiliency/engine.js';
import type { ResiliencyTiming } from '../../src/resiliency/timing.js';

/** An SE Primary backed by its Secondary, and an Expansion on a line to the Primary whose phones fail over to the Secondary. */
export function resilientFleet() {
  const backupAll = { phones: 'hq-secondary', huntGroups: 'hq-secondary', voicemail: 'hq-secondary', oneXPortal: 'hq-secondary', accs: 'hq-secondary' };
  return acmeFleet([
    { id: 'hq-primary', name: 'HQ Primary', role: 'primary', addresses: ['10.0.0.10'], resilience: { backup: backupAll, lines: ['hq-secondary'] } },
    { id: 'hq-secondary', name: 'HQ Secondary', role: 'secondary', addresses: ['10.0.0.11'] },
    { id: 'branch-exp', name: 'Branch Expansion', role: 'expansion', addresses: ['10.0.1.10'], resilience: { backup: { phones: 'hq-secondary' }, lines: ['hq-primary'] } },
  ]);
}

/**
 * The correlation engine on a MemoryStore with a fake clock, the resiliency engine listening to what it records
 * (incidents saved in the same store) and its own events fed back in, as the pipeline does. restart() replaces the
 * resiliency engine with a new one on the same store, as a process restart does.
 */
export function resiliencyHarness(options: { timing?: ResiliencyTiming } = {}) {
  const fleet = resilientFleet();
  let engine: ResiliencyEngine | null = null;
  const harness = engineHarness({ fleet, resiliency: { holdOf: (a) => engine?.holds().holdOf(a) ?? null, isRootCause: (a) => engine?.holds().isRootCause(a) ?? false } });
  const emitted: FleetEvent[] = [];
  const queue: FleetEvent[] = [];
  const make = () => new ResiliencyEngine({ fleet, clock: harness.clock, repository: harness.store, ...(options.timing && { timing: options.timing }), emit: (event) => (emitted.push(event), queue.push(event), 'accepted') });
  engine = make();
  const drain = () => {
    while (queue.length > 0) engine!.onRecorded([harness.feed(queue.shift()!)]);
  };
  const feed = (event: Partial<FleetEvent>) => {
    const recorded = harness.feed(event);
    engine!.onRecorded([recorded]);
    drain();
    return recorded;
  };
  const advance = (ms: number) => {
    harness.clock.advance(ms);
    engine!.tick();
    drain();
  };
  const restart = () => {
    engine = make();
    engine.start();
    drain();
  };
  return {
    ...harness,
    fleet,
    get resiliency() {
      return engine!;
    },
    emitted,
    feed,
    advance,
    restart,
  };
}
