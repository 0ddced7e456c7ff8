import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acknowledgeAlarm, unacknowledgeAlarm } from '../../correlation/acknowledge.js';
import type { ApiDeps } from '../deps.js';
import { serialiseAlarm, serialiseTransition } from '../serialise.js';

const params = z.strictObject({ id: z.coerce.number().int().positive() });
const body = z.strictObject({
  user: z.string().trim().min(1).max(100).describe('who acknowledges (until authentication lands, the caller names the user)'),
  note: z.string().max(2000).optional(),
});

/** Acknowledge and unacknowledge, each a stored transition with user and note. */
export function alarmActionRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/v1/alarms/:id/acknowledge', { schema: { params, body } }, async (request) => {
      const result = acknowledgeAlarm(deps.store, { alarmId: request.params.id, user: request.body.user, note: request.body.note ?? null, at: deps.now() });
      return { alarm: serialiseAlarm(result.alarm, deps.fleet), transition: serialiseTransition(result.transition) };
    });
    app.post('/api/v1/alarms/:id/unacknowledge', { schema: { params, body } }, async (request) => {
      const result = unacknowledgeAlarm(deps.store, { alarmId: request.params.id, user: request.body.user, note: request.body.note ?? null, at: deps.now() });
      return { alarm: serialiseAlarm(result.alarm, deps.fleet), transition: serialiseTransition(result.transition) };
    });
  };
}
