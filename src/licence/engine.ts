import type { Logger } from 'pino';
import { LICENCE_TRACK } from '../../rules/licence-cross-checks.js';
import type { Clock } from '../clock.js';
import type { NodeFacts } from '../correlation/rule-matcher.js';
import type { FleetEvent, StoredEvent } from '../events/fleet-event.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import type { NodeConfig } from '../fleet/node-schema.js';
import type { RecordedDecision } from '../pipeline/record-decision.js';
import type { Store } from '../storage/store.js';
import type { CompiledLicenceCatalogue, FiredSignal } from './catalogue.js';
import { assertion } from './assertion.js';
import { daysRemaining } from './escalation.js';
import type { EscalationPolicy } from './config.js';
import { LicenceConfigWatch } from './config-watch.js';
import { LICENCE_COLLECTOR, type SuspectNote } from './licence-events.js';
import type { LicenceMetrics } from './licence-metrics.js';
import type { LicenceRepository } from './licence-repository.js';
import { enterMode, expiryDue, reannounce, remind, withGraceDaysRemaining, type Entry, type MachineContext } from './machine.js';
import { modeReportOf, type ModeReport } from './mode-report.js';
import { shortageEventIds, withShortage } from './shortages.js';
import { freshState, stateKey, type LicenceState, type LicenceTransition } from './state.js';

export { LICENCE_TRACK };

export interface LicenceEngineOptions {
  catalogue: CompiledLicenceCatalogue;
  fleet: FleetIndex;
  store: LicenceRepository & Pick<Store, 'transaction' | 'listAlarms'>;
  clock: Clock;
  /** Hands the engine's own events to the pipeline (main.ts: pipeline.offer). */
  emit: (event: FleetEvent) => unknown;
  escalation: EscalationPolicy;
  /** Title and vendor id of a known-issue rule, from the known-issue catalogue, for the suspect flag. */
  knownIssue?: (ruleId: string) => SuspectNote | null;
  log?: Logger;
  metrics?: LicenceMetrics;
  /** Called with the states that changed, and with all of them at start and every hour (the InfluxDB licence points). */
  onChange?: (states: readonly LicenceState[], at: number) => void;
}

const HOUR_MS = 3_600_000;

/**
 * Keeps every node's licence mode per track (rules/licence-states.yaml): stored events move it through the
 * catalogue's transitions, a timer counts the grace down and expires it, a person may assert a mode. Every change
 * is stored with its evidence, and announced as events of its own (licence.mode, licence.grace,
 * licence.subscription-daily, licence.features-lost) that go through the pipeline like any other.
 */
export class LicenceEngine {
  private readonly states = new Map<string, LicenceState>();
  private readonly configWatch: LicenceConfigWatch;
  private sampledHour: number | null = null;

  constructor(private readonly options: LicenceEngineOptions) {
    this.configWatch = new LicenceConfigWatch(options.fleet, (event) => this.send(event), options.store, options.log);
  }

  /** Loads the stored states, starts nodes new to the fleet, re-checks the configuration, and catches up the timers. */
  start(): void {
    for (const state of this.options.store.listLicenceStates()) this.states.set(stateKey(state.nodeId, state.track), state);
    const now = this.options.clock.now();
    this.reconcile(now);
    this.configWatch.check(this.effectiveSources(), now, { clearStale: true });
    this.tick(now);
  }

  /** Pipeline listener: what the last batch stored. One bad event does not stop the rest. */
  onRecorded(recorded: readonly RecordedDecision[]): void {
    for (const { event } of recorded) {
      try {
        this.observe(event);
      } catch (error) {
        this.options.metrics?.failures.inc({ step: 'observe' });
        this.options.log?.error({ err: error, eventId: event.id }, 'licence engine could not apply an event; state unchanged');
      }
    }
  }

  /** Expires graces whose time has come and announces each new day of an alarmed mode. Idempotent; call it often. */
  tick(now: number = this.options.clock.now()): void {
    for (const state of [...this.states.values()]) {
      const node = this.options.fleet.node(state.nodeId)?.node;
      if (!node) continue;
      try {
        const expired = expiryDue(this.options.catalogue, state, now);
        if (expired && state.graceExpiresAt !== null) {
          this.enter(node, state, { to: expired, at: state.graceExpiresAt, cause: 'grace-expired', eventIds: [] }, now);
          continue;
        }
        const reminder = remind(this.context(node, now), state);
        if (reminder) this.save(reminder.next, reminder.events);
      } catch (error) {
        this.options.metrics?.failures.inc({ step: 'tick' });
        this.options.log?.error({ err: error, nodeId: state.nodeId }, 'licence countdown failed for a node; will try again');
      }
    }
    this.configWatch.remind(now);
    const hour = Math.floor(now / HOUR_MS);
    if (hour !== this.sampledHour) {
      this.sampledHour = hour;
      this.changed([...this.states.values()], now);
    }
  }

