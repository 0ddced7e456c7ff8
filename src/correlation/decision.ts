import type { Clock } from '../clock.js';
import type { FleetEvent } from '../events/fleet-event.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import type { AlarmRepository } from '../storage/store.js';
import type { Alarm, AlarmTransition, TransitionKind } from './alarm.js';
import type { NotificationStatus } from './notification.js';
import type { CorrelationConfig, InhibitRule } from './policy.js';
import type { RecurringWindow } from './recurring-window.js';
import type { NodeFacts, RuleMatch, RuleMatcher } from './rule-matcher.js';
import type { Silence } from './silence.js';

/** A transition before it is stored (ids come from the store). */
export type PendingTransition = Omit<AlarmTransition, 'id' | 'alarmId' | 'eventId'>;

/** Why a notification is held back; the first hold found is the reason shown. */
export interface Hold {
  kind: 'benign' | 'flapping' | 'inhibited' | 'silenced' | 'maintenance';
  reason: string;
}

export interface PendingNotification {
  /** Index into Decision.transitions of the transition this notification announces. */
  transitionIndex: number;
  kind: TransitionKind;
  status: NotificationStatus;
  reason: string;
}

/**
 * What correlation decided about one event. Each stage takes the decision so
 * far and returns the next one; the pipeline stores the final decision.
 */
export interface Decision {
  event: FleetEvent;
  node: NodeFacts | null;
  /** Known-issue rules that matched the event. */
  matches: RuleMatch[];
  reductionKey: string | null;
  /** The alarm as it should be after this event: `id` 0 means "new, not stored yet". */
  alarm: Alarm | null;
  transitions: PendingTransition[];
  holds: Hold[];
  notifications: PendingNotification[];
}

/** The reads correlation needs; the store provides them. */
export type CorrelationReads = AlarmRepository;

export interface StageContext {
  clock: Clock;
  fleet: FleetIndex;
  alarms: CorrelationReads;
  /** The current rule matcher (replaced on reload). */
  rules: () => RuleMatcher;
  /** Silences and maintenance windows, active or not; stages check the time. */
  silences: () => readonly Silence[];
  /** Recurring maintenance windows from the configuration (notifiers.maintenanceWindows); none when absent. */
  maintenanceWindows?: () => readonly RecurringWindow[];
  policy: Pick<CorrelationConfig, 'reoccurrence' | 'flapping'>;
  inhibitRules: readonly InhibitRule[];
  /** Root-cause holds from the resiliency engine (src/resiliency/): a symptom of an open incident, or null. */
  resiliency?: ResiliencyHolds;
}

/** What the resiliency engine tells correlation: which alarms are symptoms of an open incident, and which are its own root causes. */
export interface ResiliencyHolds {
  /** The incident hold of a (non-resiliency) alarm, or null; severity, entity and text tell a loss that opens an incident. */
  holdOf(alarm: Pick<Alarm, 'id' | 'nodeId' | 'code' | 'category'> & Partial<Pick<Alarm, 'severity' | 'entity' | 'text'>>): { incidentId: string; reason: string } | null;
  /** True for the engine's own alarms: a root cause is never inhibited by its symptoms. */
  isRootCause(alarm: Pick<Alarm, 'code'>): boolean;
}

/** One step of correlation: pure apart from reads through ctx. */
export type Stage = (decision: Decision, ctx: StageContext) => Decision;

/** Runs stages in order. */
export function sequence(...stages: Stage[]): Stage {
  return (decision, ctx) => stages.reduce((current, stage) => stage(current, ctx), decision);
}

export function initialDecision(event: FleetEvent): Decision {
  return { event, node: null, matches: [], reductionKey: null, alarm: null, transitions: [], holds: [], notifications: [] };
}
