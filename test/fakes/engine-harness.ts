import type { StageContext } from '../../src/correlation/decision.js';
import { CorrelationEngine } from '../../src/correlation/engine.js';
import type { RuleMatch, RuleMatcher } from '../../src/correlation/rule-matcher.js';
import { SilenceCache } from '../../src/correlation/silence-cache.js';
import type { FleetEvent } from '../../src/events/fleet-event.js';
import { recordDecision } from '../../src/pipeline/record-decision.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { makeEvent } from './event-fixture.js';
import { FakeClock } from './fake-clock.js';
import { makeStageContext } from './stage-context.js';

/**
 * The whole engine on a MemoryStore with a fake clock: feed() stamps the
 * event with the clock's time, runs every stage and stores the decision, as
 * the pipeline does.
 */
export function engineHarness(overrides: Partial<StageContext> = {}) {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const silences = new SilenceCache(store, clock);
  const ctx = makeStageContext(store, { clock, silences: () => silences.list(), ...overrides });
  const engine = new CorrelationEngine(ctx);
  const feed = (event: Partial<FleetEvent> = {}) => {
    const decision = engine.decide(makeEvent({ receivedAt: clock.now(), ...event }));
    return { decision, ...store.transaction(() => recordDecision(store, decision)) };
  };
  return { store, clock, silences, engine, feed, ctx };
}

/** A rule matcher that answers from a function, for stage tests. */
export function fakeRules(match: (event: FleetEvent) => RuleMatch[]): () => RuleMatcher {
  const matcher: RuleMatcher = { match: (event) => match(event), size: 1 };
  return () => matcher;
}
