import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CodedError } from '../../errors.js';
import type { ApiDeps } from '../deps.js';
import { alarmFiltersSchema, nodeIdsFor } from '../filters.js';
import { serialiseAlarm, serialiseEvent, serialiseNotification, serialiseTransition } from '../serialise.js';

const RECENT_EVENTS = 50;

export function alarmRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/alarms', { schema: { querystring: alarmFiltersSchema } }, async (request) => {
      const q = request.query;
      const alarms = deps.store.listAlarms({
        state: q.state === 'open' ? undefined : q.state,
        open: q.state === 'open' ? true : undefined,
        nodeId: q.node,
        nodeIds: nodeIdsFor(deps.fleet, q),
        category: q.category,
        minSeverity: q.severity,
        limit: q.limit,
      });
      return { alarms: alarms.map((alarm) => serialiseAlarm(alarm, deps.fleet)) };
    });

    app.get('/api/v1/alarms/:id', { schema: { params: z.strictObject({ id: z.coerce.number().int().positive() }) } }, async (request) => {
      const alarm = deps.store.getAlarm(request.params.id);
      if (!alarm) throw new CodedError('IPO_ERR_NOT_FOUND', `alarm ${request.params.id} does not exist (it may have been removed by retention)`);
      return {
        alarm: serialiseAlarm(alarm, deps.fleet),
        transitions: deps.store.alarmTransitions(alarm.id).map(serialiseTransition),
        notifications: deps.store.listNotifications({ alarmId: alarm.id, limit: RECENT_EVENTS }).map(serialiseNotification),
        recentEvents: deps.store.listEvents({ alarmId: alarm.id, limit: RECENT_EVENTS }).map((event) => serialiseEvent(event, deps.fleet)),
      };
    });
  };
}
