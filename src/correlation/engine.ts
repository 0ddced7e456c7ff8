import type { FleetEvent } from '../events/fleet-event.js';
import { sequence, type Decision, type StageContext } from './decision.js';
import { clearStage } from './stages/clear.js';
import { normaliseStage } from './stages/normalise.js';
import { reduceStage } from './stages/reduce.js';

/** The correlation stages in order. Later issues add rules, flap detection, inhibition and silences here. */
const pipeline = sequence(normaliseStage, reduceStage, clearStage);

export class CorrelationEngine {
  constructor(private readonly ctx: StageContext) {}

  decide(event: FleetEvent): Decision {
    return pipeline({ event, reductionKey: null, alarm: null, transitions: [] }, this.ctx);
  }
}
