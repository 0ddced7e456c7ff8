import type { Logger } from 'pino';
import type { EmitResult } from '../../../collectors/types.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config/schema.js';
import type { FleetEvent } from '../../events/fleet-event.js';
import type { FleetIndex } from '../../fleet/fleet-index.js';
import type { MetricsRegistry } from '../../metrics/registry.js';
import type { Pipeline } from '../../pipeline/pipeline.js';
import type { Store } from '../../storage/store.js';
import { createInfluxSink } from './index.js';
import type { InfluxSink } from './sink.js';
import { observeTransitions } from './observe-transitions.js';

/** Open alarms sampled per run into ipo_alarms_open; a fleet with more open alarms than this is undercounted. */
const MAX_OPEN_ALARMS_SAMPLED = 10_000;

export interface InfluxWiring {
  /** The store to give the API and the stale-alarm timer: their transitions become points too. */
  store: Store;
  /** Listens to the pipeline's stored batches and starts the sink (replaying what an earlier run left). */
  attach(pipeline: Pipeline): void;
  /** After the pipeline has drained: a last sample, then the spool is sent until the deadline. */
  stop(): Promise<void>;
  /** Typed points from the engines that produce measurements (licences: ipo_licence); a no-op when the sink is off. */
  write: InfluxSink['write'];
}

/** The InfluxDB sink as main.ts needs it; when sinks.influxdb.enabled is false, a no-op and the store unchanged. */
export function wireInfluxSink(
  config: Config,
  deps: { store: Store; fleet: FleetIndex; log: Logger; registry: MetricsRegistry; clock: Clock; offer: (event: FleetEvent) => EmitResult },
): InfluxWiring {
  if (!config.sinks.influxdb.enabled) return { store: deps.store, attach: () => undefined, stop: async () => undefined, write: () => undefined };
  const sink = createInfluxSink(config.sinks.influxdb, config.storage.dataDir, {
    fleet: deps.fleet,
    log: deps.log.child({ component: 'influxdb' }),
    registry: deps.registry,
    clock: deps.clock,
    emit: deps.offer,
    openAlarms: () => deps.store.listAlarms({ open: true, limit: MAX_OPEN_ALARMS_SAMPLED }),
  });
  return {
    store: observeTransitions(deps.store, (items) => sink.transitions(items)),
    attach(pipeline) {
      pipeline.addListener((recorded) => sink.recorded(recorded));
      sink.start();
    },
    stop: () => sink.stop(),
    write: (kind, points) => sink.write(kind, points),
  };
}
