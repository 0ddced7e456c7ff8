import type { FleetEvent } from '../events/fleet-event.js';
import { initialDecision, sequence, type Decision, type StageContext } from './decision.js';
import { clearStage } from './stages/clear.js';
import { flapStage } from './stages/flap.js';
import { inhibitStage } from './stages/inhibit.js';
import { matchRulesStage } from './stages/match-rules.js';
import { normaliseStage } from './stages/normalise.js';
import { notifyStage } from './stages/notify.js';
import { reduceStage } from './stages/reduce.js';
import { silenceStage } from './stages/silence.js';

/** The correlation stages, in order. Each is one file in stages/ and is tested alone. */
const stages = sequence(normaliseStage, matchRulesStage, reduceStage, clearStage, flapStage, inhibitStage, silenceStage, notifyStage);

export class CorrelationEngine {
  constructor(private readonly ctx: StageContext) {}

  decide(event: FleetEvent): Decision {
    return stages(initialDecision(event), this.ctx);
  }
}
