import type { Alarm } from '../correlation/alarm.js';
import { CorrelationEngine } from '../correlation/engine.js';
import { correlationConfigSchema } from '../correlation/policy.js';
import { emptyRuleMatcher, type RuleMatcher } from '../correlation/rule-matcher.js';
import type { FleetEvent } from '../events/fleet-event.js';
import { isProblem } from '../events/severity.js';
import { FleetIndex } from '../fleet/fleet-index.js';
import { fleetSchema } from '../fleet/fleet-schema.js';
import type { NodeRole, LicenceSource } from '../fleet/node-schema.js';
import { recordDecision, type RecordedDecision } from '../pipeline/record-decision.js';
import { MemoryStore } from '../storage/memory-store.js';
import type { CompiledLicenceCatalogue } from './catalogue.js';
import { licenceConfigSchema, type EscalationPolicy } from './config.js';
import { LicenceEngine, type LicenceEngineOptions } from './engine.js';
import type { SuspectNote } from './licence-events.js';

export const HOUR_MS = 3_600_000;

/** A node of the replay fleet; nodes of one customer form its solutions and SCNs. */
export interface ReplayNode {
  id: string;
  role: NodeRole;
  licenceSource?: LicenceSource;
  customer?: string;
  address?: string;
}

export interface ReplayOptions {
  catalogue: CompiledLicenceCatalogue;
  nodes: ReplayNode[];
  escalation?: EscalationPolicy;
  /** The known-issue matcher the correlation engine annotates with (and the suspect titles). */
  rules?: RuleMatcher;
  knownIssue?: (ruleId: string) => SuspectNote | null;
  start?: number;
  onChange?: LicenceEngineOptions['onChange'];
}

/**
 * The licence engine on a MemoryStore with a hand-moved clock, wired as main.ts wires it: events go through
 * correlation into the store, the engine reads what was stored, and what it emits goes through correlation too.
 * For case files, tests and scenario replays over weeks in milliseconds.
 */
export class LicenceReplay {
  readonly store = new MemoryStore();
  readonly engine: LicenceEngine;
  readonly fleet: FleetIndex;
  /** Every event the engine emitted, in order. */
  readonly emitted: FleetEvent[] = [];
  private time: number;
  private readonly queue: FleetEvent[] = [];
  private readonly correlation: CorrelationEngine;

  constructor(options: ReplayOptions) {
    this.time = options.start ?? Date.UTC(2026, 0, 5, 9, 0, 0);
    this.fleet = new FleetIndex(replayFleet(options.nodes));
    const clock = { now: () => this.time };
    const policy = correlationConfigSchema.parse({});
    const rules = options.rules ?? emptyRuleMatcher;
    this.correlation = new CorrelationEngine({ clock, fleet: this.fleet, alarms: this.store, rules: () => rules, silences: () => [], policy, inhibitRules: [] });
    this.engine = new LicenceEngine({
      catalogue: options.catalogue,
      fleet: this.fleet,
      store: this.store,
      clock,
      emit: (event) => {
        this.emitted.push(event);
        this.queue.push(event);
        return 'accepted';
      },
      escalation: options.escalation ?? licenceConfigSchema.parse({}).escalation,
      ...(options.knownIssue && { knownIssue: options.knownIssue }),
      ...(options.onChange && { onChange: options.onChange }),
    });
    this.engine.start();
    this.flush();
  }

  now(): number {
    return this.time;
  }

  /** Stores an event from a node (defaults: an SSA licence alarm), lets the engine read it, then stores what it emitted. */
  send(nodeId: string, event: Partial<FleetEvent>): RecordedDecision {
    const node = this.fleet.node(nodeId)?.node;
    const source = event.source ?? 'ssa';
    const severity = event.severity ?? 'major';
    const full: FleetEvent = {
      receivedAt: this.time,
      source,
      collector: source,
      sourceAddress: node?.addresses[0] ?? '192.0.2.250',
      nodeId: null,
      entity: null,
      category: 'License',
      severity,
      raisesAlarm: isProblem(severity) || severity === 'cleared',
      code: `${source}.event`,
      text: '',
      attributes: {},
      raw: { encoding: 'utf8', data: event.text ?? '' },
      ...event,
    };
    const recorded = this.record(full);
    this.engine.onRecorded([recorded]);
    this.flush();
    return recorded;
  }

  /** Moves the clock in steps (the timer's interval), ticking the engine at each. */
  advance(ms: number, stepMs = HOUR_MS): void {
    const end = this.time + ms;
    while (this.time < end) {
      this.time = Math.min(end, this.time + stepMs);
      this.engine.tick(this.time);
      this.flush();
    }
  }

  /** The newest alarm of a code on a node (any alarm key), or undefined. */
  alarm(nodeId: string, code: string): Alarm | undefined {
    return this.alarms(nodeId, code)[0];
  }

  /** Every alarm of a code on a node, newest first. */
  alarms(nodeId: string, code: string): Alarm[] {
    this.flush(); // what an assertion emitted, say
    return this.store
      .listAlarms({ nodeId, limit: 1000 })
      .filter((alarm) => alarm.code === code)
      .sort((a, b) => b.id - a.id);
  }

  private record(event: FleetEvent): RecordedDecision {
    return this.store.transaction(() => recordDecision(this.store, this.correlation.decide(event)));
  }

  /** Stores what the engine emitted and has not been stored yet (as the pipeline's drain loop would). */
  flush(): void {
    while (this.queue.length > 0) {
      const recorded = this.record(this.queue.shift()!);
      this.engine.onRecorded([recorded]); // ignored by the engine: its own event, as in production
    }
  }
}

function replayFleet(nodes: ReplayNode[]) {
  const customers = new Map<string, ReplayNode[]>();
  for (const node of nodes) customers.set(node.customer ?? 'acme', [...(customers.get(node.customer ?? 'acme') ?? []), node]);
  let host = 10;
  return fleetSchema.parse({
    customers: [...customers].map(([id, members]) => ({
      id,
      name: id,
      sites: [
        {
          id: 'hq',
          name: 'HQ',
          timeZone: 'UTC',
          nodes: members.map((node) => ({ id: node.id, name: node.id, role: node.role, licenceSource: node.licenceSource ?? 'nodal', addresses: [node.address ?? `192.0.2.${host++}`] })),
        },
      ],
    })),
  });
}
