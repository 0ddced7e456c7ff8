import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Clock } from '../../src/clock.js';
import type { ResiliencyHolds } from '../../src/correlation/decision.js';
import type { InhibitRule } from '../../src/correlation/policy.js';
import type { RecurringWindow } from '../../src/correlation/recurring-window.js';
import type { Silence } from '../../src/correlation/silence.js';
import { CodedError } from '../../src/errors.js';
import type { FleetIndex } from '../../src/fleet/fleet-index.js';
import type { MetricsRegistry } from '../../src/metrics/registry.js';
import type { Store } from '../../src/storage/store.js';
import { Dispatcher } from '../dispatcher.js';
import type { DispatchProfile, MessageRenderer } from '../message-renderer.js';
import { NotifierLoop } from '../notifier-loop.js';
import { createNotifierMetrics } from '../notifier-metrics.js';
import type { RunningNotifier } from '../running-notifier.js';
import { Sender } from '../sender.js';
import type { Transport } from '../transport.js';
import type { EmailConfig } from './config.js';
import { renderAlarms, renderDigest, renderMaintenanceSummary, type RenderProfile } from './render.js';
import { readCaFile, resolvePassword } from './secrets.js';
import { folderTransport, smtpTransport } from './send.js';
import { emailConfigWarnings } from './warnings.js';

export const EMAIL_NOTIFIER = 'email';
const DEFAULT_TICK_MS = 500;
const PRUNE_EVERY_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface EmailNotifierDeps {
  store: Store;
  fleet: FleetIndex;
  clock: Clock;
  log: Logger;
  metrics: MetricsRegistry;
  dataDir: string;
  publicUrl: string;
  inhibitRules: readonly InhibitRule[];
  silences: () => readonly Silence[];
  maintenanceWindows: () => readonly RecurringWindow[];
  /** Root-cause holds of the resiliency engine, checked again at send time. */
  resiliency?: ResiliencyHolds | undefined;
  env?: NodeJS.ProcessEnv;
  random?: () => number;
  tickMs?: number;
  /** Tests: where messages go instead of the configured transport. */
  transport?: Transport;
  /** Sent and failed messages older than this are deleted (hourly); their deliveries keep their status. */
  keepMessagesDays?: number;
}

function buildTransport(config: EmailConfig, outboxFolder: string, env: NodeJS.ProcessEnv | undefined): Transport {
  const t = config.transport;
  if (t.kind === 'folder') {
    try {
      mkdirSync(outboxFolder, { recursive: true });
    } catch (error) {
      throw new CodedError('IPO_ERR_NOTIFIER_CONFIG', `the email outbox folder ${outboxFolder} cannot be created: ${(error as Error).message}`, { cause: error });
    }
    return folderTransport(outboxFolder, config.from);
  }
  return smtpTransport(t, config.from, { password: t.auth ? resolvePassword(t.auth, env) : null, ca: readCaFile(t.caFile) });
}

function renderer(config: EmailConfig, publicUrl: string): MessageRenderer {
  const profiles = new Map(config.profiles.map((p) => [p.id, { id: p.id, name: p.name, categories: p.categories, minSeverity: p.minSeverity } satisfies RenderProfile]));
  const ctx = (p: DispatchProfile) => ({ profile: profiles.get(p.id)!, publicUrl });
  return {
    alarms: (p, kind, label, items) => renderAlarms(ctx(p), kind, label, items),
    digest: (p, input) => renderDigest(ctx(p), input),
    maintenanceSummary: (p, input) => renderMaintenanceSummary(ctx(p), input),
  };
}

/**
 * The email notifier: the dispatcher (grouping, brake, digests, maintenance
 * summaries) with the email renderer, and a sender on nodemailer (SMTP) or on
 * the outbox folder. Throws IPO_ERR_NOTIFIER_CONFIG when a secret or a folder
 * is missing. Returns null when notifiers.email.enabled is false.
 */
export function createEmailNotifier(config: EmailConfig, deps: EmailNotifierDeps): RunningNotifier | null {
  if (!config.enabled) return null;
  const log = deps.log.child({ component: 'notifier', notifier: EMAIL_NOTIFIER });
  for (const warning of emailConfigWarnings(config)) log.warn({ warning }, 'email configuration warning');
  const outboxFolder = config.outboxFolder ?? join(deps.dataDir, 'outbox');
  const transport = deps.transport ?? buildTransport(config, outboxFolder, deps.env);
  const metrics = createNotifierMetrics(deps.metrics);
  const profiles: DispatchProfile[] = config.profiles.map((p) => ({ ...p, recipients: p.to }));
  const dispatcher = new Dispatcher(
    { notifier: EMAIL_NOTIFIER, store: deps.store, fleet: deps.fleet, render: renderer(config, deps.publicUrl), publicUrl: deps.publicUrl, log, deliveries: metrics.deliveries, messages: metrics.messages },
    {
      profiles,
      timing: { groupWaitMs: config.groupWaitSeconds * 1000, groupIntervalMs: config.groupIntervalSeconds * 1000, repeatIntervalMs: config.repeatIntervalHours * 3_600_000 },
      brake: { maxPerInterval: config.brake.maxPerInterval, intervalMs: config.brake.intervalMinutes * 60_000 },
      alarms: deps.store,
      inhibitRules: deps.inhibitRules,
      silences: deps.silences,
      maintenanceWindows: deps.maintenanceWindows,
      resiliency: deps.resiliency,
    },
  );
  dispatcher.restore(deps.clock.now());
  metrics.watch(EMAIL_NOTIFIER, () => dispatcher.grouped(), profiles.map((p) => ({ profile: p.id, braking: () => dispatcher.braking(p.id) })));
  const sender = new Sender({ notifier: EMAIL_NOTIFIER, store: deps.store, transport, clock: deps.clock, retry: config.retry, log, attempts: metrics.attempts, ...(deps.random && { random: deps.random }) });
  let prunedAt = Number.NEGATIVE_INFINITY;
  const loop = new NotifierLoop(
    async () => {
      const now = deps.clock.now();
      if (deps.keepMessagesDays !== undefined && now - prunedAt >= PRUNE_EVERY_MS) {
        prunedAt = now;
        const pruned = deps.store.pruneMessages(now - deps.keepMessagesDays * DAY_MS);
        if (pruned > 0) log.info({ pruned }, 'old emails removed from the store');
      }
      dispatcher.step(now);
      await sender.sendDue();
    },
    deps.tickMs ?? DEFAULT_TICK_MS,
    log,
  );
  return {
    name: EMAIL_NOTIFIER,
    description: transport.description,
    start() {
      log.info({ transport: transport.description, profiles: profiles.map((p) => p.id) }, 'email notifier started');
      loop.start();
    },
    tick: () => loop.tick(),
    wake: () => loop.wake(),
    async stop() {
      sender.stop();
      await loop.stop();
      transport.close();
    },
  };
}
