import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { EmitResult } from '../../collectors/types.js';
import { LICENCE_STATES_FILE } from '../../rules/licence-load.js';
import type { KnownIssueRule } from '../../rules/schema.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config/schema.js';
import { SHIPPED_RULES_DIR } from '../correlation/known-issue-rules.js';
import type { FleetEvent } from '../events/fleet-event.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import type { MetricsRegistry } from '../metrics/registry.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { InfluxWiring } from '../sinks/influxdb/wire.js';
import type { Store } from '../storage/store.js';
import type { CompiledLicenceCatalogue } from './catalogue.js';
import { LicenceEngine } from './engine.js';
import { licencePoints } from './influx-points.js';
import { registerLicenceMetrics } from './licence-metrics.js';
import { loadLicenceCatalogue, suspectNoteOf } from './load.js';
import { startLicenceTimer } from './timer.js';

/**
 * `<rulesDir>/licence-states.yaml`, or the shipped one when a custom rules folder has none. Throws CodedError
 * (IPO_ERR_RULES_*) when the file is invalid: the stack does not start on a broken state machine.
 */
export function loadLicenceCatalogueFor(rulesDir: string, log: Logger): CompiledLicenceCatalogue {
  if (existsSync(join(rulesDir, LICENCE_STATES_FILE))) return loadLicenceCatalogue(rulesDir);
  log.info({ rulesDir, using: SHIPPED_RULES_DIR }, `no ${LICENCE_STATES_FILE} in the rules folder; using the shipped licence catalogue`);
  return loadLicenceCatalogue(SHIPPED_RULES_DIR);
}

export interface LicenceWiringDeps {
  catalogue: CompiledLicenceCatalogue;
  store: Store;
  fleet: FleetIndex;
  clock: Clock;
  log: Logger;
  registry: MetricsRegistry;
  pipeline: Pick<Pipeline, 'addListener' | 'offer'>;
  /** A known-issue rule by id, from the catalogue in force (for the suspect flag). */
  knownIssue: (ruleId: string) => KnownIssueRule | undefined;
  /** The InfluxDB sink's typed writer (ipo_licence). */
  write: InfluxWiring['write'];
}

/** The licence engine as main.ts needs it: listening to the pipeline, emitting into it, counting down. Call after pipeline.start(). */
export function wireLicenceEngine(config: Config, deps: LicenceWiringDeps): { engine: LicenceEngine; stop(): void } {
  const log = deps.log.child({ component: 'licence' });
  const engine: LicenceEngine = new LicenceEngine({
    catalogue: deps.catalogue,
    fleet: deps.fleet,
    store: deps.store,
    clock: deps.clock,
    emit: (event: FleetEvent): EmitResult => deps.pipeline.offer(event),
    escalation: config.licence.escalation,
    knownIssue: (id) => suspectNoteOf(deps.knownIssue(id)),
    log,
    // The gauge reads the engine when scraped, after construction.
    metrics: registerLicenceMetrics(deps.registry, () => engine.list()),
    onChange: (states, at) => deps.write('licence', licencePoints(states, deps.fleet, deps.catalogue, at)),
  });
  deps.pipeline.addListener((recorded) => engine.onRecorded(recorded));
  engine.start();
  return { engine, stop: startLicenceTimer(engine, config.licence.checkIntervalSeconds) };
}
