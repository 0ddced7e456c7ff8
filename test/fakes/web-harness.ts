import { CorrelationEngine } from '../../src/correlation/engine.js';
import { loadKnownIssueRules, SHIPPED_RULES_DIR } from '../../src/correlation/known-issue-rules.js';
import { SilenceCache } from '../../src/correlation/silence-cache.js';
import { acmeFleet } from './fleet-fixture.js';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { recordDecision } from '../../src/pipeline/record-decision.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { LiveBroadcaster } from '../../src/web/live/broadcaster.js';
import type { ApiDeps } from '../../src/api/deps.js';
import { makeEvent } from './event-fixture.js';
import { FakeClock } from './fake-clock.js';
import { makeStageContext } from './stage-context.js';

/** One customer, one site: a Primary at 10.0.0.10 and an IP500 V2 at 10.0.0.20 with a PRI card (two ports) and a module. */
export function webFleet() {
  return acmeFleet([
    { id: 'hq-primary', name: 'HQ Primary', role: 'primary', addresses: ['10.0.0.10'], version: '11.1.3.0 build 23' },
    {
      id: 'hq-500',
      name: 'HQ IP500 V2',
      role: 'expansion',
      addresses: ['10.0.0.20'],
      cards: [{ id: 'pri', slot: 1, type: 'PRI-U', name: 'Trunk Slot A', ports: [{ id: 'pri-1', name: 'PRI 1' }, { id: 'pri-2', name: 'PRI 2' }] }],
      modules: [{ id: 'ds16', expansionPort: 1, type: 'DS16B2' }],
    },
  ]);
}

/** The shipped known-issue catalogue, read from disk once for every harness (not once per node looked up). */
let shippedRules: ReturnType<typeof loadKnownIssueRules> | null = null;

/** The ApiDeps every in-process app needs: store, fleet, silences, no SNMP inventory, the shipped known issues, a fake clock's now. */
export function baseApiDeps(parts: { store: ApiDeps['store']; fleet: ApiDeps['fleet']; silences: ApiDeps['silences']; metrics: MetricsRegistry; clock: FakeClock }) {
  return {
    store: parts.store,
    fleet: parts.fleet,
    silences: parts.silences,
    inventory: () => null,
    knownIssues: (node) => (shippedRules ??= loadKnownIssueRules(SHIPPED_RULES_DIR)).exposures(node),
    metrics: parts.metrics,
    version: '9.9.9',
    now: () => parts.clock.now(),
  } satisfies Partial<ApiDeps>;
}

/** ApiDeps over a memory store fed through the real correlation engine, and a way to feed it. */
export function webDeps(overrides: Partial<ApiDeps> = {}) {
  const store = new MemoryStore();
  const fleet = webFleet();
  const clock = new FakeClock();
  const silences = new SilenceCache(store, clock);
  const live = new LiveBroadcaster(2);
  const engine = new CorrelationEngine(makeStageContext(store, { clock, fleet, silences: () => silences.list() }));
  const feed = (event: Parameters<typeof makeEvent>[0]) => {
    const recorded = recordDecision(store, engine.decide(makeEvent(event)));
    live.onRecorded([recorded]);
    return recorded;
  };
  const metrics = new MetricsRegistry();
  const deps: ApiDeps = {
    ...baseApiDeps({ store, fleet, silences, metrics, clock }),
    health: () => ({ startedAt: clock.now() - 5000, queueDepth: 0, queueCapacity: 10, collectors: [{ type: 'syslog', endpoints: [{ transport: 'udp', address: '127.0.0.1', port: 5514 }] }] }),
    live,
    ...overrides,
  };
  return { deps, store, fleet, clock, live, feed, metrics };
}
