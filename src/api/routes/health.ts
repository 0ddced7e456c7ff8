import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../deps.js';

/** Liveness and a summary a NOC can read at a glance. */
export function healthRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Public: load balancers and monitoring probe it without credentials.
    app.get('/api/v1/health', { config: { public: true } }, async () => {
      const snapshot = deps.health();
      const alarms = deps.store.countAlarmsByState();
      return {
        status: 'ok',
        version: deps.version,
        startedAt: new Date(snapshot.startedAt).toISOString(),
        uptimeSeconds: Math.round((deps.now() - snapshot.startedAt) / 1000),
        pipeline: { queueDepth: snapshot.queueDepth, queueCapacity: snapshot.queueCapacity },
        collectors: snapshot.collectors,
        alarms,
        fleet: { nodes: deps.fleet.nodes().length },
      };
    });
  };
}
