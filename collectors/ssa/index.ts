import { CodedError } from '../../src/errors.js';
import type { Collector, CollectorContext, CollectorFactory, Endpoint } from '../types.js';
import { collectTokens, createTokenCheck } from './auth.js';
import { ssaConfigSchema, type SsaConfig } from './config.js';
import { fleetLookup } from './fleet-lookup.js';
import { createFolderWatcher, type FolderWatcher } from './folder-watcher.js';
import { SsaIngest } from './ingest.js';
import type { SsaIngestApi, SsaIngestSource } from './ssa-api.js';
import { createSsaMetrics } from './ssa-metrics.js';

/** SSA alarm feed: snapshots of System Status alarm lists by HTTP POST and a drop folder (README.md). */
export const ssaCollector: CollectorFactory<SsaConfig> = {
  type: 'ssa',
  configSchema: ssaConfigSchema,
  create: (config, ctx) => createSsaCollector(config, ctx),
};

const UNAUTHORIZED = {
  missing: 'send the token as "Authorization: Bearer <token>" (collectors.ssa.tokens)',
  wrong: 'the bearer token is not one of collectors.ssa.tokens',
  'none-configured': 'no API token is configured: add one to collectors.ssa.tokens (or collectors.ssa.tokenEnv)',
} as const;

export function createSsaCollector(config: SsaConfig, ctx: CollectorContext, env: NodeJS.ProcessEnv = process.env): Collector & SsaIngestSource {
  if (!ctx.store || !ctx.fleet) throw new Error('the ssa collector needs the store and the fleet in its context');
  const metrics = createSsaMetrics(ctx.registry);
  const ingest = new SsaIngest({ ctx, store: ctx.store, lookup: fleetLookup(ctx.fleet), metrics, storeWaitMs: config.storeWaitSeconds * 1000 });
  const { tokens, missingEnv } = collectTokens(config.tokens, config.tokenEnv, env);
  const check = createTokenCheck(tokens);
  let watcher: FolderWatcher | null = null;
  let stopping = false;

  const ssa: SsaIngestApi = {
    authorise(authorization) {
      if (stopping) return new CodedError('IPO_ERR_OVERLOADED', 'ipo-observer is stopping; send the snapshot again once it is back');
      const result = check(authorization);
      if (result === 'ok') return null;
      ctx.metrics.received();
      ctx.metrics.refused('unauthorized');
      return new CodedError('IPO_ERR_UNAUTHORIZED', UNAUTHORIZED[result]);
    },
    ingest: (request) => ingest.ingest(request),
    refused: (reason) => {
      ctx.metrics.received();
      ctx.metrics.refused(reason);
    },
  };

  return {
    ssa,
    async start() {
      if (missingEnv) throw new CodedError('IPO_ERR_COLLECTOR_BIND_FAILED', `ssa: collectors.ssa.tokenEnv names ${missingEnv}, which is not set or empty`);
      if (watcher || !config.dropFolder.enabled || config.dropFolder.path === null) return;
      const created = createFolderWatcher({ ...config.dropFolder, path: config.dropFolder.path }, ingest, ctx);
      await created.start();
      watcher = created;
    },
    async stop() {
      stopping = true;
      const running = watcher;
      watcher = null;
      await running?.stop();
      // Lets snapshots already accepted be remembered while the pipeline still drains (main stops collectors first).
      await ingest.settle(config.storeWaitSeconds * 1000);
    },
    endpoints(): Endpoint[] {
      return watcher ? [{ transport: 'folder', address: '', path: watcher.path }] : [];
    },
  };
}
