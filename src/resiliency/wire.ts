import type { Logger } from 'pino';
import type { EmitResult } from '../../collectors/types.js';
import type { Clock } from '../clock.js';
import type { FleetEvent } from '../events/fleet-event.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { InfluxWiring } from '../sinks/influxdb/wire.js';
import { MemoryResiliencyRepository, ResiliencyEngine } from './engine.js';
import { resiliencyPoint } from './influx-points.js';

/** How often the failover and failback timers are checked. */
const TICK_MS = 15_000;

export interface ResiliencyWiringDeps {
  fleet: FleetIndex;
  clock: Clock;
  log: Logger;
  pipeline: Pick<Pipeline, 'addListener' | 'offer'>;
  /** The InfluxDB sink's typed writer (ipo_resiliency_incident). */
  write: InfluxWiring['write'];
}

/** The resiliency engine as main.ts needs it: listening to the pipeline, emitting into it, with its timer. Call after pipeline.start(). */
export function wireResiliencyEngine(deps: ResiliencyWiringDeps): { engine: ResiliencyEngine; stop(): void } {
  const engine = new ResiliencyEngine({
    fleet: deps.fleet,
    clock: deps.clock,
    // In memory for now: incidents open at a restart are not resumed (see src/resiliency/README.md).
    repository: new MemoryResiliencyRepository(),
    emit: (event: FleetEvent): EmitResult => deps.pipeline.offer(event),
    log: deps.log.child({ component: 'resiliency' }),
    onChange: (incident, entry) => deps.write('resiliencyIncident', [resiliencyPoint(deps.fleet, incident, entry)]),
  });
  deps.pipeline.addListener((recorded) => engine.onRecorded(recorded));
  engine.start();
  const timer = setInterval(() => engine.tick(), TICK_MS);
  timer.unref();
  return { engine, stop: () => clearInterval(timer) };
}
