import type { StageContext } from '../../src/correlation/decision.js';
import { correlationConfigSchema } from '../../src/correlation/policy.js';
import { emptyRuleMatcher } from '../../src/correlation/rule-matcher.js';
import type { Silence } from '../../src/correlation/silence.js';
import type { Store } from '../../src/storage/store.js';
import { FakeClock } from './fake-clock.js';
import { smallFleet } from './fleet-fixture.js';

/** A stage context on a store (usually a MemoryStore) with the default policy, no rules and no silences; override what the test is about. */
export function makeStageContext(store: Store, overrides: Partial<StageContext> = {}): StageContext {
  const policy = correlationConfigSchema.parse({});
  return {
    clock: new FakeClock(),
    fleet: smallFleet(),
    alarms: store,
    rules: () => emptyRuleMatcher,
    silences: (): readonly Silence[] => store.listSilences(),
    policy,
    inhibitRules: policy.inhibitRules,
    ...overrides,
  };
}
