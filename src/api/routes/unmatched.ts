import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps.js';
import { limitSchema } from '../filters.js';
import { serialiseCluster, serialiseNotification } from '../serialise.js';
import { NOTIFICATION_STATUSES } from '../../correlation/notification.js';

/** What no rule matched, clustered by template, biggest first: the list to write rules from. And the notification outbox. */
export function unmatchedRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/events/unmatched', { schema: { querystring: z.strictObject({ limit: limitSchema }) } }, async (request) => ({
      clusters: deps.store.listUnmatched(request.query.limit).map(serialiseCluster),
    }));

    app.get(
      '/api/v1/notifications',
      { schema: { querystring: z.strictObject({ status: z.enum(NOTIFICATION_STATUSES).optional(), alarmId: z.coerce.number().int().positive().optional(), limit: limitSchema }) } },
      async (request) => ({ notifications: deps.store.listNotifications(request.query).map(serialiseNotification) }),
    );
  };
}
