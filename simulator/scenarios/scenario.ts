import type { SimContext } from '../context.js';
import type { FleetSizes } from '../fleet/sim-fleet.js';
import type { Impairment } from '../wire/rtcp-call.js';

/** Knobs a scenario reads; all in scenario seconds (the run's time scale divides them). */
export interface ScenarioOptions {
  /** How long the failed thing stays failed before it comes back. */
  outageSeconds: number;
  /** Scenario seconds per day of licence grace (weblm-grace). */
  secondsPerGraceDay: number;
  /** Impairment of the calls a failure spoils, and of the poor share of background calls. */
  impairment: Impairment;
  /** Share of background calls with poor quality, 0..1. */
  poorShare: number;
}

export interface Scenario {
  name: string;
  summary: string;
  /** The fleet it needs, from the one asked for (the storm has its own size). */
  sizes(asked: FleetSizes): FleetSizes;
  run(ctx: SimContext, options: ScenarioOptions): Promise<void>;
}
