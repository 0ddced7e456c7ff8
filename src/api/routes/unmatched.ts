import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps.js';
import { limitSchema } from '../filters.js';
import { serialiseCluster } from '../serialise.js';

/** What no rule matched, clustered by template, biggest first: the list to write rules from. */
export function unmatchedRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/events/unmatched', { schema: { querystring: z.strictObject({ limit: limitSchema }) } }, async (request) => ({
      clusters: deps.store.listUnmatched(request.query.limit).map(serialiseCluster),
    }));
  };
}