  /** A person says which mode a node is in (POST /api/v1/licences/:nodeId/assertions). Throws CodedError. */
  assertMode(nodeId: string, mode: LicenceState['mode'], by: { user: string; note: string | null; graceDaysRemaining?: number | undefined }): { state: LicenceState; transition: LicenceTransition | null } {
    return assertion(this, nodeId, mode, by);
  }

  /** Every state, for the API and InfluxDB. */
  list(): LicenceState[] {
    return [...this.states.values()];
  }

  get(nodeId: string, track: string): LicenceState | undefined {
    return this.states.get(stateKey(nodeId, track));
  }

  get catalogue(): CompiledLicenceCatalogue {
    return this.options.catalogue;
  }

  get escalation(): EscalationPolicy {
    return this.options.escalation;
  }

  get fleet(): FleetIndex {
    return this.options.fleet;
  }

  get knownIssue(): (ruleId: string) => SuspectNote | null {
    return this.options.knownIssue ?? (() => null);
  }

  get findings(): ReturnType<LicenceConfigWatch['current']> {
    return this.configWatch.current();
  }

  transitions(nodeId: string, limit: number): LicenceTransition[] {
    return this.options.store.listLicenceTransitions({ nodeId, limit });
  }

  /** Used by assertions: a change of mode made now, then the configuration checks again (sources may have moved). */
  changeMode(node: NodeConfig, state: LicenceState, entry: Entry): { state: LicenceState; transition: LicenceTransition } {
    const now = this.options.clock.now();
    const result = this.enter(node, state, entry, now);
    this.configWatch.check(this.effectiveSources(), now, { clearStale: false });
    return result;
  }

  /** Used by assertions and reports: the same mode with another end of grace. */
  adjustGrace(node: NodeConfig, state: LicenceState, daysLeft: number, at: number): LicenceState {
    const next = withGraceDaysRemaining(this.options.catalogue, state, daysLeft, at);
    const reminder = remind(this.context(node, at), next);
    this.save(reminder?.next ?? next, reminder?.events ?? []);
    return reminder?.next ?? next;
  }

  now(): number {
    return this.options.clock.now();
  }

  private observe(event: StoredEvent): void {
    if (event.nodeId === null) return;
    if (event.source === 'internal' && event.collector === LICENCE_COLLECTOR) return; // our own, coming back
    const node = this.options.fleet.node(event.nodeId)?.node;
    if (!node) return;
    const licence = this.get(node.id, LICENCE_TRACK);
    const facts: NodeFacts = { nodeId: node.id, role: node.role, platform: node.platform, version: node.version, licenceSource: licence?.licenceSource ?? node.licenceSource };
    for (const fired of this.options.catalogue.signalsOf(event, facts)) this.applySignal(node, fired, event);
    const report = modeReportOf(event);
    if (report) this.applyReport(node, report, event);
  }

  private applySignal(node: NodeConfig, fired: FiredSignal, event: StoredEvent): void {
    this.options.metrics?.signals.inc({ signal: fired.ref });
    const tracks = this.options.catalogue.tracksOf(fired.signal.id);
    for (const track of tracks) {
      const current = this.get(node.id, track);
      if (!current) continue;
      const now = this.options.clock.now();
      const evidence = { signal: fired.ref, eventId: event.id, at: event.receivedAt };
      const shortage = current.track === LICENCE_TRACK ? withShortage(current, fired, event) : { state: current, added: false, changed: false };
      const state = { ...shortage.state, lastEvidence: evidence, updatedAt: now };
      const rule = this.options.catalogue.transition(state.mode, fired.ref);
      if (rule) {
        const to = this.options.catalogue.mode(rule.to)!;
        const eventIds = [event.id, ...(to.licensed ? [] : shortageEventIds(state).filter((id) => id !== event.id))];
        this.enter(node, state, { to, at: event.receivedAt, cause: fired.ref, eventIds, suspect: rule.suspect }, now);
        continue;
      }
      const confirmed = state.suspect !== null && (shortage.added || this.options.catalogue.confirms(state.mode, fired.ref));
      const next = confirmed ? { ...state, suspect: null } : state;
      this.save(next, confirmed || shortage.changed ? reannounce(this.context(node, now), next) : []);
    }
  }

