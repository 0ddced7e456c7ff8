import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acknowledgeAudited } from '../../audit/audited-acknowledge.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { principalOf } from '../auth/principal.js';
import type { ApiDeps } from '../deps.js';
import { serialiseAlarm, serialiseTransition } from '../serialise.js';

const params = z.strictObject({ id: z.coerce.number().int().positive() });
const body = z
  .strictObject({
    user: z.string().trim().min(1).max(100).optional().describe('who acknowledges: required while authentication is off; signed in, it is always the principal'),
    note: z.string().max(2000).optional(),
  })
  .default({});

/** Acknowledge and unacknowledge (operator): each a stored transition with user and note, and an audit entry. */
export function alarmActionRoutes(deps: ApiDeps, audit: AuditLog): FastifyPluginAsyncZod {
  return async (app) => {
    for (const action of ['acknowledge', 'unacknowledge'] as const) {
      app.post(`/api/v1/alarms/:id/${action}`, { config: { minRole: 'operator' }, schema: { params, body } }, async (request) => {
        const result = acknowledgeAudited(deps.store, audit, {
          action,
          alarmId: request.params.id,
          principal: principalOf(request),
          typedUser: request.body.user,
          note: request.body.note ?? null,
          at: deps.now(),
          remoteAddress: request.ip,
        });
        return { alarm: serialiseAlarm(result.alarm, deps.fleet), transition: serialiseTransition(result.transition) };
      });
    }
  };
}
