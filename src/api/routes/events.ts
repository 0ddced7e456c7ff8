import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../deps.js';
import { eventFiltersSchema, nodeIdsFor } from '../filters.js';
import { serialiseEvent } from '../serialise.js';

/** Stored events, newest first; page back with `beforeId` = the last id of the previous page. */
export function eventRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/events', { schema: { querystring: eventFiltersSchema } }, async (request) => {
      const q = request.query;
      const events = deps.store.listEvents({
        nodeId: q.node,
        nodeIds: nodeIdsFor(deps.fleet, q),
        source: q.source,
        category: q.category,
        minSeverity: q.severity,
        since: q.since,
        until: q.until,
        unknownSource: q.unknownSource,
        alarmId: q.alarmId,
        beforeId: q.beforeId,
        limit: q.limit,
      });
      const last = events.at(-1);
      return {
        events: events.map((event) => serialiseEvent(event, deps.fleet)),
        nextBeforeId: events.length === q.limit && last ? last.id : null,
      };
    });
  };
}