  private applyReport(node: NodeConfig, report: ModeReport, event: StoredEvent): void {
    const mode = this.options.catalogue.modeNamed(report.mode);
    if (!mode) {
      this.options.metrics?.ignored.inc({ reason: 'unknown-mode' });
      return;
    }
    const state = this.get(node.id, mode.track);
    if (!state) {
      this.options.metrics?.ignored.inc({ reason: 'track-not-applicable' });
      return;
    }
    const now = this.options.clock.now();
    if (mode.id !== state.mode) {
      const licenceSource = mode.licenceSources && !mode.licenceSources.includes(state.licenceSource) ? mode.licenceSources[0] : undefined;
      this.enter(node, state, { to: mode, at: event.receivedAt, cause: 'mode-report', eventIds: [event.id], graceDaysRemaining: report.graceDaysRemaining, ...(licenceSource && { licenceSource }) }, now);
      return;
    }
    if (report.graceDaysRemaining !== undefined && mode.grace && state.graceExpiresAt !== null) {
      const ours = daysRemaining(state.graceExpiresAt, event.receivedAt);
      if (ours !== report.graceDaysRemaining) this.adjustGrace(node, state, report.graceDaysRemaining, event.receivedAt);
    }
  }

  /** Starts nodes that have no state yet; starts afresh those whose configured licence source or mode changed. */
  private reconcile(now: number): void {
    for (const { node } of this.options.fleet.nodes()) {
      for (const track of this.options.catalogue.tracks) {
        const initial = this.options.catalogue.initialMode(track.id, node);
        if (!initial) continue;
        const existing = this.get(node.id, track.id);
        if (!existing) {
          const base = { nodeId: node.id, track: track.id, licenceSource: node.licenceSource, configuredSource: node.licenceSource };
          const state = freshState(base, initial.id, now);
          this.options.store.transaction(() => {
            this.options.store.insertLicenceTransition({ nodeId: node.id, track: track.id, at: now, fromMode: null, toMode: initial.id, cause: 'configured', eventIds: [], user: null, note: null });
            this.options.store.saveLicenceState(state);
          });
          this.states.set(stateKey(node.id, track.id), state);
          continue;
        }
        const sourceChanged = existing.configuredSource !== node.licenceSource;
        const modeGone = this.options.catalogue.mode(existing.mode)?.track !== track.id;
        if (!sourceChanged && !modeGone) continue;
        const cause = sourceChanged ? 'licence-source-changed' : 'catalogue-changed';
        this.enter(node, existing, { to: initial, at: now, cause, eventIds: [], licenceSource: node.licenceSource, configuredSource: node.licenceSource }, now);
      }
    }
  }

  private enter(node: NodeConfig, state: LicenceState, entry: Entry, now: number): { state: LicenceState; transition: LicenceTransition } {
    const plan = enterMode(this.context(node, now), state, entry);
    const transition = this.options.store.transaction(() => {
      const stored = this.options.store.insertLicenceTransition(plan.transition);
      this.options.store.saveLicenceState(plan.next);
      return stored;
    });
    this.states.set(stateKey(plan.next.nodeId, plan.next.track), plan.next);
    this.options.metrics?.transitions.inc({ track: plan.next.track, to: plan.next.mode });
    for (const event of plan.announce(transition)) this.send(event);
    this.changed([plan.next], now);
    return { state: plan.next, transition };
  }

  private save(state: LicenceState, events: FleetEvent[]): void {
    this.options.store.saveLicenceState(state);
    this.states.set(stateKey(state.nodeId, state.track), state);
    for (const event of events) this.send(event);
    if (events.length > 0) this.changed([state], state.updatedAt);
  }

  private changed(states: readonly LicenceState[], at: number): void {
    if (!this.options.onChange || states.length === 0) return;
    try {
      this.options.onChange(states, at);
    } catch (error) {
      this.options.metrics?.failures.inc({ step: 'on-change' });
      this.options.log?.error({ err: error }, 'a licence state listener failed');
    }
  }

  private send(event: FleetEvent): void {
    const result = this.options.emit(event);
    if (result === 'queue-full') {
      this.options.metrics?.dropped.inc({ code: event.code });
      this.options.log?.warn({ code: event.code, nodeId: event.nodeId }, 'pipeline queue full: a licence event was dropped; the next daily reminder repeats it');
    }
  }

  private context(node: NodeConfig, now: number): MachineContext {
    return { catalogue: this.options.catalogue, escalation: this.options.escalation, node, now, suspectNote: this.knownIssue };
  }

  private effectiveSources() {
    return this.options.fleet.nodes().map(({ node, customer }) => ({
      id: node.id,
      name: node.name,
      role: node.role,
      customerId: customer.id,
      licenceSource: this.get(node.id, LICENCE_TRACK)?.licenceSource ?? node.licenceSource,
    }));
  }
}
