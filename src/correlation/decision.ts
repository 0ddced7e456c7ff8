import type { Clock } from '../clock.js';
import type { FleetEvent } from '../events/fleet-event.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import type { AlarmRepository } from '../storage/store.js';
import type { Alarm, AlarmTransition } from './alarm.js';

/** A transition before it is stored (ids come from the store). */
export type PendingTransition = Omit<AlarmTransition, 'id' | 'alarmId' | 'eventId'>;

/**
 * What correlation decided about one event. Each stage takes the decision so
 * far and returns the next one; the pipeline stores the final decision.
 */
export interface Decision {
  event: FleetEvent;
  reductionKey: string | null;
  /** The alarm as it should be after this event: `id` 0 means "new, not stored yet". */
  alarm: Alarm | null;
  transitions: PendingTransition[];
}

export interface StageContext {
  clock: Clock;
  fleet: FleetIndex;
  alarms: AlarmRepository;
}

/** One step of correlation: pure apart from reads through ctx. */
export type Stage = (decision: Decision, ctx: StageContext) => Decision;

/** Runs stages in order. */
export function sequence(...stages: Stage[]): Stage {
  return (decision, ctx) => stages.reduce((current, stage) => stage(current, ctx), decision);
}
