import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { thresholdsResolver } from '../collectors/rtcp/thresholds.js';
import { ssaIngestOf } from '../collectors/ssa/ssa-api.js';
import { isInventorySource, type Endpoint } from '../collectors/types.js';
import { buildApp } from './api/app.js';
import { authEnabled } from './api/auth/config.js';
import { AuditLog, SYSTEM_ACTOR } from './audit/audit-log.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config/schema.js';
import type { ResiliencyHolds } from './correlation/decision.js';
import { CorrelationEngine } from './correlation/engine.js';
import { loadKnownIssueRules, rulesDirOf } from './correlation/known-issue-rules.js';
import { RulesHolder } from './correlation/rules-holder.js';
import { SilenceCache } from './correlation/silence-cache.js';
import { startStaleAlarmTimer } from './correlation/stale-timer.js';
import { CodedError } from './errors.js';
import { FleetIndex } from './fleet/fleet-index.js';
import { loadLicenceCatalogueFor, wireLicenceEngine } from './licence/wire.js';
import { isRootCause } from './resiliency/holds.js';
import { wireResiliencyEngine } from './resiliency/wire.js';
import { registerCollectorMetrics } from './metrics/collector-metrics.js';
import { MetricsRegistry } from './metrics/registry.js';
import { createCollectors, type RunningCollector } from './pipeline/collectors.js';
import { Lifecycle } from './pipeline/lifecycle.js';
import { Pipeline } from './pipeline/pipeline.js';
import { PipelineMetrics } from './pipeline/pipeline-metrics.js';
import { createPhoneDirectory } from './qos/phone-directory.js';
import { qosTrapListener } from './qos/trap-merge.js';
import { wireInfluxSink } from './sinks/influxdb/wire.js';
import { startRetention } from './storage/retention-timer.js';
import { openSqliteStore } from './storage/sqlite-store.js';
import { VERSION } from './version.js';
import { LiveBroadcaster } from './web/live/broadcaster.js';
import { createEmailNotifier } from '../notifiers/email/index.js';
import type { RunningNotifier } from '../notifiers/running-notifier.js';

export interface RunningStack {
  /** Loads the rule catalogues again (SIGHUP); the old rules stay if the new ones are invalid. */
  reloadRules(): boolean;
  http: { address: string; port: number };
  collectors: Array<{ type: string; endpoints: Endpoint[] }>;
  /** Stops collectors, drains the queue into the store, closes HTTP and the store. */
  stop(): Promise<void>;
}

/**
 * The composition root: the only place that builds the parts and wires them.
 * Start order is downstream first (store, engine, pipeline, sinks, HTTP) and
 * collectors last. Each part registers its stop with the lifecycle as soon as
 * it exists, so a failed start stops exactly what was started, and a normal
 * stop runs collectors → engines → pipeline drain → notifiers → sinks → HTTP
 * → timers → store, so nothing accepted is dropped.
 */
export async function startStack(config: Config, log: Logger, clock: Clock = systemClock): Promise<RunningStack> {
  const lifecycle = new Lifecycle(log);
  try {
    return await assemble(config, log, clock, lifecycle);
  } catch (error) {
    await lifecycle.stop();
    throw error;
  }
}

