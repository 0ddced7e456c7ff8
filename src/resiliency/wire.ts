import type { Logger } from 'pino';
import type { EmitResult } from '../../collectors/types.js';
import type { Clock } from '../clock.js';
import type { FleetEvent } from '../events/fleet-event.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { InfluxWiring } from '../sinks/influxdb/wire.js';
import { retentionCutoffs } from '../storage/retention-cutoffs.js';
import type { RetentionPolicy } from '../storage/store.js';
import type { ResiliencyConfig } from './config.js';
import { ResiliencyEngine } from './engine.js';
import { resiliencyPoint } from './influx-points.js';
import type { ResiliencyRepository } from './resiliency-repository.js';
import { timingOf } from './timing.js';

/** Closed incidents older than the retention are deleted this often. */
const RETENTION_EVERY_MS = 3_600_000;

export interface ResiliencyWiringDeps {
  config: ResiliencyConfig;
  /** storage.retention: closed incidents are deleted after clearedAlarmsDays, as cleared alarms are. */
  retention: RetentionPolicy;
  fleet: FleetIndex;
  clock: Clock;
  log: Logger;
  /** The store: incidents are saved at every change, and open ones resume at start. */
  repository: ResiliencyRepository;
  pipeline: Pick<Pipeline, 'addListener' | 'offer'>;
  /** The InfluxDB sink's typed writer (ipo_resiliency_incident). */
  write: InfluxWiring['write'];
}

/** The resiliency engine as main.ts needs it: listening to the pipeline, emitting into it, with its timer. Call after pipeline.start(). */
export function wireResiliencyEngine(deps: ResiliencyWiringDeps): { engine: ResiliencyEngine; stop(): void } {
  const engine = new ResiliencyEngine({
    fleet: deps.fleet,
    clock: deps.clock,
    repository: deps.repository,
    timing: timingOf(deps.config),
    emit: (event: FleetEvent): EmitResult => deps.pipeline.offer(event),
    log: deps.log.child({ component: 'resiliency' }),
    onChange: (incident, entry) => deps.write('resiliencyIncident', [resiliencyPoint(deps.fleet, incident, entry)]),
  });
  deps.pipeline.addListener((recorded) => engine.onRecorded(recorded));
  // Resumes the incidents open at the last stop; failovers and failbacks that fell due meanwhile happen now, at their time.
  engine.start();
  const prune = () => {
    try {
      engine.applyRetention(retentionCutoffs(deps.retention, deps.clock.now()).clearedAlarms);
    } catch (error) {
      deps.log.error({ err: error, component: 'resiliency' }, 'could not delete old resiliency incidents; retrying in an hour');
    }
  };
  prune();
  const timers = [setInterval(() => engine.tick(), deps.config.checkIntervalSeconds * 1000), setInterval(prune, RETENTION_EVERY_MS)];
  for (const timer of timers) timer.unref();
  return { engine, stop: () => timers.forEach((timer) => clearInterval(timer)) };
}
