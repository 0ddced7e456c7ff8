import { correlationConfigSchema } from '../../src/correlation/policy.js';
import { CorrelationEngine } from '../../src/correlation/engine.js';
import { loadKnownIssueRules, SHIPPED_RULES_DIR } from '../../src/correlation/known-issue-rules.js';
import type { FleetEvent } from '../../src/events/fleet-event.js';
import { FleetIndex } from '../../src/fleet/fleet-index.js';
import { recordDecision } from '../../src/pipeline/record-decision.js';
import { openSqliteStore } from '../../src/storage/sqlite-store.js';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { nodeAddress, syntheticFleet } from './synthetic-fleet.js';

export interface EngineBenchOptions {
  nodes: number;
  activeAlarms: number;
  events: number;
  batchSize: number;
}

export interface EngineBenchResult {
  options: EngineBenchOptions;
  /** Events through every correlation stage and stored, per second. */
  engineEventsPerSecond: number;
  /** Reference in the same run: the same events stored with no correlation at all. */
  storeOnlyEventsPerSecond: number;
  rssMiB: number;
  heapUsedMiB: number;
  seedSeconds: number;
}

function trunkEvent(node: number, alarm: number, receivedAt: number, severity: FleetEvent['severity']): FleetEvent {
  return {
    receivedAt,
    source: 'syslog',
    collector: 'syslog',
    sourceAddress: nodeAddress(node),
    nodeId: null,
    entity: null,
    category: 'Trunk lines',
    severity,
    raisesAlarm: true,
    code: 'syslog.alarm.trunk',
    alarmKey: `trunk ${alarm} red alarm`,
    text: `Trunk ${alarm} red alarm`,
    attributes: { facility: 16, syslogSeverity: 3 },
    raw: { encoding: 'utf8', data: `<131>Nov 21 09:00:00 ipo IPOffice: Alarm: Trunk: Trunk ${alarm} red alarm` },
  };
}

/**
 * Seeds `activeAlarms` open alarms spread over `nodes` nodes, then feeds
 * `events` events through the engine in store transactions of batchSize (as
 * the pipeline does): 70 % repeats of open alarms, 20 % new problems, 10 %
 * clears. The reference stores the same events without correlating them.
 */
export function runEngineBench(options: EngineBenchOptions): EngineBenchResult {
  const dir = makeTempDir('ipo-bench-engine-');
  try {
    const store = openSqliteStore(dir.path);
    const fleet = new FleetIndex(syntheticFleet(options.nodes));
    const policy = correlationConfigSchema.parse({});
    const rules = loadKnownIssueRules(SHIPPED_RULES_DIR);
    let now = Date.UTC(2026, 10, 21);
    const engine = new CorrelationEngine({
      clock: { now: () => now },
      fleet,
      alarms: store,
      rules: () => rules.matcher,
      silences: () => [],
      policy,
      inhibitRules: policy.inhibitRules,
    });
    const perNode = Math.ceil(options.activeAlarms / options.nodes);
    const alarmOf = (i: number) => ({ node: i % options.nodes, alarm: Math.floor(i / options.nodes) % perNode });

    const seedStart = performance.now();
    for (let start = 0; start < options.activeAlarms; start += options.batchSize) {
      store.transaction(() => {
        for (let i = start; i < Math.min(start + options.batchSize, options.activeAlarms); i += 1) {
          const { node, alarm } = alarmOf(i);
          recordDecision(store, engine.decide(trunkEvent(node, alarm, (now += 1), 'major')));
        }
      });
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const events: FleetEvent[] = [];
    for (let i = 0; i < options.events; i += 1) {
      const kind = i % 10;
      const { node, alarm } = alarmOf((i * 7919) % options.activeAlarms);
      if (kind < 7) events.push(trunkEvent(node, alarm, 0, 'major'));
      else if (kind < 9) events.push(trunkEvent(node, perNode + i, 0, 'minor'));
      else events.push(trunkEvent(node, alarm, 0, 'cleared'));
    }

    const engineStart = performance.now();
    for (let start = 0; start < events.length; start += options.batchSize) {
      store.transaction(() => {
        for (const event of events.slice(start, start + options.batchSize)) recordDecision(store, engine.decide({ ...event, receivedAt: (now += 1) }));
      });
    }
    const engineSeconds = (performance.now() - engineStart) / 1000;

    const storeStart = performance.now();
    for (let start = 0; start < events.length; start += options.batchSize) {
      store.transaction(() => {
        for (const event of events.slice(start, start + options.batchSize)) store.insertEvent({ ...event, receivedAt: (now += 1) }, null);
      });
    }
    const storeSeconds = (performance.now() - storeStart) / 1000;

    const memory = process.memoryUsage();
    store.close();
    return {
      options,
      engineEventsPerSecond: Math.round(options.events / engineSeconds),
      storeOnlyEventsPerSecond: Math.round(options.events / storeSeconds),
      rssMiB: Math.round(memory.rss / 1048576),
      heapUsedMiB: Math.round(memory.heapUsed / 1048576),
      seedSeconds: Math.round(seedSeconds * 10) / 10,
    };
  } finally {
    dir.remove();
  }
}