async function assemble(config: Config, log: Logger, clock: Clock, lifecycle: Lifecycle): Promise<RunningStack> {
  const startedAt = clock.now();
  const store = openSqliteStore(config.storage.dataDir);
  lifecycle.onStop('store', () => store.close());
  lifecycle.onStop('timers', startRetention(store, config.storage.retention, clock, log));
  const fleet = new FleetIndex(config.fleet);
  const metrics = new MetricsRegistry();
  let pipeline: Pipeline | null = null;
  const influx = wireInfluxSink(config, { store, fleet, log, registry: metrics, clock, offer: (event) => pipeline?.offer(event) ?? 'queue-full' });
  lifecycle.onStop('sinks', () => influx.stop());

  const rulesDir = rulesDirOf(config.correlation.rulesDir);
  const audit = new AuditLog(store, () => clock.now(), log.child({ component: 'audit' }));
  const rules = new RulesHolder(
    () => loadKnownIssueRules(rulesDir),
    log.child({ component: 'rules' }),
    metrics.counter('ipo_rules_reloads_total', 'Rule catalogue reloads, by result'),
    ({ trigger, ok, rules: count, error }) =>
      audit.recordQuietly({ actor: SYSTEM_ACTOR, action: 'rules.reload', target: 'rules', detail: { trigger, result: ok ? 'ok' : 'invalid', rules: count, ...(error ? { error } : {}) } }),
  );
  const licenceCatalogue = loadLicenceCatalogueFor(rulesDir, log);
  rules.watch(rulesDir);
  lifecycle.onStop('timers', () => rules.close());
  const silences = new SilenceCache(store, clock);
  // The resiliency engine needs the pipeline, correlation needs its holds: bound once both exist.
  let resiliency: ReturnType<typeof wireResiliencyEngine> | null = null;
  const resiliencyHolds: ResiliencyHolds = { holdOf: (alarm) => resiliency?.engine.holds().holdOf(alarm) ?? null, isRootCause };
  const engine = new CorrelationEngine({
    clock,
    fleet,
    alarms: store,
    rules: () => rules.current().matcher,
    silences: () => silences.list(),
    maintenanceWindows: () => config.notifiers.maintenanceWindows,
    policy: config.correlation,
    inhibitRules: config.correlation.inhibitRules,
    resiliency: resiliencyHolds,
  });
  lifecycle.onStop('timers', startStaleAlarmTimer(influx.store, config.correlation.staleAlarms, clock, log));

  const running = new Pipeline({
    store,
    engine,
    queueCapacity: config.pipeline.queueCapacity,
    batchSize: config.pipeline.batchSize,
    log: log.child({ component: 'pipeline' }),
    metrics: new PipelineMetrics(metrics),
  });
  pipeline = running;
  influx.attach(running);
  // IP Office QoS notifications (SNMP) merge into the call records RTCP builds.
  running.addListener(qosTrapListener(store, fleet));
  // Alarm changes to the web UI's open pages (server-sent events).
  const live = new LiveBroadcaster();
  running.addListener((recorded) => live.onRecorded(recorded));
  running.start();
  lifecycle.onStop('pipeline', () => running.stop());
  const licence = wireLicenceEngine(config, { catalogue: licenceCatalogue, store, fleet, clock, log, registry: metrics, pipeline: running, knownIssue: (id) => rules.current().rule(id), write: influx.write });
  lifecycle.onStop('engines', () => licence.stop());
  const wiredResiliency = wireResiliencyEngine({ config: config.resiliency, retention: config.storage.retention, fleet, clock, log, repository: store, pipeline: running, write: influx.write });
  resiliency = wiredResiliency;
  lifecycle.onStop('engines', () => wiredResiliency.stop());

  // A missing SMTP secret fails the start (IPO_ERR_NOTIFIER_CONFIG) before HTTP or any collector opens.
  const notifier: RunningNotifier | null = createEmailNotifier(config.notifiers.email, {
    store,
    fleet,
    clock,
    log,
    metrics,
    dataDir: config.storage.dataDir,
    publicUrl: config.server.publicUrl,
    inhibitRules: config.correlation.inhibitRules,
    silences: () => silences.list(),
    maintenanceWindows: () => config.notifiers.maintenanceWindows,
    resiliency: resiliencyHolds,
    keepMessagesDays: config.storage.retention.eventsDays,
  });
  // After the drain, so what the last batch made pending is claimed next start; waits for the send in flight.
  lifecycle.onStop('notifiers', () => notifier?.stop());
  // A batch that made outbox rows pending wakes the notifier at once instead of at its next tick (up to 500 ms).
  if (notifier) {
    running.addListener((recorded) => {
      if (recorded.some((r) => r.pendingNotifications > 0)) notifier.wake();
    });
  }

  let collectors: RunningCollector[] = [];
  const inventoryOf = (nodeId: string) => {
    for (const { collector } of collectors) if (isInventorySource(collector)) return collector.inventory(nodeId);
    return null;
  };
  const app: FastifyInstance = await buildApp(
    {
      store: influx.store,
      fleet,
      silences,
      inventory: inventoryOf,
      knownIssues: (node) => rules.current().exposures(node),
      ssaIngest: ssaIngestOf(() => collectors),
      licence: licence.engine,
      resiliency: wiredResiliency.engine,
      live,
      qosThresholds: thresholdsResolver(config.collectors.rtcp),
      metrics,
      version: VERSION,
      auth: { config: config.server.auth, publicUrl: config.server.publicUrl },
      trustedProxies: config.server.http.trustedProxies,
      audit,
      now: () => clock.now(),
      health: () => ({
        startedAt,
        queueDepth: running.depth,
        queueCapacity: config.pipeline.queueCapacity,
        collectors: collectors.map(({ type, collector }) => ({ type, endpoints: collector.endpoints() })),
      }),
    },
    log.child({ component: 'http' }),
  );
  lifecycle.onStop('http', () => app.close());
  await app.listen({ host: config.server.http.listenAddress, port: config.server.http.port }).catch((error: unknown) => {
    throw new CodedError('IPO_ERR_HTTP_BIND_FAILED', `HTTP server cannot listen on ${config.server.http.listenAddress}:${config.server.http.port}: ${(error as Error).message}`, { cause: error });
  });
  const address = app.server.address();
  const http = typeof address === 'object' && address ? { address: address.address, port: address.port } : { address: config.server.http.listenAddress, port: config.server.http.port };
  log.info({ component: 'http', ...http, authentication: authEnabled(config.server.auth) ? 'on' : 'off (loopback)' }, 'http listening');

  notifier?.start(); // before the collectors, so nothing they feed waits for it

  // RTCP attribution: the phone tables SNMP polling learns, found through whichever collector has inventories.
  const phones = createPhoneDirectory(fleet, inventoryOf, clock);
  collectors = createCollectors(config, { pipeline: running, log, clock, metrics: registerCollectorMetrics(metrics), registry: metrics, fleet, store, phones });
  for (const { type, collector } of collectors) {
    lifecycle.onStop('collectors', () => collector.stop());
    await collector.start();
    for (const endpoint of collector.endpoints()) log.info({ collector: type, ...endpoint }, 'collector listening');
  }
  return {
    http,
    collectors: collectors.map(({ type, collector }) => ({ type, endpoints: collector.endpoints() })),
    stop: () => lifecycle.stop(),
    reloadRules: () => rules.reload('SIGHUP'),
  };
}
